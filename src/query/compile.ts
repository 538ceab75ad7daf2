/**
 * From a plan (./plan.ts) to one Cypher query: every relation becomes a `COLLECT { … }` subquery that
 * orders and limits its page before it projects anything, nested as deep as the selection goes,
 * and every node is projected with only the properties its selected fields read. Values are
 * parameters, named in the order the plan is walked, so the same selection shape gives the same
 * text (and Neo4j's plan cache holds). The answer comes back as one nested value, which
 * `toRecord` turns into node records carrying their prefetched pages.
 */
import type { SelectionSetNode } from 'graphql';
import {
  nodeProjection,
  orderBy,
  packedNodeProjection,
  unpacker,
  type Unpacker,
  Parameters,
  probeConditions,
  sortKey,
  traversalColumns,
  traversalPattern,
  windowConditions,
} from '../cypher/build.js';
import { relationshipTypes, traversals, type Label } from '../model/graph.js';
import {
  adoptNodeRecord,
  prefetchedPages,
  type EdgeProperties,
  type NodeRecord,
  type Prefetched,
} from '../graph/records.js';
import type { CursorKey } from '../graph/arguments.js';
import { planLevel, type LevelPlan, type RelationPlan, type SelectionContext } from './plan.js';

/** Relation columns in a node's projection start with this; node properties never do. */
const columnPrefix = '__';
/** The columns of a page's row (a projected node) holding the relationship's properties and the cursor key. */
const relColumn = `${columnPrefix}rel`;
export const keyColumn = `${columnPrefix}key`;

/**
 * The prefix of the parameters of everything below a query's top nodes (`$l0`, `$l1`, …): apart
 * from the parameters of the clauses that find the top nodes, so that the part below can be reused.
 */
const levelPrefix = 'l';

/** Names variables and columns uniquely within one query, in the order the plan is walked. */
export class Compilation {
  readonly params: Parameters;
  #names = 0;
  /** The column of each relation (and of its count) in its parent's projection. */
  readonly columns = new Map<
    RelationPlan,
    { page: string; total: string | null; probes: { precedes?: string; follows?: string } }
  >();
  /** What turns each level's packed projection back into its map (see levelProjection). */
  readonly layouts = new Map<LevelPlan, Unpacker>();

  constructor() {
    this.params = new Parameters(levelPrefix);
  }

  name(prefix: string): string {
    return `${prefix}${this.#names++}`;
  }
}

const indent = (lines: string[]) => lines.map((line) => `  ${line.split('\n').join('\n  ')}`);

/**
 * The entries a relation adds to the projection of the nodes bound to `v`: each page as a `COLLECT`
 * subquery that orders and limits its rows before it projects them (its own relations nested inside
 * the projection the same way), and the counts and probes as `COUNT` and `EXISTS` subqueries. Being
 * expressions, the pages keep the order their subquery gives them: nothing needs sorting again.
 */
export function levelEntries(plan: LevelPlan, v: string, c: Compilation): [string, string][] {
  const entries: [string, string][] = [];
  for (const relation of plan.relations) {
    const traversal = traversals[relation.traversal];
    const guard: Label | null = plan.types.length > 1 ? relation.label : null;
    const [m, r, k, page] = [c.name('n'), c.name('r'), c.name('k'), c.name(`${columnPrefix}c`)];
    const inner = levelEntries(relation.item, m, c);
    const { window } = relation;
    const many = traversal.cardinality === 'many';
    // One row more than the page tells whether more follow, when that is asked (it costs its subqueries too).
    const limit = c.params.add(window.size + (many && relation.more ? 1 : 0));
    const columns = traversalColumns(traversal, k, m, r);
    // The relationship travels with its row only when the order or a selected field reads it.
    const rowVars = relation.rel !== false || relationshipTypes[traversal.type] !== null ? [m, r] : [m];
    const pattern = traversalPattern(traversal, v, r, m, guard);
    const after = many && window.after ? c.params.add(window.after) : null;
    const before = many && window.before ? c.params.add(window.before) : null;
    const conditions = windowConditions(columns, after, before);
    const order = `${orderBy(columns, window.backward)} LIMIT ${limit}`;
    const keyed = `WITH ${[...rowVars, `${sortKey(traversal.order, m)} AS ${k}`].join(', ')}`;
    const body =
      conditions.length > 0
        ? [
            `MATCH ${pattern}`,
            keyed,
            `WHERE ${conditions.join(' AND ')}`,
            `WITH ${[...rowVars, k].join(', ')} ${order}`,
          ]
        : [`MATCH ${pattern}`, `${keyed} ${order}`];
    // The row is the node's own projection, carrying the relationship's properties and the key.
    const rowEntries = [...inner];
    if (relation.rel === 'all') rowEntries.push([relColumn, `properties(${r})`]);
    else if (relation.rel)
      rowEntries.push([relColumn, `${r} {${relation.rel.map((property) => `.${property}`).join(', ')}}`]);
    if (relation.cursors) rowEntries.push([keyColumn, `[${columns.map((column) => column.expr).join(', ')}]`]);
    body.push(`RETURN ${levelProjection(relation.item, m, rowEntries, c)}`);
    entries.push([page, ['COLLECT {', ...indent(body), '}'].join('\n')]);
    const probes = probeConditions(traversalColumns(traversal, sortKey(traversal.order, m), m, r), after, before);
    const probeColumns: { precedes?: string; follows?: string } = {};
    for (const side of ['precedes', 'follows'] as const) {
      const condition = probes[side];
      if (condition === null) continue;
      probeColumns[side] = c.name(`${columnPrefix}${side === 'precedes' ? 'a' : 'b'}`);
      entries.push([probeColumns[side], `EXISTS { MATCH ${pattern} WHERE ${condition} }`]);
    }
    let total: string | null = null;
    if (relation.count) {
      total = c.name(`${columnPrefix}t`);
      entries.push([total, `COUNT { MATCH ${traversalPattern(traversal, v, null, '', guard)} }`]);
    }
    c.columns.set(relation, { page, total, probes: probeColumns });
  }
  return entries;
}

