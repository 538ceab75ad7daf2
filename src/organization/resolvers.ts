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
    organizations: (_parent, args, ctx, info) =>
      listConnection(ctx, organizationsQuery(args.filter, args.orderBy), args, info),
  },
  Organization: {
    kind: (org) => org.kind as OrganizationKind,
    description: (org) => (org.description as string | undefined) ?? null,
    unnamed: (org) => org.unnamed === true,
    aliases: aliasesOf,
    sources: sourcesOf,
    parent: async (org, _args, ctx) => (await expansionSingle(ctx, 'organizationParent', org.id))?.node ?? null,
    children: (org, args, ctx, info) => expansionConnection(ctx, 'organizationChildren', org.id, args, info),
    basedIn: async (org, _args, ctx) => (await expansionSingle(ctx, 'organizationBasedIn', org.id))?.node ?? null,
    members: (org, args, ctx, info) => expansionConnection(ctx, 'organizationMembers', org.id, args, info),
    meetings: (org, args, ctx, info) => expansionConnection(ctx, 'actorMeetings', org.id, args, info),
    statements: (org, args, ctx, info) => expansionConnection(ctx, 'actorStatements', org.id, args, info),
    addressedIn: (org, args, ctx, info) => expansionConnection(ctx, 'addressedIn', org.id, args, info),
    mentionedIn: (org, args, ctx, info) => expansionConnection(ctx, 'mentionedIn', org.id, args, info),
    heard: (org, args, ctx, info) => expansionConnection(ctx, 'heard', org.id, args, info),
    published: (org, args, ctx, info) => expansionConnection(ctx, 'organizationPublished', org.id, args, info),
  },
  MemberEdge: positionEdgeFields,
};
