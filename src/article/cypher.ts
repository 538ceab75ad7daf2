/** Cypher of the `articles` list: its filters and order. */
import { dateArgument } from '../graph/arguments.js';
import { Conditions, type ListQuery } from '../graph/list.js';
import type { ArticleFilter, ArticleOrder } from '../generated/graphql.js';

export function articlesQuery(
  filter: ArticleFilter | null | undefined,
  orderBy: ArticleOrder | null | undefined,
): ListQuery<'Article'> {
  const conditions = new Conditions('Article')
    .contains(['headline'], filter?.headlineContains)
    .dateRange(dateArgument('filter.from', filter?.from), dateArgument('filter.to', filter?.to))
    .related(filter?.publisher, 'articlePublisher')
    .equals('language', filter?.language);
  return { ...conditions, sortKey: conditions.dateKey, direction: orderBy?.direction ?? 'ASC' };
}
