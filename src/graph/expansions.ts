/**
 * The batched Cypher of a traversal (see ../model/graph.ts) for many parents at once: what the
 * loaders run for relation fields that a compiled query did not fetch (see ../query/).
 */
import {
  nodeProjection,
  orderBy,
  probeConditions,
  sortKey,
  traversalColumns,
  traversalPattern,
  windowConditions,
} from '../cypher/build.js';
import { traversals, type TraversalName } from '../model/graph.js';

/** What a page's Cypher text depends on besides the traversal: its direction and which cursors it has. */
export interface WindowShape {
  backward: boolean;
  after: boolean;
  before: boolean;
}

/**
 * One page per parent for many parents at once, with the probes of its pageInfo. Each row of $rows
 * is {slot, id, after, before} (cursor keys as lists); $limit is the page size plus one (to know
 * whether the window holds more).
 */
export function expansionPageCypher(name: TraversalName, shape: WindowShape): string {
  const traversal = traversals[name];
  const columns = traversalColumns(traversal, 'k', 'n', 'r');
  const after = shape.after ? 'row.after' : null;
  const before = shape.before ? 'row.before' : null;
  const conditions = windowConditions(columns, after, before);
  const probes = probeConditions(traversalColumns(traversal, sortKey(traversal.order, 'n'), 'n', 'r'), after, before);
  const pattern = traversalPattern(traversal, 'p', 'r', 'n');
  const exists = (condition: string | null) => (condition ? `EXISTS { MATCH ${pattern} WHERE ${condition} }` : 'false');
  return `
UNWIND $rows AS row
MATCH (p:Node {id: row.id})
CALL (p, row) {
  MATCH ${pattern}
  WITH n, r, ${sortKey(traversal.order, 'n')} AS k${conditions.length > 0 ? `\n  WHERE ${conditions.join(' AND ')}` : ''}
  WITH n, r, k ${orderBy(columns, shape.backward)}
  LIMIT $limit
  RETURN collect({node: ${nodeProjection('n')}, rel: properties(r), key: [${columns.map((c) => c.expr).join(', ')}]}) AS items
}
RETURN row.slot AS slot, items, ${exists(probes.precedes)} AS precedes, ${exists(probes.follows)} AS follows`;
}

/** How many neighbours each parent has over a traversal. */
export function expansionCountCypher(name: TraversalName): string {
  return `
UNWIND $ids AS id
MATCH (p:Node {id: id})
RETURN id AS parent, COUNT { MATCH ${traversalPattern(traversals[name], 'p', 'r', 'n')} } AS total`;
}
