/** Statement: lookups, the `statements` list, who said it, where, to whom, about what, in which article. */
import { expansionConnection, expansionSingle } from '../graph/connection.js';
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
    audience: (statement, args, ctx, info) => expansionConnection(ctx, 'statementAudience', statement.id, args, info),
    sources: sourcesOf,
    speaker: async (statement, _args, ctx) => {
      const speaker = await expansionSingle(ctx, 'statementSpeaker', statement.id);
      // The seeder never writes a statement without its speaker.
      if (!speaker) throw new Error(`statement ${statement.id} has no speaker`);
      return speaker.node;
    },
    occasion: async (statement, _args, ctx) =>
      (await expansionSingle(ctx, 'statementOccasion', statement.id))?.node ?? null,
    addressedTo: (statement, args, ctx, info) =>
      expansionConnection(ctx, 'statementAddressedTo', statement.id, args, info),
    mentions: (statement, args, ctx, info) => expansionConnection(ctx, 'statementMentions', statement.id, args, info),
    topics: (statement, args, ctx, info) => expansionConnection(ctx, 'statementTopics', statement.id, args, info),
    reportedIn: async (statement, _args, ctx) => {
      const reported = await expansionSingle(ctx, 'statementReportedIn', statement.id);
      if (!reported) return null;
      return {
        article: reported.node,
        paragraph: reported.rel.paragraph as number,
        offset: reported.rel.offset as number,
      };
    },
  },
};
