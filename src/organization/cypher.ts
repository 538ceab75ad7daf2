/** Cypher of the `organizations` list: its filters and order. */
import { byName, Conditions, type ListQuery } from '../query/list.js';
import type { OrganizationFilter, OrganizationOrder } from '../generated/graphql.js';

export function organizationsQuery(
  filter: OrganizationFilter | null | undefined,
  orderBy: OrganizationOrder | null | undefined,
): ListQuery<'Organization'> {
  const conditions = new Conditions('Organization')
    .nameContains(filter?.nameContains)
    .equals('kind', filter?.kind)
    .equals('unnamed', filter?.unnamed)
    .related(filter?.parent, 'organizationParent');
  return {
    ...conditions,
    sortKey: byName,
    direction: orderBy?.direction ?? 'ASC',
  };
}
