/** `timeline`: what an entity did or what happened about it, in date order. */
import { pageArguments } from '../graph/arguments.js';
import { dateRangeArgument, windowParams } from '../graph/date-window.js';
import { connection, pageFromRows } from '../graph/connection.js';
import { toNodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { timelineCountCypher, timelinePageCypher } from './cypher.js';

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: (_parent, args, ctx) => {
      const { first, after } = pageArguments(args);
      const params = { of: args.of, ...windowParams(dateRangeArgument(args, '')) };
      return connection(
        async () => {
          const rows = await ctx.db.read<{ node: Record<string, unknown>; key: string }>(timelinePageCypher, {
            ...params,
            afterKey: after?.key ?? null,
            afterId: after?.id ?? null,
            limit: first + 1,
          });
          return pageFromRows(
            rows.map((row) => ({ node: ctx.loaders.prime(toNodeRecord(row.node)), key: row.key })),
            first,
            after,
          );
        },
        async () => (await ctx.db.read<{ total: number }>(timelineCountCypher, params))[0]?.total ?? 0,
      );
    },
  },
  TimelineEdge: {
    date: (edge) => edge.node.date as string,
  },
};
