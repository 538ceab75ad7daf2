/** `timeline`: what an entity did or what happened about it, in date order. */
import { dateRangeArgument } from '../graph/date-window.js';
import { sourceConnection } from '../query/list.js';
import { dateOf, required } from '../graph/node-fields.js';
import { isRecordOf, type NodeRecord } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';
import { timelineSource } from './cypher.js';

const isTimelineItem = (node: NodeRecord) => isRecordOf('Meeting', node) || isRecordOf('Statement', node);

export const timelineResolvers: Resolvers = {
  Query: {
    // One query for the page and everything selected on its items (and the count when selected).
    timeline: (_parent, args, ctx, info) =>
      sourceConnection(ctx, timelineSource(args.of, dateRangeArgument(args, '')), args, info, (node) =>
        isTimelineItem(node),
      ),
  },
  TimelineEdge: {
    date: (edge) => required(dateOf(edge.node.date), edge.node.id, 'date'),
  },
};
