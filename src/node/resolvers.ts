/** `node`, `nodes`, and what every node, actor, page and date shares. */
import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../graph/arguments.js';
import { connectionResolvers } from '../graph/connection.js';
import type { GraphContext } from '../graph/context.js';
import { partialDateResolvers } from '../graph/node-fields.js';
import { recordOf, typeNames, type NodeRecord, type TypeName } from '../graph/records.js';
import type { NodeType, Resolvers } from '../generated/graphql.js';
import { displayNameOf, labelOfId } from '../model/graph.js';
import { lookupNode, lookupNodes } from '../query/root.js';

/**
 * A typed lookup, compiled with everything selected below it into one query (../query/root.ts):
 * null when the id is unknown or names a node of another type.
 */
export const lookup =
  <L extends TypeName>(typename: L) =>
  async (_parent: unknown, { id }: { id: string }, ctx: GraphContext, info: GraphQLResolveInfo) =>
    recordOf(typename, await lookupNode(ctx, info, id, typename));

/**
 * Type resolution of every interface and union: a record's type is its label (records.ts). Which
 * types may stand where is the schema's to say; the generated types check it here.
 */
const resolveType = <R extends NodeRecord>(node: R): R['__typename'] => node.__typename;

/** Resolvers shared by every connection type, for each connection type of the schema. */
const connections = {
  ActorConnection: connectionResolvers,
  MentionConnection: connectionResolvers,
  PersonConnection: connectionResolvers,
  PositionConnection: connectionResolvers,
  MetWithConnection: connectionResolvers,
  OrganizationConnection: connectionResolvers,
  MemberConnection: connectionResolvers,
  PlaceConnection: connectionResolvers,
  MeetingConnection: connectionResolvers,
  ParticipationConnection: connectionResolvers,
  ParticipantConnection: connectionResolvers,
  StatementConnection: connectionResolvers,
  ArticleConnection: connectionResolvers,
  TopicConnection: connectionResolvers,
  TimelineConnection: connectionResolvers,
} satisfies Resolvers;

/** `displayName` and `nodeType`, the same on every node type: by the model's rule (../model/graph.ts). */
const drawnFields = Object.fromEntries(
  typeNames.map((label) => [
    label,
    {
      displayName: (node: NodeRecord) => displayNameOf(label, node),
      nodeType: () => label.toUpperCase() as NodeType,
    },
  ]),
) as Resolvers;

export const nodeResolvers: Resolvers = {
  ...drawnFields,
  Query: {
    // An id names its label by its prefix (the model's idPrefixes): an id of no known kind is no node.
    node: (_parent, { id }, ctx, info) => {
      const label = labelOfId(id);
      return label ? lookupNode(ctx, info, id, label) : null;
    },
    nodes: (_parent, { ids }, ctx, info) => {
      if (ids.length > 100) throw badInput('ids', `may hold at most 100 ids, got ${ids.length}`);
      return lookupNodes(ctx, info, ids);
    },
  },
  Node: { __resolveType: resolveType },
  Actor: { __resolveType: resolveType },
  Mentionable: { __resolveType: resolveType },
  TimelineItem: { __resolveType: resolveType },
  PartialDate: partialDateResolvers,
  ...connections,
};
