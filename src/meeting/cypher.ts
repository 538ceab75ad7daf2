/** Cypher of the `meetings` list: its filters and order. */
import { dateRangeArgument } from '../graph/date-window.js';
import { byName, Conditions, type ListQuery } from '../query/list.js';
import { traversals } from '../model/graph.js';
import type { MeetingFilter, MeetingOrder } from '../generated/graphql.js';

export function meetingsQuery(
  filter: MeetingFilter | null | undefined,
  orderBy: MeetingOrder | null | undefined,
): ListQuery<'Meeting'> {
  const conditions = new Conditions('Meeting')
    .nameContains(filter?.nameContains)
    .equals('kind', filter?.kind)
    .dateRange(dateRangeArgument(filter ?? {}, 'filter.'))
    // A meeting in Geneva is also a meeting in Switzerland.
    .related(filter?.place, 'meetingPlace', { traversal: traversals.placeLocatedIn, hops: [0, 5] })
    .related(filter?.participant, 'meetingParticipants')
    .related(filter?.topic, 'meetingTopics');
  return {
    ...conditions,
    sortKey: orderBy?.field === 'NAME' ? byName : conditions.dateKey,
    direction: orderBy?.direction ?? 'ASC',
  };
}