const projected = (plan: LevelPlan) => (plan.properties === 'all' ? 'all' : [...plan.properties]);

/** The one label a relation's pattern binds its neighbours with, or null when they may have several. */
const targetLabel = (relation: RelationPlan): Label | null => {
  const { target } = traversals[relation.traversal];
  return target === 'Node' ? null : target;
};

/**
 * The projection of the nodes bound to `v` at a level: selected properties and relation columns
 * (never labels: a node's id names its type). A list of values when the properties are known (its
 * keys kept in `c`, for `toRecord`), a map when every property is asked.
 */
export function levelProjection(
  plan: LevelPlan,
  v: string,
  entries: readonly (readonly [string, string])[],
  c: Compilation,
): string {
  const properties = projected(plan);
  if (properties === 'all') return nodeProjection(v, properties, entries);
  const { text, keys } = packedNodeProjection(v, properties, entries);
  c.layouts.set(plan, unpacker(keys));
  return text;
}

/** How the top nodes of a query are projected besides what their selection reads. */
export interface LevelOptions {
  /** Properties read by fields around the nodes (a timeline edge's `date`, a search hit's matched field). */
  reads?: readonly string[];
  /** Columns computed by the query around them (a cursor's key, a search hit's score). */
  extra?: readonly (readonly [string, string])[];
}

/**
 * The top nodes of a query (bound to `n`) with everything their selection sets select below them:
 * the plan, their projection (its pages as nested subqueries, its parameters `$l…` in the
 * compilation) and the names and layouts `toRecord` reads. A pure function of its arguments and
 * of the variables the selection sets refer to, so the same shape may reuse it (./shapes.ts).
 */
export interface CompiledLevel {
  plan: LevelPlan;
  projection: string;
  compilation: Compilation;
}

export function compileLevel(
  selection: SelectionContext,
  types: Label[],
  sets: readonly SelectionSetNode[],
  options: LevelOptions,
): CompiledLevel {
  const plan = planLevel(selection, types, sets);
  if (plan.properties !== 'all') for (const property of options.reads ?? []) plan.properties.add(property);
  const compilation = new Compilation();
  const entries = [...levelEntries(plan, 'n', compilation), ...(options.extra ?? [])];
  return { plan, projection: levelProjection(plan, 'n', entries, compilation), compilation };
}

/** The key of a row of a page, when the query fetched it (see `keyColumn`). */
export const rowKey = (row: Record<string, unknown>) => row[keyColumn] as CursorKey | undefined;

/**
 * A node record from a projected node (of `label`, or of the label its projection names when null),
 * with the pages its relations fetched stored under each field's response key, for the field
 * resolvers to find. The projected map (or the map a packed projection stands for) becomes the
 * record; its columns stay, unread by the schema's resolvers.
 */
export function toRecord(
  projection: Record<string, unknown> | readonly unknown[],
  plan: LevelPlan,
  c: Compilation,
  label: Label | null = null,
): NodeRecord {
  const raw: Record<string, unknown> = Array.isArray(projection)
    ? c.layouts.get(plan)!(projection as readonly unknown[])
    : (projection as Record<string, unknown>);
  const record = adoptNodeRecord(raw, label ?? undefined);
  if (plan.relations.length === 0) return record;
  const pages = new Map<string, Prefetched>();
  for (const relation of plan.relations) {
    if (relation.label !== record.__typename && plan.types.length > 1) continue;
    const columns = c.columns.get(relation)!;
    const rows = (raw[columns.page] as (Record<string, unknown> | unknown[])[] | undefined) ?? [];
    const rowLabel = targetLabel(relation);
    pages.set(relation.key, {
      window: relation.window,
      probes: {
        precedes: columns.probes.precedes ? (raw[columns.probes.precedes] as boolean) : undefined,
        follows: columns.probes.follows ? (raw[columns.probes.follows] as boolean) : undefined,
      },
      rows: rows.map((row) => {
        const node = toRecord(row, relation.item, c, rowLabel);
        // The record is the row's map: the relationship's properties and the key are among its columns.
        const columns = node as unknown as Record<string, unknown>;
        return { node, rel: (columns[relColumn] as EdgeProperties | undefined) ?? {}, key: rowKey(columns) };
      }),
      total: columns.total ? (raw[columns.total] as number) : undefined,
    });
  }
  record[prefetchedPages] = pages;
  return record;
}
