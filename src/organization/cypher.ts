/** Cypher of the `organizations` list: its filters and order. */
import { byName, Conditions, type ListQuery } from '../graph/list.js';
import type { OrganizationFilter, OrganizationOrder } from '../generated/graphql.js';

export function organizationsQuery(
  filter: OrganizationFilter | null | undefined,
  orderBy: OrganizationOrder | null | undefined,
): ListQuery {
  const conditions = new Conditions()
    .nameContains(filter?.nameContains)
    .add(filter?.kind, 'kind', 'n.kind = $kind')
    .add(filter?.unnamed, 'unnamed', 'coalesce(n.unnamed, false) = $unnamed')
    .related(filter?.parent, 'parent', '(n)-[:PART_OF]->(x)');
  return {
    label: 'Organization',
    ...conditions,
    sortKey: byName,
    direction: orderBy?.direction ?? 'ASC',
  };
}
