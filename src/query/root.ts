/**
 * Root fields compiled into one Cypher query each: a node by id, and a page of a root list with
 * everything selected below it (see ./plan.ts and ./compile.ts).
 */
import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { keyColumns, orderBy, probeConditions, windowConditions } from '../cypher/build.js';
import type { PageWindow } from '../graph/arguments.js';
import type { GraphContext } from '../graph/context.js';
import type { NodeRecord } from '../graph/records.js';
import type { Label } from '../model/graph.js';
import { Compilation, levelCalls, levelProjection, toRecord } from './compile.js';
import { connectionItems, labelsOf, planLevel, type LevelPlan, type SelectionContext } from './plan.js';

export const selectionOf = (info: GraphQLResolveInfo): SelectionContext => ({
  schema: info.schema,
  fragments: info.fragments,
  variableValues: info.variableValues,
});

const selectionSets = (info: GraphQLResolveInfo) =>
  info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

export interface CompiledQuery {
  cypher: string;
  params: Record<string, unknown>;
  plan: LevelPlan;
  compilation: Compilation;
}

/** The query of a lookup by id: of one label, or of any (`node`) when `label` is null. */
export function lookupQuery(info: GraphQLResolveInfo, id: string, label: Label | null): CompiledQuery {
  const selection = selectionOf(info);
  const types = label ? [label] : labelsOf(selection, getNamedType(info.returnType));
  const plan = planLevel(selection, types, selectionSets(info));
  const compilation = new Compilation();
  const idParam = compilation.params.add(id);
  const { calls, entries } = levelCalls(plan, 'n', compilation);
  const cypher = [
    `MATCH (n:Node {id: ${idParam}})`,
    ...(label ? [`WHERE n:${label}`] : []),
    ...calls,
    `RETURN ${levelProjection(plan, 'n', entries)} AS node`,
  ].join('\n');
  return { cypher, params: compilation.params.values, plan, compilation };
}

export async function lookupNode(
  ctx: GraphContext,
  info: GraphQLResolveInfo,
  id: string,
  label: Label | null,
): Promise<NodeRecord | null> {
  const query = lookupQuery(info, id, label);
  const [row] = await ctx.db.read<{ node: Record<string, unknown> }>(query.cypher, query.params);
  return row ? toRecord(row.node, query.plan, query.compilation) : null;
}

/** A root list as its domain describes it: which nodes, in which order (see ../graph/list.ts). */
export interface ListSource {
  label: Label;
  /** The MATCH (and WHERE) clauses binding `n`; their values are in `params`. */
  match: string;
  params: Record<string, unknown>;
  /** Sort key expression on `n` (never null). */
  sortKey: string;
  direction: 'ASC' | 'DESC';
}

/**
 * One page of a root list with everything selected on its items, and its count when `totalCount`
 * is selected, in one query that always answers one row: `items` (up to `size + 1`, in the window's
 * direction), `total`, and the probes of pageInfo (`precedes`, `follows`) when the window has cursors.
 */
export function listQuery(
  info: GraphQLResolveInfo,
  source: ListSource,
  window: PageWindow,
): CompiledQuery & { count: boolean } {
  const selection = selectionOf(info);
  const { items, count } = connectionItems(
    selection,
    getNamedType(info.returnType) as GraphQLObjectType,
    info.fieldNodes,
  );
  const plan = planLevel(selection, [source.label], items);
  const compilation = new Compilation('q');
  const { params } = compilation;
  const after = window.after ? params.add(window.after) : null;
  const before = window.before ? params.add(window.before) : null;
  const limit = params.add(window.size + 1);
  const { calls, entries, carried } = levelCalls(plan, 'n', compilation);
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
    ...calls,
    ...(calls.length > 0 ? [`WITH ${['n', 'k', ...carried].join(', ')} ${order}`] : []),
    `WITH collect({node: ${levelProjection(plan, 'n', entries)}, key: [k, n.id]}) AS items`,
    ...(count ? subquery([], 'count(n) AS total') : []),
    ...probeLines,
    `RETURN ${returned.join(', ')}`,
  ];
  return { cypher: lines.join('\n'), params: { ...source.params, ...params.values }, plan, compilation, count };
}
