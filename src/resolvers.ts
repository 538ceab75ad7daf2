/** Every domain's resolvers, merged into the one map Apollo Server takes. */
import { aboutResolvers } from './about/resolvers.js';
import type { Resolvers } from './generated/graphql.js';

export const resolvers: Resolvers = {
  Query: {
    ...aboutResolvers.Query,
  },
};
