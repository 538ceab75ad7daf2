/** Traversals: shortest paths, neighbourhoods ready to draw, who met whom, common connections. */
import { JSONObjectResolver } from 'graphql-scalars';
import type { Context } from '../context.js';
import { badInput, intInRange } from '../graph/arguments.js';
import { dateWindowArgument, windowParams, type DateWindow } from '../graph/date-window.js';
import { toNodeRecord, type NodeRecord, type RelationshipRecord } from '../graph/records.js';
import type { GraphRelationshipResolvers, RelationshipType, Resolvers } from '../generated/graphql.js';
import { metWithConnection } from '../person/resolvers.js';
import {
  relationshipProperties,
  relationshipTypes as allowedTypes,
  type RelationshipProperty,
} from '../model/graph.js';
import { idListConnection } from '../graph/connection.js';
import {
  allShortestPathsCypher,
  commonConnectionsCypher,
  neighborhoodLevelCypher,
  nodesByIdCypher,
  relationshipsAmongCypher,
  shortestPathCypher,
} from './cypher.js';

interface PathRecord {
  length: number;
  nodes: NodeRecord[];
  relationships: RelationshipRecord[];
}

type RawPath = { nodes: Record<string, unknown>[]; relationships: RelationshipRecord[] };

/** At most this many relationships per node returned by `neighborhood`. */
const relationshipsPerNode = 10;

/**
 * The `relationshipTypes` argument as the `$types` parameter: null for all types. The GraphQL enum
 * already restricts the values; checking them against the loader's allow-list keeps the two in step.
 */
function typesParam(types: readonly RelationshipType[] | null | undefined): string[] | null {
  if (types === null || types === undefined) return null;
  for (const type of types) {
    if (!Object.hasOwn(allowedTypes, type)) throw badInput('relationshipTypes', `has an unknown type "${type}"`);
  }
  return [...new Set(types)];
}

/** Nodes leave the database once: hydrated here and primed, so `from`/`to` cost no query. */
function hydrate(ctx: Context, raw: Record<string, unknown>): NodeRecord {
  return ctx.loaders.prime(toNodeRecord(raw));
}

function toPath(ctx: Context, raw: RawPath): PathRecord {
  return {
    length: raw.relationships.length,
    nodes: raw.nodes.map((node) => hydrate(ctx, node)),
    relationships: raw.relationships,
  };
}

/** The path of length 0 from a node to itself, or null when there is no such node. */
async function emptyPath(ctx: Context, id: string): Promise<PathRecord | null> {
  const node = await ctx.loaders.node.load(id);
  return node ? { length: 0, nodes: [node], relationships: [] } : null;
}

const sourceIdsOf = (rel: RelationshipRecord) =>
  Array.isArray(rel.properties.sources) ? (rel.properties.sources as string[]) : [];

const relationshipTitle = (rel: RelationshipRecord) =>
  typeof rel.properties.title === 'string' ? rel.properties.title : undefined;

/** Start, type and end identify a relationship; HOLDS_POSITION may repeat between two nodes with another title. */
function relationshipId(rel: RelationshipRecord): string {
  const title = relationshipTitle(rel);
  return `${rel.from}|${rel.type}|${rel.to}${title === undefined ? '' : `|${title}`}`;
}

const byRelationshipId = (x: RelationshipRecord, y: RelationshipRecord) => {
  const [a, b] = [relationshipId(x), relationshipId(y)];
  return a < b ? -1 : a > b ? 1 : 0;
};

async function endpoint(ctx: Context, id: string): Promise<NodeRecord> {
  const node = await ctx.loaders.node.load(id);
  if (!node) throw new Error(`relationship endpoint ${id} is not in the graph`);
  return node;
}

export interface NeighborhoodArgs {
  of: string;
  depth?: number | null;
  limit?: number | null;
  relationshipTypes?: readonly RelationshipType[] | null;
  /** Already checked (see dateWindowArgument); null for no window. */
  window?: DateWindow | null;
}

/** The parameters of a path query with its restrictions. */
function pathParams(types: string[] | null, window: DateWindow | null) {
  return { types, ...windowParams(window) };
}

/**
 * Breadth-first, one query per level, each asking for one id more than there is room for: when
 * that one comes back, more nodes lay within reach than `limit` allows. Then the nodes and the
 * relationships among them, in parallel: at most `depth` + 2 queries in all.
 */
