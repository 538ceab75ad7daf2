/**
 * Root fields compiled into one Cypher query each: a node by id, and a page of a root list with
 * everything selected below it (see ./plan.ts and ./compile.ts).
 */
import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { keyColumns, orderBy, parameterName, Parameters, probeConditions, windowConditions } from '../cypher/build.js';
import type { PageWindow } from '../graph/arguments.js';
import type { GraphContext } from '../graph/context.js';
import type { NodeRecord } from '../graph/records.js';
import type { Label } from '../model/graph.js';
import { keyColumn, toRecord, type Compilation, type CompiledLevel } from './compile.js';
import { LRUCache } from 'lru-cache';
import { connectionItems, labelsOf, type LevelPlan, type SelectionContext } from './plan.js';
import { compiledLevel, shapeOf } from './shapes.js';
import type { SelectionSetNode } from 'graphql';

export const selectionOf = (info: GraphQLResolveInfo): SelectionContext => ({
  schema: info.schema,
  fragments: info.fragments,
  variableValues: info.variableValues,
});

/** The selection sets of a root field (one per field node that selects it). */
export const selectionSets = (info: GraphQLResolveInfo) =>
  info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

export interface CompiledQuery {
  cypher: string;
  params: Record<string, unknown>;
  plan: LevelPlan;
  compilation: Compilation;
  /** The one label the query binds its nodes with, or null (then each node's id names its type). */
  label: Label | null;
}

/** How a query of nodes returns them. */
export interface ItemsOptions {
  /** The one label `head` binds its nodes with, if it allows one only. */
  label?: Label;
  /**
   * All rows in one, as `nodes` beside `columns`: one record to decode instead of one per node. With
   * `over`, `head` binds no `n`: the nodes are the list `over` (a path's `nodes(p)`), each projected in
   * place, in its order.
   */
  collect?: { columns: readonly string[]; over?: string };
}

/**
 * The query of nodes of `types` bound to `n` by the clauses `head` writes (given the compilation, for
 * its parameters), each with what `sets` select on it: one row per node, or one row in all (`collect`).
 */
export function itemsQuery(
  selection: SelectionContext,
  types: Label[],
  sets: readonly SelectionSetNode[],
  head: (params: Parameters) => string[],
  options: ItemsOptions = {},
): CompiledQuery {
  const label = options.label ?? null;
  const level = compiledLevel(selection, types, sets, {});
  const params = new Parameters('p');
  const match = head(params);
  const { collect } = options;
  const nodes = collect?.over ? `[n IN ${collect.over} | ${level.projection}]` : `collect(${level.projection})`;
  const tail = collect
    ? [`RETURN ${[`${nodes} AS nodes`, ...collect.columns].join(', ')}`]
    : [`RETURN ${level.projection} AS node`];
  const cypher = [...match, ...tail].join('\n');
  return { ...withValues({ cypher, level }, params.values), label };
}

const nodesQuery = (
  info: GraphQLResolveInfo,
  types: Label[],
  head: (params: Parameters) => string[],
  label: Label | null = null,
) => itemsQuery(selectionOf(info), types, selectionSets(info), head, label ? { label } : {});

/** The query of a lookup by id: of one label, or of any (`node`) when `label` is null. */
export function lookupQuery(info: GraphQLResolveInfo, id: string, label: Label | null): CompiledQuery {
  const types = label ? [label] : labelsOf(selectionOf(info), getNamedType(info.returnType));
  return nodesQuery(
    info,
    types,
    (params) => [`MATCH (n:Node {id: ${params.add(id)}})`, ...(label ? [`WHERE n:${label}`] : [])],
    label,
  );
}

/** The query of `nodes(ids)`: each node found, of any label, with the id it was asked by. */
export function idsQuery(info: GraphQLResolveInfo, ids: readonly string[]): CompiledQuery {
  const types = labelsOf(selectionOf(info), getNamedType(info.returnType));
  return nodesQuery(info, types, (params) => [`MATCH (n:Node)`, `WHERE n.id IN ${params.add(ids)}`]);
}

