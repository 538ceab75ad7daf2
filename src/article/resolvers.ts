/** Article: the source documents, with their publisher and the statements they report. */
import { idListConnection } from '../graph/connection.js';
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../query/list.js';
import { dateOf, sourcesScope } from '../graph/node-fields.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { articlesQuery } from './cypher.js';

export const articleResolvers: Resolvers = {
  Query: {
    article: lookup('Article'),
    articles: (_parent, args, ctx, info) => listConnection(ctx, articlesQuery(args.filter, args.orderBy), args, info),
  },
  Article: {
    ...relationResolvers('Article'),
    url: (article) => article.url ?? null,
    date: (article) => dateOf(article.date),
    publishedOn: (article) => dateOf(article.date),
    sources: (article, args, ctx) => idListConnection(ctx, [article.id], args, sourcesScope(article.id)),
  },
};
