/** Cypher of the `statements` list: its filters and order. */
import { dateRangeArgument } from '../graph/date-window.js';
import { Conditions, type ListQuery } from '../graph/list.js';
import type { StatementFilter, StatementOrder } from '../generated/graphql.js';

export function statementsQuery(
  filter: StatementFilter | null | undefined,
  orderBy: StatementOrder | null | undefined,
): ListQuery {
  const conditions = new Conditions()
    .add(
      filter?.textContains?.toLowerCase(),
      'textContains',
      '(toLower(n.text) CONTAINS $textContains OR toLower(n.summary) CONTAINS $textContains)',
    )
    .add(filter?.kind, 'kind', 'n.kind = $kind')
    .add(filter?.language, 'language', 'n.language = $language')
    .dateRange(dateRangeArgument(filter ?? {}, 'filter.'))
    .related(filter?.speaker, 'speaker', '(n)<-[:STATED]-(x)')
    .related(filter?.mentions, 'mentions', '(n)-[:MENTIONS]->(x)')
    .related(filter?.topic, 'topic', '(n)-[:ABOUT]->(x)')
    .related(filter?.occasion, 'occasion', '(n)-[:MADE_AT]->(x)')
    .related(filter?.audience, 'audience', '(n)-[:HEARD_BY]->(x)');
  return { label: 'Statement', ...conditions, sortKey: conditions.dateKey, direction: orderBy?.direction ?? 'ASC' };
}
