/** Cypher of the `topics` list: its filter and order. */
import { byName, Conditions, type ListQuery } from '../query/list.js';
import type { TopicFilter } from '../generated/graphql.js';

export function topicsQuery(filter: TopicFilter | null | undefined): ListQuery<'Topic'> {
  const conditions = new Conditions('Topic').nameContains(filter?.nameContains);
  return { ...conditions, sortKey: byName, direction: 'ASC' };
}
