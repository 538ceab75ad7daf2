/**
 * A small typed layer for Cypher text: patterns from the model's traversals, the sort key, the
 * keyset condition and the node projection, each written once here. Labels and relationship types
 * come only from the model (typed, so nothing else can be spliced in); every value is a parameter.
 */
import { relationshipTypes, type Label, type Order, type Traversal } from '../model/graph.js';

/** Collects the parameters of one query and names them in the order they are added. */
export class Parameters {
  readonly values: Record<string, unknown> = {};
  #count = 0;

  constructor(private readonly prefix = 'p') {}

  /** Adds a value; returns its reference, e.g. `$p3`. */
  add(value: unknown): string {
    const name = `${this.prefix}${this.#count++}`;
    this.values[name] = value;
    return `$${name}`;
  }
}

/** The name of a parameter as `Parameters.add` refers to it (`$q3` is `q3`). */
export const parameterName = (reference: string): string => reference.slice(1);

/** A variable name with an optional label: `n`, `n:Person`. */
const node = (variable: string, label?: Label | 'Node' | null) => (label ? `${variable}:${label}` : variable);

/** One hop of a path: a traversal of the model, optionally repeated between `hops[0]` and `hops[1]` times. */
export interface Step {
  traversal: Traversal;
  hops?: readonly [number, number];
}

/** A repetition bound: an integer, checked again here because it is interpolated. */
function bound(hops: number): number {
  if (!Number.isSafeInteger(hops) || hops < 0 || hops > 10) throw new Error(`hop bound ${hops} is not in 0..10`);
  return hops;
}

/** The relationship of a step with its arrows: `-[r:HOLDS_POSITION]->`, `<-[:LOCATED_IN*0..5]-`. */
function stepArrow({ traversal, hops }: Step, rel: string | null): string {
  const repeat = hops ? `*${bound(hops[0])}..${bound(hops[1])}` : '';
  const relationship = `[${rel ?? ''}:${traversal.type}${repeat}]`;
  return traversal.direction === 'out' ? `-${relationship}->` : `<-${relationship}-`;
}

/**
 * The pattern of a traversal from `from` to `to` over relationship `rel` (omitted when null):
 * `(p)-[r:HOLDS_POSITION]->(n:Organization)`. `fromLabel` adds a label check on `from`.
 */
export function traversalPattern(
  traversal: Traversal,
  from: string,
  rel: string | null,
  to: string,
  fromLabel: Label | null = null,
): string {
  return `(${node(from, fromLabel)})${stepArrow({ traversal }, rel)}(${node(to, traversal.target)})`;
}

/**
 * A path of steps from `from` to `to`, the nodes between unnamed and labelled as the steps say:
 * `(n)-[:HELD_IN]->(:Place)-[:LOCATED_IN*0..5]->(x:Place)`.
 */
export function pathPattern(from: string, steps: readonly Step[], to: string): string {
  const hops = steps.map((step, i) => {
    const end = i === steps.length - 1 ? to : '';
    return `${stepArrow(step, null)}(${node(end, step.traversal.target)})`;
  });
  return `(${from})${hops.join('')}`;
}

/** A property of node `v` equals a parameter; `absent` is the value a missing property counts as. */
export const propertyEquals = (v: string, property: string, param: string, absent?: 'false') =>
  absent ? `coalesce(${v}.${property}, ${absent}) = ${param}` : `${v}.${property} = ${param}`;

/**
 * One of the properties of node `v` contains the parameter (lower-cased by the caller), ignoring
 * case; a list property (`aliases`) when one of its items does.
 */
export function propertiesContain(v: string, properties: readonly { name: string; list: boolean }[], param: string) {
  const tests = properties.map(({ name, list }) =>
    list
      ? `any(a IN coalesce(${v}.${name}, []) WHERE toLower(a) CONTAINS ${param})`
      : `toLower(${v}.${name}) CONTAINS ${param}`,
  );
  return tests.length === 1 ? tests[0]! : `(${tests.join(' OR ')})`;
}

/** The sort key of node `v`: never null, so that keyset comparisons hold; names ignore case. */
export const sortKey = (order: Order, v: string) =>
  order === 'name' ? `toLower(coalesce(${v}.name, ${v}.headline, ''))` : `coalesce(${v}.dateOrder, '')`;

/** A column of a page's order: an expression and whether it sorts descending. */
export interface OrderColumn {
  expr: string;
  desc?: boolean;
}

/** The order of a list: by key, then id, in one direction (the columns of a node list's keyset). */
export const keyColumns = (key: string, v: string, direction: 'ASC' | 'DESC' = 'ASC'): OrderColumn[] => [
  { expr: key, desc: direction === 'DESC' },
  { expr: `${v}.id`, desc: direction === 'DESC' },
];

/**
 * The keyset condition: the row's columns come strictly after (or strictly before) the cursor's
 * values (`values[i]` a Cypher expression for column i), in the order the columns give.
 */
export function keyset(columns: readonly OrderColumn[], values: readonly string[], side: 'after' | 'before'): string {
  let condition = '';
  for (let i = columns.length - 1; i >= 0; i -= 1) {
    const { expr, desc } = columns[i]!;
    const op = (side === 'after') === !desc ? '>' : '<';
    const strict = `${expr} ${op} ${values[i]!}`;
    condition = condition === '' ? strict : `(${strict} OR (${expr} = ${values[i]!} AND ${condition}))`;
  }
  return condition;
}

/** The values of a cursor held in one list parameter (`$p3`), as keyset values. */
export const cursorValues = (param: string, arity: number) => Array.from({ length: arity }, (_, i) => `${param}[${i}]`);

