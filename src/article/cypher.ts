/** Cypher of the `articles` list: its filters and order. */
import { dateRangeArgument } from '../graph/date-window.js';
import { Conditions, type ListQuery } from '../graph/list.js';
import type { ArticleFilter, ArticleOrder } from '../generated/graphql.js';

export function articlesQuery(
  filter: ArticleFilter | null | undefined,
  orderBy: ArticleOrder | null | undefined,
): ListQuery {
  const conditions = new Conditions()
    .add(filter?.headlineContains?.toLowerCase(), 'headlineContains', 'toLower(n.headline) CONTAINS $headlineContains')
    .dateRange(dateRangeArgument(filter ?? {}, 'filter.'))
    .related(filter?.publisher, 'publisher', '(n)-[:PUBLISHED_BY]->(x)')
    .add(filter?.language, 'language', 'n.language = $language');
  return { label: 'Article', ...conditions, sortKey: conditions.dateKey, direction: orderBy?.direction ?? 'ASC' };
}
