/** Ingest and retraction: the write mutations (auth/plugin.ts has checked the write token before they run). */
import type { Identity } from '../auth/tokens.js';
import { encodeBookmark } from '../db/bookmarks.js';
import type { Resolvers } from '../generated/graphql.js';
import type { GraphContext } from '../graph/context.js';
import { recordOf } from '../graph/records.js';
import { ingestDocument, retractArticle, type IngestLimits, type WriteTarget } from './service.js';

/** What the write resolvers read of a request's context (../context.ts builds it). */
interface WriteContext extends GraphContext, WriteTarget {
  auth: { identity: Identity | null };
  ingestLimits: IngestLimits;
}

const target = (ctx: WriteContext): WriteTarget => ({ driver: ctx.driver, database: ctx.database, logger: ctx.logger });

/** The writer's name; the plugin guarantees a write identity, this guards against a wiring mistake. */
function actor(ctx: WriteContext): string {
  const identity = ctx.auth.identity;
  if (identity?.scope !== 'write') throw new Error('a write resolver ran without a write identity');
  return identity.name;
}

export const ingestResolvers: Resolvers = {
  Mutation: {
    ingestArticle: async (_parent, { document }, ctx) => {
      const result = await ingestDocument(target(ctx), document, actor(ctx), ctx.ingestLimits);
      // The payload's article is read after the write: make this request's reads wait for it.
      ctx.db.addBookmarks(result.bookmarks);
      const article = result.article ? recordOf('Article', await ctx.loaders.node.load(result.article)) : null;
      return {
        article,
        outcome: result.outcome,
        nodesCreated: result.counts?.nodesCreated ?? 0,
        nodesMerged: result.counts?.nodesMerged ?? 0,
        relationshipsCreated: result.counts?.relationshipsCreated ?? 0,
        relationshipsMerged: result.counts?.relationshipsMerged ?? 0,
        bookmark: result.bookmarks.length > 0 ? encodeBookmark(result.bookmarks) : null,
        userErrors: result.userErrors,
      };
    },
    retractArticle: async (_parent, { id }, ctx) => {
      const result = await retractArticle(target(ctx), id, actor(ctx));
      const c = result.counts;
      return {
        articleId: id,
        retracted: c !== null,
        nodesDeleted: c?.nodesDeleted ?? 0,
        nodesUpdated: c?.nodesUpdated ?? 0,
        relationshipsDeleted: c?.relationshipsDeleted ?? 0,
        relationshipsUpdated: c?.relationshipsUpdated ?? 0,
        dependentRelationshipsDeleted: c?.dependentRelationshipsDeleted ?? 0,
        bookmark: result.bookmarks.length > 0 ? encodeBookmark(result.bookmarks) : null,
        userErrors: result.userErrors,
      };
    },
  },
  Article: {
    ingestedBy: (article) => article.ingestedBy ?? null,
    ingestedAt: (article) => article.ingestedAt ?? null,
  },
};