/** ORDER BY the columns, or against them (a backward page is fetched from its end). */
export const orderBy = (columns: readonly OrderColumn[], reversed = false) =>
  `ORDER BY ${columns.map(({ expr, desc }) => `${expr} ${Boolean(desc) !== reversed ? 'DESC' : 'ASC'}`).join(', ')}`;

/**
 * The conditions of a window (../graph/arguments.ts `PageWindow`) on the columns: after its `after`
 * cursor (param), before its `before` cursor; empty when it has neither.
 */
export function windowConditions(
  columns: readonly OrderColumn[],
  after: string | null,
  before: string | null,
): string[] {
  return [
    ...(after ? [keyset(columns, cursorValues(after, columns.length), 'after')] : []),
    ...(before ? [keyset(columns, cursorValues(before, columns.length), 'before')] : []),
  ];
}

/**
 * The probes that make pageInfo true in both directions: whether some item is at or before the
 * `after` cursor (something precedes the page), and whether some item is at or after the `before`
 * cursor (something follows it). Each is a condition on the columns; the caller checks existence.
 */
export function probeConditions(columns: readonly OrderColumn[], after: string | null, before: string | null) {
  return {
    precedes: after ? `NOT ${keyset(columns, cursorValues(after, columns.length), 'after')}` : null,
    follows: before ? `NOT ${keyset(columns, cursorValues(before, columns.length), 'before')}` : null,
  };
}

/**
 * The subqueries answering whether any row of `match` lies at or before the `after` cursor and at
 * or after the `before` one (../cypher/build.ts probeConditions), and the columns that return them.
 */
export function probeSubqueries(
  scope: string,
  match: string,
  conditions: { precedes: string | null; follows: string | null },
) {
  const sides = ['precedes', 'follows'] as const;
  const calls = sides.flatMap((side) =>
    conditions[side] === null
      ? []
      : [
          `CALL (${scope}) {\n  ${match}\n  WITH * WHERE ${conditions[side]}\n  WITH 1 AS hit LIMIT 1\n  RETURN count(hit) > 0 AS ${side}\n}`,
        ],
  );
  const columns = sides.map((side) => (conditions[side] === null ? `false AS ${side}` : side)).join(', ');
  return { calls: calls.join('\n'), columns };
}

/**
 * The keyset columns of a traversal's page from `k` (the neighbour's sort key), `m` (the neighbour)
 * and `r` (the relationship): key, id, and the relationship's own key when its type can repeat
 * between the same two nodes (two positions in one organization), so that every edge has its place.
 */
export function traversalColumns(traversal: Traversal, k: string, m: string, r: string): OrderColumn[] {
  const key = relationshipTypes[traversal.type];
  return [{ expr: k }, { expr: `${m}.id` }, ...(key ? [{ expr: `coalesce(${r}.${key}, '')` }] : [])];
}

/**
 * Map projection of node `v`: every property (`'all'`), or only the given ones plus `id`, and extra
 * computed entries. No labels: `toNodeRecord` reads a node's type from its id (`person:…`), which
 * spares Neo4j a list per node and the driver its decoding (README, "Labels from ids").
 */
export function nodeProjection(
  v: string,
  properties: 'all' | readonly string[] = 'all',
  extra: readonly (readonly [string, string])[] = [],
): string {
  const entries =
    properties === 'all'
      ? ['.*']
      : ['.id', ...[...new Set(properties)].filter((property) => property !== 'id').map((property) => `.${property}`)];
  entries.push(...extra.map(([key, value]) => `${key}: ${value}`));
  return `${v} {${entries.join(', ')}}`;
}

/**
 * The same projection as a list of values, for the compiled queries (see ../query/compile.ts): the
 * driver decodes a list without decoding every key of every map again, which cost the API process
 * more than anything else per projected node. `keys` names the values in order: `unpacker` turns
 * them back into the map `nodeProjection` would have given.
 */
export function packedNodeProjection(
  v: string,
  properties: readonly string[],
  extra: readonly (readonly [string, string])[] = [],
): { text: string; keys: string[] } {
  const own = ['id', ...[...new Set(properties)].filter((property) => property !== 'id')];
  const keys = [...own, ...extra.map(([key]) => key)];
  const values = [...own.map((property) => `${v}.${property}`), ...extra.map(([, value]) => value)];
  return { text: `[${values.join(', ')}]`, keys };
}

/** The map a packed projection stands for (see packedNodeProjection), made by a function of its keys. */
export type Unpacker = (values: readonly unknown[]) => Record<string, unknown>;

/**
 * The function that turns a packed projection with `keys` back into its map: one object literal
 * with the keys in order, written once per layout, so that every record of a layout is built in one
 * step with the same shape (a loop adding keys one by one cost several times more on a page of
 * nested nodes). The keys are property and column names from the model and the compiler; each is
 * written as a JSON string all the same.
 */
export function unpacker(keys: readonly string[]): Unpacker {
  const entries = keys.map((key, i) => `${JSON.stringify(key)}: values[${i}]`);
  // The type name is given its place now, so that adding it later does not change the record's shape.
  if (!keys.includes('__typename')) entries.push('__typename: undefined');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- code written from the model's own names, once per layout
  return new Function('values', `return { ${entries.join(', ')} };`) as Unpacker;
}

/**
 * Cypher map projection of relationship `r` as traversals return it: with all its properties, or
 * (`keysOnly`) only those that make its identity (the title of a position), when nothing else is read.
 */
export function relationshipProjection(r: string, { keysOnly = false }: { keysOnly?: boolean } = {}) {
  const keys = [...new Set(Object.values(relationshipTypes).filter((key) => key !== null))];
  const properties = keysOnly ? `${r} {${keys.map((key) => `.${key}`).join(', ')}}` : `properties(${r})`;
  return `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, properties: ${properties}}`;
}
