/** Statement: lookups, the `statements` list, who said it, where, to whom, about what, in which article. */
import { expansionSingle, thenMaybe } from '../graph/connection.js';
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../query/list.js';
import { dateOf, required, sourcesOf } from '../graph/node-fields.js';
import { isActor, recordOf } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { statementsQuery } from './cypher.js';

export const statementResolvers: Resolvers = {
  Query: {
    statement: lookup('Statement'),
    statements: (_parent, args, ctx, info) =>
      listConnection(ctx, statementsQuery(args.filter, args.orderBy), args, info),
  },
  Statement: {
    kind: (statement) => required(statement.kind, statement.id, 'kind'),
    date: (statement) => dateOf(statement.date),
    sources: sourcesOf,
    ...relationResolvers('Statement'),
    speaker: (statement, _args, ctx, info) =>
      thenMaybe(expansionSingle(ctx, 'statementSpeaker', statement, info), (speaker) => {
        // The seeder never writes a statement without its speaker, a person or an organization.
        const node = speaker?.node;
        if (!isActor(node)) throw new Error(`statement ${statement.id} has no speaker`);
        return node;
      }),
    reportedIn: (statement, _args, ctx, info) =>
      thenMaybe(expansionSingle(ctx, 'statementReportedIn', statement, info), (reported) => {
        const article = recordOf('Article', reported?.node);
        if (!reported || !article) return null;
        return {
          article,
          // Read only when selected: a compiled query fetches the relationship only then.
          get paragraph() {
            return required(reported.rel.paragraph, `${statement.id} in its article`, 'paragraph');
          },
          get offset() {
            return required(reported.rel.offset, `${statement.id} in its article`, 'offset');
          },
        };
      }),
  },
};
