/** `timeline`: what an entity did or what happened about it, in date order. */
import { dateArgument, pageArguments } from '../graph/arguments.js';
import { connection, pageFromRows } from '../graph/connection.js';
import { dateOf, required } from '../graph/node-fields.js';
import { isRecordOf, toNodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { timelineCountCypher, timelinePageCypher } from './cypher.js';

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: (_parent, args, ctx) => {
      const { first, after } = pageArguments(args);
      const params = { of: args.of, from: dateArgument('from', args.from), to: dateArgument('to', args.to) };
      return connection(
        async () => {
          const rows = await ctx.db.read<{ node: Record<string, unknown>; key: string }>(timelinePageCypher, {
            ...params,
            afterKey: after?.key ?? null,
            afterId: after?.id ?? null,
            limit: first + 1,
          });
          return pageFromRows(
            rows.flatMap((row) => {
              const node = ctx.loaders.prime(toNodeRecord(row.node));
              return isRecordOf('Meeting', node) || isRecordOf('Statement', node) ? [{ node, key: row.key }] : [];
            }),
            first,
            after,
          );
        },
        async () => (await ctx.db.read<{ total: number }>(timelineCountCypher, params))[0]?.total ?? 0,
      );
    },
  },
  TimelineEdge: {
    date: (edge) => required(dateOf(edge.node.date), edge.node.id, 'date'),
  },
};
