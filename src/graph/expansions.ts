/**
 * The batched Cypher of a traversal (see ../model/graph.ts) for many parents at once: what the
 * loaders run for relation fields that a compiled query did not fetch (see ../query/).
 */
import { keysetAfter, nodeProjection, pageOrder, sortKey, traversalPattern } from '../cypher/build.js';
import { traversals, type TraversalName } from '../model/graph.js';

/**
 * One page per parent for many parents at once. Each row of $rows is {slot, id, afterKey, afterId};
 * $limit is the page size plus one (to know whether a next page exists).
 */
export function expansionPageCypher(name: TraversalName): string {
  const traversal = traversals[name];
  return `
UNWIND $rows AS row
MATCH (p:Node {id: row.id})
CALL (p, row) {
  MATCH ${traversalPattern(traversal, 'p', 'r', 'n')}
  WITH n, r, ${sortKey(traversal.order, 'n')} AS k
  WHERE ${keysetAfter('k', 'n', 'row.afterKey', 'row.afterId', 'ASC')}
  RETURN n, r, k
  ${pageOrder('k', 'n')}
  LIMIT $limit
}
RETURN row.slot AS slot, ${nodeProjection('n')} AS node, properties(r) AS rel, k AS key`;
}

/** How many neighbours each parent has over a traversal. */
export function expansionCountCypher(name: TraversalName): string {
  return `
UNWIND $ids AS id
MATCH (p:Node {id: id})
RETURN id AS parent, COUNT { MATCH ${traversalPattern(traversals[name], 'p', 'r', 'n')} } AS total`;
}