async function readNodes(ctx: GraphContext, query: CompiledQuery): Promise<NodeRecord[]> {
  const rows = await ctx.db.read<{ node: Record<string, unknown> | unknown[] }>(query.cypher, query.params);
  return rows.map((row) => toRecord(row.node, query.plan, query.compilation, query.label));
}

export async function lookupNode(
  ctx: GraphContext,
  info: GraphQLResolveInfo,
  id: string,
  label: Label | null,
): Promise<NodeRecord | null> {
  const [node] = await readNodes(ctx, lookupQuery(info, id, label));
  return node ?? null;
}

/** The nodes of `ids` in their order, null where none has the id: one query, whatever their number. */
export async function lookupNodes(ctx: GraphContext, info: GraphQLResolveInfo, ids: readonly string[]) {
  const byId = new Map((await readNodes(ctx, idsQuery(info, ids))).map((node) => [node.id, node]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** A root list as its domain describes it: which nodes, in which order (see ./list.ts). */
export interface ListSource {
  /**
   * The label of the items (`match` binds nodes of that label only), or the labels they may have (a
   * timeline's meetings and statements).
   */
  label: Label | readonly Label[];
  /** Properties the connection's own fields read from each item (a timeline edge's `date`). */
  reads?: readonly string[];
  /** The MATCH (and WHERE) clauses binding `n`; their values are in `params`. */
  match: string;
  params: Record<string, unknown>;
  /** Sort key expression on `n` (never null). */
  sortKey: string;
  direction: 'ASC' | 'DESC';
}

/**
 * One page of a root list with everything selected on its items, and its count when `totalCount`
 * is selected, in one query that always answers one row: `items` (up to `size + 1` projected nodes,
 * one more than the page only when `hasNextPage` or `hasPreviousPage` is asked,
 * in the window's direction, with their keys when a cursor is selected: see `rowKey`), `total`, and
 * the probes of pageInfo (`precedes`, `follows`) when the window has cursors.
 */
export function listQuery(
  info: GraphQLResolveInfo,
  source: ListSource,
  window: PageWindow,
): CompiledQuery & { count: boolean } {
  const shape = compiledByShape(
    listShapes,
    info,
    [source.label, source.reads ?? [], source.match, source.sortKey, source.direction, ...windowKey(window)],
    () => listShape(info, source, window),
  );
  return {
    ...withValues(shape, source.params, windowValues(shape.names, window, shape.more)),
    label: shape.label,
    count: shape.count,
  };
}

/**
 * What `compile` builds for this root field, kept in `cache` by shape: the field's selection
 * (./shapes.ts) and `parts`, whatever else its text depends on. Compiled on a miss.
 */
export function compiledByShape<S extends object>(
  cache: LRUCache<string, S>,
  info: GraphQLResolveInfo,
  parts: unknown[],
  compile: () => S,
): S {
  const key = JSON.stringify([shapeOf(selectionOf(info), selectionSets(info)), ...parts]);
  let shape = cache.get(key);
  if (!shape) {
    shape = compile();
    cache.set(key, shape);
  }
  return shape;
}

/** What a page's text depends on of its window: the direction and which cursors it has (not their values or the size). */
export const windowKey = (window: PageWindow): unknown[] => [
  window.backward,
  window.after !== null,
  window.before !== null,
];

/** The names of the parameters a compiled page's window fills in. */
export interface WindowNames {
  after: string | null;
  before: string | null;
  limit: string;
}

/** A page's window as the parameters its compiled text names: its cursors, and its size (one more when `more`). */
export function windowValues(names: WindowNames, window: PageWindow, more: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = { [names.limit]: window.size + (more ? 1 : 0) };
  if (names.after) values[names.after] = window.after;
  if (names.before) values[names.before] = window.before;
  return values;
}

/** A text compiled once per shape with one request's parameter values, and what `toRecord` reads. */
export function withValues(shape: { cypher: string; level: CompiledLevel }, ...values: Record<string, unknown>[]) {
  return {
    cypher: shape.cypher,
    params: Object.assign({}, shape.level.compilation.params.values, ...values) as Record<string, unknown>,
    plan: shape.level.plan,
    compilation: shape.level.compilation,
  };
}

/** A page's Cypher for one shape (a root list's, a search's), and the names of the parameters each request fills in. */
export interface PageShape<N extends WindowNames = WindowNames> {
  cypher: string;
  level: CompiledLevel;
  names: N;
  /** Whether `totalCount` is selected (the query then returns `total`). */
  count: boolean;
  /** Whether the page fetches one row more than it holds (`hasNextPage` or `hasPreviousPage` selected). */
  more: boolean;
  /** The one label the query binds its nodes with, or null. */
  label: Label | null;
}

/** Distinct list shapes kept compiled: every list query of a client's fixed set, many times over. */
export const compiledListCacheSize = 1000;

/**
 * Compiled root lists by shape: the text depends on the selection (./shapes.ts), the source's
 * clauses (its values are parameters), the order, the direction and which cursors are given; not on
 * the values of the filter, the page's size or the cursors. Holds only what is derived from
 * documents, the model and the domains' clauses.
 */
const listShapes = new LRUCache<string, PageShape>({ max: compiledListCacheSize });

function listShape(info: GraphQLResolveInfo, source: ListSource, window: PageWindow): PageShape {
  const selection = selectionOf(info);
  const { items, count, cursors, more } = connectionItems(
    selection,
    getNamedType(info.returnType) as GraphQLObjectType,
    info.fieldNodes,
  );
  const types = typeof source.label === 'string' ? [source.label] : [...source.label];
  const label = typeof source.label === 'string' ? source.label : null;
  const level = compiledLevel(selection, types, items, {
    reads: source.reads,
    extra: cursors ? [[keyColumn, '[k, n.id]']] : [],
  });
  // Values are filled in by each request (listQuery); here only their names are taken.
  const params = new Parameters('q');
  const after = window.after ? params.add(null) : null;
  const before = window.before ? params.add(null) : null;
  const limit = params.add(null);
  const columns = keyColumns('k', 'n', source.direction);
  const order = orderBy(columns, window.backward);
  const conditions = windowConditions(columns, after, before);
  const subquery = (lines: string[], returned: string) => [
    'CALL () {',
    `  ${source.match.split('\n').join('\n  ')}`,
    ...lines.map((line) => `  ${line}`),
    `  RETURN ${returned}`,
    '}',
  ];
  const probes = probeConditions(keyColumns('k', 'n', source.direction), after, before);
  const probeLines = (['precedes', 'follows'] as const).flatMap((side) =>
    probes[side] === null
      ? []
      : subquery(
          [`WITH n, ${source.sortKey} AS k`, `WHERE ${probes[side]}`, 'WITH n LIMIT 1'],
          `count(n) > 0 AS ${side}`,
        ),
  );
  const returned = [
    'items',
    ...(count ? ['total'] : []),
    ...(['precedes', 'follows'] as const).filter((side) => probes[side] !== null),
  ];
  const lines = [
    source.match,
    `WITH n, ${source.sortKey} AS k`,
    ...(conditions.length > 0 ? [`WHERE ${conditions.join(' AND ')}`] : []),
    `WITH n, k ${order}`,
    `LIMIT ${limit}`,
    `WITH collect(${level.projection}) AS items`,
    ...(count ? subquery([], 'count(n) AS total') : []),
    ...probeLines,
    `RETURN ${returned.join(', ')}`,
  ];
  return {
    cypher: lines.join('\n'),
    level,
    names: {
      after: after && parameterName(after),
      before: before && parameterName(before),
      limit: parameterName(limit),
    },
    count,
    more,
    label,
  };
}
