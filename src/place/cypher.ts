/** Cypher of the `places` list: its filters and order. */
import { byName, Conditions, type ListQuery } from '../query/list.js';
import type { PlaceFilter, PlaceOrder } from '../generated/graphql.js';

export function placesQuery(
  filter: PlaceFilter | null | undefined,
  orderBy: PlaceOrder | null | undefined,
): ListQuery<'Place'> {
  const conditions = new Conditions('Place')
    .nameContains(filter?.nameContains)
    .equals('kind', filter?.kind)
    .related(filter?.locatedIn, 'placeLocatedIn');
  return { ...conditions, sortKey: byName, direction: orderBy?.direction ?? 'ASC' };
}
