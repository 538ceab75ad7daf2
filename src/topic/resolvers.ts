/** Topic: what meetings and statements are about. */
import { expansionConnection } from '../graph/connection.js';
import { listConnection } from '../graph/list.js';
import { sourcesOf } from '../graph/node-fields.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { topicsQuery } from './cypher.js';

export const topicResolvers: Resolvers = {
  Query: {
    topic: lookup('Topic'),
    topics: (_parent, args, ctx) => listConnection(ctx, topicsQuery(args.filter), args),
  },
  Topic: {
    description: (topic) => (topic.description as string | undefined) ?? null,
    sources: sourcesOf,
    meetings: (topic, args, ctx) => expansionConnection(ctx, 'topicMeetings', topic.id, args),
    statements: (topic, args, ctx) => expansionConnection(ctx, 'topicStatements', topic.id, args),
    mentionedIn: (topic, args, ctx) => expansionConnection(ctx, 'mentionedIn', topic.id, args),
  },
};
