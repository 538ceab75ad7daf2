/** `timeline`: what an entity did or what happened about it, in date order. */
import { dateArgument, listScope, pageWindow, type CursorKey } from '../graph/arguments.js';
import { connection, pageFromRows } from '../graph/connection.js';
import { windowShape } from '../graph/loaders.js';
import { toNodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { timelineCountCypher, timelinePageCypher } from './cypher.js';

export const timelineResolvers: Resolvers = {
  Query: {
    timeline: (_parent, args, ctx) => {
      const params = { of: args.of, from: dateArgument('from', args.from), to: dateArgument('to', args.to) };
      const scope = listScope('timeline', params);
      const window = pageWindow(args, scope, 20, 2);
      return connection(
        async () => {
          const [row] = await ctx.db.read<{
            items: { node: Record<string, unknown>; key: CursorKey }[];
            precedes?: boolean;
            follows?: boolean;
          }>(timelinePageCypher(windowShape(window)), {
            ...params,
            after: window.after,
            before: window.before,
            limit: window.size + 1,
          });
          return pageFromRows(
            (row?.items ?? []).map((item) => ({ node: ctx.loaders.prime(toNodeRecord(item.node)), key: item.key })),
            window,
            scope,
            { precedes: row?.precedes, follows: row?.follows },
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
