/** Cypher of the `people` list: its filters and order. */
import { byName, Conditions, type ListQuery } from '../graph/list.js';
import type { PersonFilter, PersonOrder } from '../generated/graphql.js';

export function peopleQuery(
  filter: PersonFilter | null | undefined,
  orderBy: PersonOrder | null | undefined,
): ListQuery {
  const conditions = new Conditions()
    .nameContains(filter?.nameContains)
    .related(filter?.organization, 'organization', '(n)-[:HOLDS_POSITION]->(x)')
    .related(filter?.meeting, 'meeting', '(n)-[:PARTICIPATED_IN]->(x)');
  return { label: 'Person', ...conditions, sortKey: byName, direction: orderBy?.direction ?? 'ASC' };
}
