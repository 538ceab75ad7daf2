/** Cypher of the `people` list: its filters and order. */
import { byName, Conditions, type ListQuery } from '../query/list.js';
import type { PersonFilter, PersonOrder } from '../generated/graphql.js';

export function peopleQuery(
  filter: PersonFilter | null | undefined,
  orderBy: PersonOrder | null | undefined,
): ListQuery<'Person'> {
  const conditions = new Conditions('Person')
    .nameContains(filter?.nameContains)
    .related(filter?.organization, 'personPositions')
    .related(filter?.meeting, 'actorMeetings');
  return { ...conditions, sortKey: byName, direction: orderBy?.direction ?? 'ASC' };
}
