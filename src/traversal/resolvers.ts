/** Traversals: shortest paths, neighbourhoods ready to draw, who met whom, common connections. */
import { JSONObjectResolver } from 'graphql-scalars';
import type { Context } from '../context.js';
import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { badInput, defaultPageSize, intInRange, listScope, pageWindow, type CursorKey } from '../graph/arguments.js';
import { answeredConnection, idListConnection } from '../graph/connection.js';
import { windowShape } from '../graph/loaders.js';
import { toRecord } from '../query/compile.js';
import { connectionItems, fieldItems, labelsOf, selectedFields, setItems } from '../query/plan.js';
import {
  compiledByShape,
  itemsQuery,
  selectionOf,
  selectionSets,
  type CompiledQuery,
  type ItemsOptions,
} from '../query/root.js';
import { LRUCache } from 'lru-cache';
import { dateWindowArgument, windowParams, type DateWindow } from '../graph/date-window.js';
import { relationshipProjection, type Parameters } from '../cypher/build.js';
import { relationshipId, toNodeRecord, type NodeRecord, type RelationshipRecord } from '../graph/records.js';
import type { GraphRelationshipResolvers, RelationshipType, Resolvers } from '../generated/graphql.js';
import { metWithConnection } from '../person/resolvers.js';
import {
  relationshipProperties,
  relationshipTypes as allowedTypes,
  type RelationshipProperty,
} from '../model/graph.js';
import { sourcesScope } from '../graph/node-fields.js';
import {
  allShortestPathsCypher,
  commonConnectionsCypher,
  neighborhoodLevelCypher,
  nodesByIdCypher,
  relationshipsAmongCypher,
  shortestPathMatch,
  type PathRestrictions,
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

/** Whether a connection field's selection asks for `totalCount` (then its query counts too). */
function selectsCount(info: GraphQLResolveInfo): boolean {
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  return connectionItems(selectionOf(info), type, info.fieldNodes).count;
}

type PageAnswer<T> = { items: (T & { key: CursorKey })[]; total: number; precedes: boolean; follows: boolean };

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
export async function neighborhood(ctx: Context, args: NeighborhoodArgs, info?: GraphQLResolveInfo) {
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
  const selected = info ? subgraphSelection(info, chosen) : null;
  const [nodeRows, relRows] = await Promise.all([
    selected
      ? ctx.db
          .read<{ nodes: Record<string, unknown>[] }>(selected.nodes.cypher, selected.nodes.params)
          .then(([row]) => row?.nodes ?? [])
      : ctx.db
          .read<{ node: Record<string, unknown> }>(nodesByIdCypher, { ids: chosen })
          .then((rows) => rows.map((row) => row.node)),
    ctx.db
      .read<{ rels: RelationshipRecord[] }>(relationshipsAmongCypher(selected?.keysOnly), {
        ids: chosen,
        types,
        limit: maxRelationships + 1,
      })
      .then(([row]) => row?.rels ?? []),
  ]);
  if (relRows.length > maxRelationships) truncated = true;
  const relationships = relRows.slice(0, maxRelationships);
  const byId = selected
    ? compiledGraph(selected.nodes, nodeRows, relationships).byId
    : new Map(nodeRows.map((row) => hydrate(ctx, row)).map((node) => [node.id, node]));
  if (!byId.has(args.of)) return null;
  return {
    // Centre first, then level by level: the order in which they were chosen.
    nodes: chosen.flatMap((id) => byId.get(id) ?? []),
    relationships,
    truncated,
  };
}

/** Relationship fields that read no property but the relationship's key (`id`). */
const keyOnlyFields = new Set(['id', 'type', 'from', 'to', '__typename']);

/**
 * What the request selects on a subgraph or a path (`nodes`, and its relationships' `from` and
 * `to`), its nodes compiled into one query whose clauses `head` writes, with `options` (columns,
 * order) as itemsQuery takes them; whether relationships are selected at all, and whether they need
 * only their keys.
 */
function graphSelection(
  info: GraphQLResolveInfo,
  head: (params: Parameters) => string[],
  options: (relationships: string) => ItemsOptions = () => ({}),
) {
  const selection = selectionOf(info);
  const graph = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = graph.getFields();
  const relationshipType = getNamedType(fields.relationships!.type) as GraphQLObjectType;
  const relationshipSets = fieldItems(selection, graph, info.fieldNodes, 'relationships');
  const sets = [
    ...fieldItems(selection, graph, info.fieldNodes, 'nodes').items,
    ...['from', 'to'].flatMap((end) => setItems(selection, relationshipType, relationshipSets.items, end).items),
  ];
  const types = labelsOf(selection, getNamedType(fields.nodes!.type));
  const read = selectedFields(selection, relationshipType, relationshipSets.items);
  const keysOnly = [...read].every((field) => keyOnlyFields.has(field));
  const relationships = selectedFields(selection, graph, selectionSets(info)).has('relationships')
    ? `[r IN relationships(p) | ${relationshipProjection('r', { keysOnly })}]`
    : '[]';
  const nodes = itemsQuery(selection, types, sets, head, options(relationships));
  return { nodes, keysOnly };
}

/** What the request selects on a subgraph of `ids`. */
export const subgraphSelection = (info: GraphQLResolveInfo, ids: readonly string[]) =>
  graphSelection(
    info,
    (params) => ['MATCH (n:Node)', `WHERE n.id IN ${params.add(ids)}`],
    () => ({ collect: { columns: [] } }),
  );

/**
 * A shortest path with what the request selects on it, in one query answering one row (none when
 * there is no path): its `nodes` in path order, its `length` and its `relationships` (projected as selected).
 * Params: the compilation's, and from, to, types, windowFrom, windowTo.
 */
export const shortestPathSelection = (info: GraphQLResolveInfo, maxHops: number, restrictions: PathRestrictions) =>
  compiledByShape(pathShapes, info, [maxHops, restrictions], () =>
    graphSelection(
      info,
      () => [shortestPathMatch(maxHops, restrictions)],
      (relationships) => ({
        collect: {
          over: 'nodes(p)',
          columns: ['length(p) AS length', `${relationships} AS relationships`],
        },
      }),
    ),
  );

/** Distinct shortest-path shapes kept compiled: a client's fixed set of path queries, many times over. */
export const compiledPathCacheSize = 500;

/**
 * Compiled shortest paths by shape: their text depends on the selection (../query/shapes.ts), the
 * hop bound and which restrictions apply, not on the ends or the restrictions' values (parameters
 * the resolver adds). Holds only what is derived from documents and the model.
 */
const pathShapes = new LRUCache<string, ReturnType<typeof graphSelection>>({ max: compiledPathCacheSize });

/** The records of a compiled subgraph or path, each relationship given its ends among them. */
function compiledGraph(query: CompiledQuery, rows: Record<string, unknown>[], relationships: RelationshipRecord[]) {
  const nodes = rows.map((row) => toRecord(row, query.plan, query.compilation, query.label));
  const byId = new Map(nodes.map((node) => [node.id, node]));
  // Compiled records hold only what this request selects: `from` and `to` read them, no cache does.
  for (const rel of relationships) rel.ends = { from: byId.get(rel.from), to: byId.get(rel.to) };
  return { nodes, byId };
}

export const traversalResolvers: Resolvers = {
  JSONObject: JSONObjectResolver,
  Query: {
    shortestPath: async (_parent, args, ctx, info) => {
      const maxHops = intInRange('maxHops', args.maxHops, 1, 10, 6);
      const types = typesParam(args.relationshipTypes);
      const window = dateWindowArgument(args.during);
      if (args.from === args.to) return emptyPath(ctx, args.from);
      const restrictions = { filtered: types !== null, windowed: window !== null };
      const { nodes: query } = shortestPathSelection(info, maxHops, restrictions);
      const [path] = await ctx.db.read<{
        nodes: Record<string, unknown>[];
        length: number;
        relationships: RelationshipRecord[];
      }>(query.cypher, { ...query.params, from: args.from, to: args.to, ...pathParams(types, window) });
      if (!path) return null;
      return {
        length: path.length,
        nodes: compiledGraph(query, path.nodes, path.relationships).nodes,
        relationships: path.relationships,
      };
    },
    allShortestPaths: async (_parent, args, ctx, info) => {
      const maxHops = intInRange('maxHops', args.maxHops, 1, 10, 6);
      const types = typesParam(args.relationshipTypes);
      const window = dateWindowArgument(args.during);
      const scope = listScope('allShortestPaths', args.from, args.to, maxHops, types, window);
      const page = pageWindow(args, scope, defaultPageSize('Query', 'allShortestPaths'), 1);
      const pathEdge = (row: { path: PathRecord }) => ({ node: row.path });
      if (args.from === args.to) {
        // The one path from a node to itself, paged like any list of one.
        const path = await emptyPath(ctx, args.from);
        const rows = path ? [{ path, key: [''] }] : [];
        const inWindow = rows.filter(() => page.after === null && page.before === null);
        return answeredConnection(
          inWindow,
          page,
          scope,
          { precedes: rows.length > 0, follows: rows.length > 0 },
          rows.length,
          pathEdge,
        );
      }
      const restrictions = { filtered: types !== null, windowed: window !== null };
      const [row] = await ctx.db.read<PageAnswer<RawPath>>(
        allShortestPathsCypher(maxHops, restrictions, { ...windowShape(page), count: selectsCount(info) }),
        {
          from: args.from,
          to: args.to,
          ...pathParams(types, window),
          after: page.after,
          before: page.before,
          limit: page.size + 1,
        },
      );
      const items = (row?.items ?? []).map((item) => ({ path: toPath(ctx, item), key: item.key }));
      return answeredConnection(items, page, scope, row ?? {}, row?.total ?? 0, pathEdge);
    },
    neighborhood: (_parent, args, ctx, info) =>
      neighborhood(ctx, { ...args, window: dateWindowArgument(args.during) }, info),
    whoMetWhom: async (_parent, args, ctx) => {
      const connection = metWithConnection(ctx, args.person, args); // checks `first` and `after` first
      const person = await ctx.loaders.node.load(args.person);
      return person?.__typename === 'Person' ? connection : null;
    },
    commonConnections: async (_parent, args, ctx, info) => {
      const types = typesParam(args.relationshipTypes);
      const scope = listScope('commonConnections', args.a, args.b, types);
      const page = pageWindow(args, scope, defaultPageSize('Query', 'commonConnections'), 2);
      const [row] = await ctx.db.read<
        PageAnswer<{ node: Record<string, unknown>; toA: RelationshipRecord[]; toB: RelationshipRecord[] }>
      >(commonConnectionsCypher({ ...windowShape(page), count: selectsCount(info) }), {
        a: args.a,
        b: args.b,
        types,
        after: page.after,
        before: page.before,
        limit: page.size + 1,
      });
      return answeredConnection(row?.items ?? [], page, scope, row ?? {}, row?.total ?? 0, (item) => ({
        node: hydrate(ctx, item.node),
        relationshipsToA: [...item.toA].sort(byRelationshipId),
        relationshipsToB: [...item.toB].sort(byRelationshipId),
      }));
    },
  },
  GraphRelationship: {
    id: relationshipId,
    type: (rel) => rel.type,
    from: (rel, _args, ctx) => rel.ends?.from ?? endpoint(ctx, rel.from),
    to: (rel, _args, ctx) => rel.ends?.to ?? endpoint(ctx, rel.to),
    properties: (rel) => {
      // Provenance (sources, and the claims of src/seed/claims.ts) is not the relationship's own property.
      const { sources: _sources, claims: _claims, ...rest } = rel.properties;
      return rest;
    },
    sourceIds: (rel) => rel.properties.sources ?? [],
    sources: (rel, args, ctx) => idListConnection(ctx, rel.properties.sources, args, sourcesScope(relationshipId(rel))),
    // One typed field per property the model declares for some relationship type; null on the others.
    ...(Object.fromEntries(
      [...new Set(Object.values(relationshipProperties).flat())].map((property) => [
        property,
        (rel: RelationshipRecord) => (rel.properties as Record<string, unknown>)[property] ?? null,
      ]),
    ) as Pick<GraphRelationshipResolvers, RelationshipProperty>),
  },
};
