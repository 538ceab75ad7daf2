/** `node`, `nodes`, and what every node, actor, page and date shares. */
import type { Context } from '../context.js';
import { badInput } from '../graph/arguments.js';
import { connectionResolvers } from '../graph/connection.js';
import { partialDateResolvers } from '../graph/node-fields.js';
import type { NodeRecord, TypeName } from '../graph/records.js';
import type { Resolvers } from '../generated/graphql.js';

/** A typed lookup: null when the id is unknown or names a node of another type. */
export const lookup =
  (typename: TypeName) =>
  async (_parent: unknown, { id }: { id: string }, ctx: Context): Promise<NodeRecord | null> => {
    const node = await ctx.loaders.node.load(id);
    return node?.__typename === typename ? node : null;
  };

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

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_parent, { id }, ctx) => ctx.loaders.node.load(id),
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
