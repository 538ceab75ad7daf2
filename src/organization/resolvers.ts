/** Organization: lookups, the `organizations` list, its structure, members, meetings and statements. */
import { relationResolvers } from '../graph/relations.js';
import { listConnection } from '../query/list.js';
import { aliasesOf, required, sourcesOf } from '../graph/node-fields.js';
import type { Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { positionEdgeFields } from '../person/resolvers.js';
import { organizationsQuery } from './cypher.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: lookup('Organization'),
    organizations: (_parent, args, ctx, info) =>
      listConnection(ctx, organizationsQuery(args.filter, args.orderBy), args, info),
  },
  Organization: {
    ...relationResolvers('Organization'),
    kind: (org) => required(org.kind, org.id, 'kind'),
    description: (org) => org.description ?? null,
    unnamed: (org) => org.unnamed === true,
    aliases: aliasesOf,
    sources: sourcesOf,
  },
  MemberEdge: positionEdgeFields,
};
