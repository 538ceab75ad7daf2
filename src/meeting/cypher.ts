/** Cypher of the `meetings` list: its filters and order. */
import { dateRangeArgument } from '../graph/date-window.js';
import { byName, Conditions, type ListQuery } from '../graph/list.js';
import type { MeetingFilter, MeetingOrder } from '../generated/graphql.js';

export function meetingsQuery(
  filter: MeetingFilter | null | undefined,
  orderBy: MeetingOrder | null | undefined,
): ListQuery {
  const conditions = new Conditions()
    .nameContains(filter?.nameContains)
    .add(filter?.kind, 'kind', 'n.kind = $kind')
    .dateRange(dateRangeArgument(filter ?? {}, 'filter.'))
    // A meeting in Geneva is also a meeting in Switzerland.
    .related(filter?.place, 'place', '(n)-[:HELD_IN]->(:Place)-[:LOCATED_IN*0..5]->(x)')
    .related(filter?.participant, 'participant', '(n)<-[:PARTICIPATED_IN]-(x)')
    .related(filter?.topic, 'topic', '(n)-[:ABOUT]->(x)');
  return {
    label: 'Meeting',
    ...conditions,
    sortKey: orderBy?.field === 'NAME' ? byName : conditions.dateKey,
    direction: orderBy?.direction ?? 'ASC',
  };
}
