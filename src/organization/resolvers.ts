/** Organization: lookups, the `organizations` list, its structure, members, meetings and statements. */
import { expansionConnection, expansionSingle } from '../graph/connection.js';
import { listConnection } from '../graph/list.js';
import { aliasesOf, sourcesOf } from '../graph/node-fields.js';
import type { OrganizationKind, Resolvers } from '../generated/graphql.js';
import { lookup } from '../node/resolvers.js';
import { positionEdgeFields } from '../person/resolvers.js';
import { organizationsQuery } from './cypher.js';

export const organizationResolvers: Resolvers = {
  Query: {
    organization: lookup('Organization'),
    organizations: (_parent, args, ctx) => listConnection(ctx, organizationsQuery(args.filter, args.orderBy), args),
  },
  Organization: {
    kind: (org) => org.kind as OrganizationKind,
    description: (org) => (org.description as string | undefined) ?? null,
    aliases: aliasesOf,
    sources: sourcesOf,
    parent: async (org, _args, ctx) => (await expansionSingle(ctx, 'organizationParent', org.id))?.node ?? null,
    children: (org, args, ctx) => expansionConnection(ctx, 'organizationChildren', org.id, args),
    basedIn: async (org, _args, ctx) => (await expansionSingle(ctx, 'organizationBasedIn', org.id))?.node ?? null,
    members: (org, args, ctx) => expansionConnection(ctx, 'organizationMembers', org.id, args),
    meetings: (org, args, ctx) => expansionConnection(ctx, 'actorMeetings', org.id, args),
    statements: (org, args, ctx) => expansionConnection(ctx, 'actorStatements', org.id, args),
    addressedIn: (org, args, ctx) => expansionConnection(ctx, 'addressedIn', org.id, args),
    mentionedIn: (org, args, ctx) => expansionConnection(ctx, 'mentionedIn', org.id, args),
    published: (org, args, ctx) => expansionConnection(ctx, 'organizationPublished', org.id, args),
  },
  MemberEdge: positionEdgeFields,
};
