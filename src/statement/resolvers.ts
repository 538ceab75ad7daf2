/** Statement: lookups, the `statements` list, who said it, where, to whom, about what, in which article. */
import { expansionSingle } from '../graph/connection.js';
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../graph/list.js';
import { dateOf, sourcesOf } from '../graph/node-fields.js';
import type { Resolvers, StatementKind } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { statementsQuery } from './cypher.js';

export const statementResolvers: Resolvers = {
  Query: {
    statement: lookup('Statement'),
    statements: (_parent, args, ctx, info) =>
      listConnection(ctx, statementsQuery(args.filter, args.orderBy), args, info),
  },
  Statement: {
    kind: (statement) => statement.kind as StatementKind,
    date: (statement) => dateOf(statement.date),
    sources: sourcesOf,
    ...relationResolvers('Statement'),
    speaker: async (statement, _args, ctx, info) => {
      const speaker = await expansionSingle(ctx, 'statementSpeaker', statement, info);
      // The seeder never writes a statement without its speaker.
      if (!speaker) throw new Error(`statement ${statement.id} has no speaker`);
      return speaker.node;
    },
    reportedIn: async (statement, _args, ctx, info) => {
      const reported = await expansionSingle(ctx, 'statementReportedIn', statement, info);
      if (!reported) return null;
      return {
        article: reported.node,
        paragraph: reported.rel.paragraph as number,
        offset: reported.rel.offset as number,
      };
    },
  },
};
