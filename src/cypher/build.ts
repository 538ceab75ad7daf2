/**
 * A small typed layer for Cypher text: patterns from the model's traversals, the sort key, the
 * keyset condition and the node projection, each written once here. Labels and relationship types
 * come only from the model (typed, so nothing else can be spliced in); every value is a parameter.
 */
import type { Label, Order, Traversal } from '../model/graph.js';

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

/** A variable name with an optional label: `n`, `n:Person`. */
const node = (variable: string, label?: Label | 'Node' | null) => (label ? `${variable}:${label}` : variable);

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
  const relationship = `[${rel ?? ''}:${traversal.type}]`;
  const [left, right] = traversal.direction === 'out' ? ['-', '->'] : ['<-', '-'];
  return `(${node(from, fromLabel)})${left}${relationship}${right}(${node(to, traversal.target)})`;
}

/** The sort key of node `v`: never null, so that keyset comparisons hold; names ignore case. */
export const sortKey = (order: Order, v: string) =>
  order === 'name' ? `toLower(coalesce(${v}.name, ${v}.headline, ''))` : `coalesce(${v}.dateOrder, '')`;

/**
 * The keyset condition: item (`key`, `v.id`) comes after the cursor (`afterKey`, `afterId`) in the
 * given direction; always true when there is no cursor (`afterId` null).
 */
export function keysetAfter(key: string, v: string, afterKey: string, afterId: string, direction: 'ASC' | 'DESC') {
  const gt = direction === 'ASC' ? '>' : '<';
  return `(${afterId} IS NULL OR ${key} ${gt} ${afterKey} OR (${key} = ${afterKey} AND ${v}.id ${gt} ${afterId}))`;
}

/** The order of a page: by key, then id, in one direction. */
export const pageOrder = (key: string, v: string, direction: 'ASC' | 'DESC' = 'ASC') =>
  `ORDER BY ${key} ${direction}, ${v}.id ${direction}`;

/**
 * Map projection of node `v` with its labels (which `toNodeRecord` turns into a type name): every
 * property (`'all'`), or only the given ones plus `id`, and extra computed entries.
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
  entries.push(`__labels: labels(${v})`, ...extra.map(([key, value]) => `${key}: ${value}`));
  return `${v} {${entries.join(', ')}}`;
}

/** Cypher map projection of relationship `r` as traversals return it. */
export const relationshipProjection = (r: string) =>
  `{type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id, properties: properties(${r})}`;
