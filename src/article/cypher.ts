/** Cypher of the `articles` list: its filters and order. */
import { dateRangeArgument } from '../graph/date-window.js';
import { Conditions, type ListQuery } from '../query/list.js';
import type { ArticleFilter, ArticleOrder } from '../generated/graphql.js';

export function articlesQuery(
  filter: ArticleFilter | null | undefined,
  orderBy: ArticleOrder | null | undefined,
): ListQuery<'Article'> {
  const conditions = new Conditions('Article')
    .contains(['headline'], filter?.headlineContains)
    .dateRange(dateRangeArgument(filter ?? {}, 'filter.'))
    .related(filter?.publisher, 'articlePublisher')
    .equals('language', filter?.language);
  return { ...conditions, sortKey: conditions.dateKey, direction: orderBy?.direction ?? 'ASC' };
}
