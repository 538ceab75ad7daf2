/** Cypher of the `places` list: its filters and order. */
import { byName, Conditions, type ListQuery } from '../graph/list.js';
import type { PlaceFilter, PlaceOrder } from '../generated/graphql.js';

export function placesQuery(filter: PlaceFilter | null | undefined, orderBy: PlaceOrder | null | undefined): ListQuery {
  const conditions = new Conditions()
    .nameContains(filter?.nameContains)
    .add(filter?.kind, 'kind', 'n.kind = $kind')
    .related(filter?.locatedIn, 'locatedIn', '(n)-[:LOCATED_IN]->(x)');
  return { label: 'Place', ...conditions, sortKey: byName, direction: orderBy?.direction ?? 'ASC' };
}
