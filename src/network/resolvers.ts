/** Derived networks over GraphQL: who met whom, who mentions whom, with measures, rankings and communities. */
import type { Context } from '../context.js';
import {
  badInput,
  defaultPageSize,
  encodeCursor,
  intInRange,
  listScope,
  pageWindow,
  type PageArgs,
} from '../graph/arguments.js';
import { arrayWindow } from '../graph/connection.js';
import { dateWindowArgument } from '../graph/date-window.js';
import type { NetworkNodeType, QueryNetworkArgs, Resolvers } from '../generated/graphql.js';
import type { Label } from '../seed/graph-rows.js';
import { actorTypes, loadNetwork, type NetworkSpec } from './load.js';
import { NetworkModel } from './model.js';

/** The most nodes a network asked for over GraphQL may keep: betweenness stays within seconds. */
export const maxNetworkNodes = 5000;
/** Relationships kept per node kept, at most. */
export const relationshipsPerNode = 50;
/** Nodes × relationships of the largest network whose betweenness a request may ask for (a second or two). */
export const betweennessBudget = 20_000_000;

/** Betweenness, refused for a network too large to compute it within a request. */
export function betweennessOf(model: NetworkModel) {
  if (!model.betweennessAffordable(betweennessBudget)) {
    throw badInput(
      'maxNodes',
      `gives a network of ${model.graph.order} nodes and ${model.graph.size} relationships, too large for betweenness ` +
        `(nodes × relationships at most ${betweennessBudget.toLocaleString('en')}): lower maxNodes or narrow the network`,
    );
  }
  return model;
}

const labelOf: Record<NetworkNodeType, Label> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  PLACE: 'Place',
  MEETING: 'Meeting',
  TOPIC: 'Topic',
};

export function nodeTypesArgument(
  argument: string,
  types: readonly NetworkNodeType[] | null | undefined,
): Label[] | null {
  if (types === null || types === undefined) return null;
  const labels = [...new Set(types)].map((type) => {
    if (!Object.hasOwn(labelOf, type)) throw badInput(argument, `has an unknown type "${type}"`);
    return labelOf[type];
  });
  if (labels.length === 0) throw badInput(argument, 'must name at least one type');
  return labels;
}

/** The arguments of `network` (also the export's query parameters), checked, as a spec to load. */
export function networkSpec(
  args: QueryNetworkArgs,
  maxNodesCap = maxNetworkNodes,
  windowNames = { from: 'during.from', to: 'during.to' },
): NetworkSpec {
  const maxNodes = intInRange('maxNodes', args.maxNodes, 1, maxNodesCap, 1000);
  const nodeTypes = nodeTypesArgument('nodeTypes', args.nodeTypes) ?? [...actorTypes];
  if (args.kind === 'WHO_MET_WHOM' && nodeTypes.some((type) => !actorTypes.includes(type))) {
    throw badInput(
      'nodeTypes',
      'may only be PERSON and ORGANIZATION for WHO_MET_WHOM (only they take part in meetings)',
    );
  }
  if (args.kind === 'WHO_MENTIONS_WHOM' && !nodeTypes.some((type) => actorTypes.includes(type))) {
    throw badInput('nodeTypes', 'must include PERSON or ORGANIZATION for WHO_MENTIONS_WHOM (only they speak)');
  }
  if (args.articles && args.articles.length === 0) throw badInput('articles', 'must name at least one article');
  if (args.articles && args.articles.length > 1000) throw badInput('articles', 'may name at most 1000 articles');
  return {
    kind: args.kind,
    window: dateWindowArgument(args.during, windowNames),
    topic: args.topic ?? null,
    articles: args.articles ? [...new Set(args.articles)] : null,
    nodeTypes,
    maxNodes,
    maxRelationships: maxNodes * relationshipsPerNode,
  };
}

/** The seed of Louvain's generator: any 32-bit integer. */
export function seedArgument(seed: number | null | undefined): number {
  return intInRange('seed', seed, -(2 ** 31), 2 ** 31 - 1, 1);
}

/**
 * A Relay connection over a list already in memory, in both directions; cursors are positions, checked
 * against the id there, and carry the list's scope (`parts`: the network's arguments and the field's).
 */
function listConnection<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  args: PageArgs,
  field: [type: string, field: string],
  parts: unknown[],
) {
  const scope = listScope('network', ...field, ...parts);
  const window = pageWindow(args, scope, defaultPageSize(...field), 2);
  const { start, end, hasNextPage, hasPreviousPage } = arrayWindow(items.map(idOf), window);
  const page = items.slice(start, end);
  const edges = page.map((node, i) => ({
    cursor: encodeCursor(scope, [start + i, idOf(node)]),
    rank: start + i + 1,
    node,
  }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

/** Loads the network of a request: two Cypher queries, whatever its size. */
export async function networkOf(ctx: Context, spec: NetworkSpec, seed: number): Promise<NetworkModel> {
  const data = await loadNetwork((cypher, params) => ctx.db.read(cypher, params), spec);
  const model = new NetworkModel(data, seed);
  // What the network's lists are lists of: their cursors are good for this network only.
  model.scope = listScope(spec, seed);
  return model;
}

export const networkResolvers: Resolvers = {
  Query: {
    network: (_parent, args, ctx) => networkOf(ctx, networkSpec(args), seedArgument(args.seed)),
  },
  Network: {
    kind: (model) => model.kind,
    directed: (model) => model.directed,
    nodeCount: (model) => model.nodes.length,
    relationshipCount: (model) => model.relationships.length,
    truncated: (model) => model.truncated,
    modularity: (model) => model.louvain().modularity,
    nodes: (model, args) => listConnection(model.nodes, (node) => node.id, args, ['Network', 'nodes'], [model.scope]),
    relationships: (model, args) =>
      listConnection(
        model.relationships,
        (rel) => `${rel.from.id}|${rel.to.id}`,
        args,
        ['Network', 'relationships'],
        [model.scope],
      ),
    ranking: (model, args) => {
      const nodeTypes = nodeTypesArgument('nodeTypes', args.nodeTypes);
      return listConnection(
        (args.by === 'BETWEENNESS' ? betweennessOf(model) : model).ranking(args.by, nodeTypes),
        (node) => node.id,
        args,
        ['Network', 'ranking'],
        [model.scope, args.by, nodeTypes],
      );
    },
    communities: (model, args) =>
      listConnection(
        model.communities(),
        (community) => String(community.id),
        args,
        ['Network', 'communities'],
        [model.scope],
      ),
  },
  NetworkNode: {
    id: (node) => node.id,
    node: async (node, _args, ctx) => {
      const record = await ctx.loaders.node.load(node.id);
      if (!record) throw new Error(`network node ${node.id} is not in the graph`);
      return record;
    },
    weightedDegree: (node) => node.model.degrees().get(node.id)!.total,
    weightedInDegree: (node) => node.model.degrees().get(node.id)!.in,
    weightedOutDegree: (node) => node.model.degrees().get(node.id)!.out,
    pageRank: (node) => node.model.measure(node, 'PAGE_RANK'),
    betweenness: (node) => betweennessOf(node.model).measure(node, 'BETWEENNESS'),
    community: (node) => node.model.louvain().community.get(node.id)!,
  },
  NetworkCommunity: {
    size: (community) => community.members.length,
    members: (community, args) =>
      listConnection(
        community.members,
        (node) => node.id,
        args,
        ['NetworkCommunity', 'members'],
        [community.members[0]?.model.scope, community.id],
      ),
  },
};
