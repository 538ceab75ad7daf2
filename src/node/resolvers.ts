/** `node`, `nodes`, and what every node, actor, page and date shares. */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { badInput } from '../graph/arguments.js';
import { connectionResolvers } from '../graph/connection.js';
import { partialDateResolvers } from '../graph/node-fields.js';
import { typeNames, type NodeRecord, type TypeName } from '../graph/records.js';
import type { NodeType, Resolvers } from '../generated/graphql.js';
import { displayNameOf } from '../model/graph.js';
import { lookupNode } from '../query/root.js';

/**
 * A typed lookup, compiled with everything selected below it into one query (../query/root.ts):
 * null when the id is unknown or names a node of another type.
 */
export const lookup =
  (typename: TypeName) =>
  (_parent: unknown, { id }: { id: string }, ctx: Context, info: GraphQLResolveInfo): Promise<NodeRecord | null> =>
    lookupNode(ctx, info, id, typename);

/** Type resolution for an interface or union whose members are `allowed`. */
const resolveAmong = <T extends TypeName>(...allowed: T[]) => ({
  __resolveType: (node: NodeRecord): T | null =>
    (allowed as TypeName[]).includes(node.__typename) ? (node.__typename as T) : null,
});

const connectionTypes = [
  'ActorConnection',
  'MentionConnection',
  'PersonConnection',
  'PositionConnection',
  'MetWithConnection',
  'OrganizationConnection',
  'MemberConnection',
  'PlaceConnection',
  'MeetingConnection',
  'ParticipationConnection',
  'ParticipantConnection',
  'StatementConnection',
  'ArticleConnection',
  'TopicConnection',
  'TimelineConnection',
] as const;

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
    node: (_parent, { id }, ctx, info) => lookupNode(ctx, info, id, null),
    nodes: async (_parent, { ids }, ctx) => {
      if (ids.length > 100) throw badInput('ids', `may hold at most 100 ids, got ${ids.length}`);
      const nodes = await ctx.loaders.node.loadMany(ids);
      return nodes.map((node) => (node instanceof Error ? null : node));
    },
  },
  Node: resolveAmong('Person', 'Organization', 'Place', 'Meeting', 'Statement', 'Article', 'Topic'),
  Actor: resolveAmong('Person', 'Organization'),
  Mentionable: resolveAmong('Person', 'Organization', 'Place', 'Meeting', 'Topic'),
  TimelineItem: resolveAmong('Meeting', 'Statement'),
  PartialDate: partialDateResolvers,
  ...(Object.fromEntries(connectionTypes.map((type) => [type, connectionResolvers])) as Resolvers),
};
