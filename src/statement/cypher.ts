/** Cypher of the `statements` list: its filters and order. */
import { dateRangeArgument } from '../graph/date-window.js';
import { Conditions, type ListQuery } from '../query/list.js';
import type { StatementFilter, StatementOrder } from '../generated/graphql.js';

export function statementsQuery(
  filter: StatementFilter | null | undefined,
  orderBy: StatementOrder | null | undefined,
): ListQuery<'Statement'> {
  const conditions = new Conditions('Statement')
    .contains(['text', 'summary'], filter?.textContains)
    .equals('kind', filter?.kind)
    .equals('language', filter?.language)
    .dateRange(dateRangeArgument(filter ?? {}, 'filter.'))
    .related(filter?.speaker, 'statementSpeaker')
    .related(filter?.mentions, 'statementMentions')
    .related(filter?.topic, 'statementTopics')
    .related(filter?.occasion, 'statementOccasion')
    .related(filter?.audience, 'statementAudience');
  return { ...conditions, sortKey: conditions.dateKey, direction: orderBy?.direction ?? 'ASC' };
}
