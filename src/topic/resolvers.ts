/** Topic: what meetings and statements are about. */
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../query/list.js';
import { sourcesOf } from '../graph/node-fields.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { topicsQuery } from './cypher.js';

export const topicResolvers: Resolvers = {
  Query: {
    topic: lookup('Topic'),
    topics: (_parent, args, ctx, info) => listConnection(ctx, topicsQuery(args.filter), args, info),
  },
  Topic: {
    ...relationResolvers('Topic'),
    description: (topic) => topic.description ?? null,
    sources: sourcesOf,
  },
};