export async function neighborhood(ctx: Context, args: NeighborhoodArgs) {
  const depth = intInRange('depth', args.depth, 1, 3, 1);
  const limit = intInRange('limit', args.limit, 1, 1000, 100);
  const types = typesParam(args.relationshipTypes);
  const window = args.window ?? null;
  // An unknown centre has no neighbours, and is found missing by the nodes query.
  const chosen = [args.of];
  let frontier = [args.of];
  let truncated = false;
  for (let level = 1; level <= depth && frontier.length > 0 && !truncated; level += 1) {
    const room = limit - chosen.length;
    const rows = await ctx.db.read<{ id: string }>(neighborhoodLevelCypher, {
      frontier,
      seen: chosen,
      types,
      room: room + 1,
      windowed: window !== null,
      ...windowParams(window),
    });
    const ids = rows.map((row) => row.id);
    if (ids.length > room) truncated = true;
    frontier = ids.slice(0, room);
    chosen.push(...frontier);
  }

  const maxRelationships = relationshipsPerNode * limit;
  const [nodeRows, relRows] = await Promise.all([
    ctx.db.read<{ node: Record<string, unknown> }>(nodesByIdCypher, { ids: chosen }),
    ctx.db.read<{ rel: RelationshipRecord }>(relationshipsAmongCypher, {
      ids: chosen,
      types,
      limit: maxRelationships + 1,
    }),
  ]);
  const byId = new Map(nodeRows.map((row) => [row.node.id as string, hydrate(ctx, row.node)]));
  if (!byId.has(args.of)) return null;
  if (relRows.length > maxRelationships) truncated = true;
  return {
    // Centre first, then level by level: the order in which they were chosen.
    nodes: chosen.flatMap((id) => byId.get(id) ?? []),
    relationships: relRows.slice(0, maxRelationships).map((row) => row.rel),
    truncated,
  };
}

export const traversalResolvers: Resolvers = {
  JSONObject: JSONObjectResolver,
  Query: {
    shortestPath: async (_parent, args, ctx) => {
      const maxHops = intInRange('maxHops', args.maxHops, 1, 10, 6);
      const types = typesParam(args.relationshipTypes);
      const window = dateWindowArgument(args.during);
      if (args.from === args.to) return emptyPath(ctx, args.from);
      const restrictions = { filtered: types !== null, windowed: window !== null };
      const [row] = await ctx.db.read<RawPath>(shortestPathCypher(maxHops, restrictions), {
        from: args.from,
        to: args.to,
        ...pathParams(types, window),
      });
      return row ? toPath(ctx, row) : null;
    },
    allShortestPaths: async (_parent, args, ctx) => {
      const maxHops = intInRange('maxHops', args.maxHops, 1, 10, 6);
      const first = intInRange('first', args.first, 1, 100, 10);
      const types = typesParam(args.relationshipTypes);
      const window = dateWindowArgument(args.during);
      if (args.from === args.to) {
        const path = await emptyPath(ctx, args.from);
        return path ? [path] : [];
      }
      const restrictions = { filtered: types !== null, windowed: window !== null };
      const rows = await ctx.db.read<RawPath>(allShortestPathsCypher(maxHops, restrictions), {
        from: args.from,
        to: args.to,
        ...pathParams(types, window),
        first,
      });
      return rows.map((row) => toPath(ctx, row));
    },
    neighborhood: (_parent, args, ctx) => neighborhood(ctx, { ...args, window: dateWindowArgument(args.during) }),
    whoMetWhom: async (_parent, args, ctx) => {
      const connection = metWithConnection(ctx, args.person, args); // checks `first` and `after` first
      const person = await ctx.loaders.node.load(args.person);
      return person?.__typename === 'Person' ? connection : null;
    },
    commonConnections: async (_parent, args, ctx) => {
      const first = intInRange('first', args.first, 1, 100, 20);
      const types = typesParam(args.relationshipTypes);
      const rows = await ctx.db.read<{
        node: Record<string, unknown>;
        toA: RelationshipRecord[];
        toB: RelationshipRecord[];
      }>(commonConnectionsCypher, { a: args.a, b: args.b, types, first });
      return rows.map((row) => ({
        node: hydrate(ctx, row.node),
        relationshipsToA: [...row.toA].sort(byRelationshipId),
        relationshipsToB: [...row.toB].sort(byRelationshipId),
      }));
    },
  },
  GraphRelationship: {
    id: relationshipId,
    type: (rel) => rel.type as RelationshipType,
    from: (rel, _args, ctx) => endpoint(ctx, rel.from),
    to: (rel, _args, ctx) => endpoint(ctx, rel.to),
    properties: (rel) => {
      // Provenance (sources, and the claims of src/seed/claims.ts) is not the relationship's own property.
      const { sources: _sources, claims: _claims, ...rest } = rel.properties;
      return rest;
    },
    sourceIds: (rel) => sourceIdsOf(rel),
    sources: (rel, args, ctx) => idListConnection(ctx, sourceIdsOf(rel), args),
    // One typed field per property the model declares for some relationship type; null on the others.
    ...(Object.fromEntries(
      [...new Set(Object.values(relationshipProperties).flat())].map((property) => [
        property,
        (rel: RelationshipRecord) => rel.properties[property] ?? null,
      ]),
    ) as Pick<GraphRelationshipResolvers, RelationshipProperty>),
  },
};
