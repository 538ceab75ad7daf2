/**
 * Cypher of the traversals: shortest paths, neighbourhoods and common connections.
 *
 * Every value is a parameter. Two things cannot be: a variable-length bound (`*..N`), which is
 * interpolated only as an integer checked here, and the choice between the filtered and the
 * unfiltered shortest-path query, and between the windowed and unwindowed one, which are constant
 * texts put together here. (`$types IS NULL OR all(...)` would keep one text, but Neo4j cannot push an
 * OR into the breadth-first search and plans an exhaustive enumeration of paths instead.) Relationship
 * types reach Cypher only as `$types`, compared with `type(r) IN $types`; a date window only as
 * `$windowFrom` and `$windowTo`.
 */
import {
  nodeProjection,
  orderBy,
  probeConditions,
  probeSubqueries,
  relationshipProjection,
  windowConditions,
  type OrderColumn,
} from '../cypher/build.js';
import type { WindowShape } from '../graph/expansions.js';
import { passableCypher } from '../graph/date-window.js';

/** The hop bound of a variable-length pattern: an integer, checked again here because it is interpolated. */
function hopBound(hops: number, max: number): number {
  if (!Number.isSafeInteger(hops) || hops < 1 || hops > max) throw new Error(`hop bound ${hops} is not in 1..${max}`);
  return hops;
}

const pathNodes = `[n IN nodes(p) | ${nodeProjection('n')}]`;
const pathRelationships = `[r IN relationships(p) | ${relationshipProjection('r')}]`;

/** Which restrictions a path query applies: relationship types, a date window. */
export interface PathRestrictions {
  filtered: boolean;
  windowed: boolean;
}

/**
 * Start and end looked up by id (index-backed), then the pattern between them, undirected. With a
 * window, every meeting or statement passed through lies inside it (the two ends are the caller's
 * choice). Both conditions are `all(…)` over the path, which Neo4j checks during its breadth-first search.
 */
function pathQuery(algorithm: 'shortestPath' | 'allShortestPaths', maxHops: number, restrictions: PathRestrictions) {
  const conditions = [
    ...(restrictions.filtered ? ['all(r IN relationships(p) WHERE type(r) IN $types)'] : []),
    ...(restrictions.windowed ? [`all(n IN nodes(p) WHERE n = a OR n = b OR ${passableCypher('n')})`] : []),
  ];
  return `
MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = ${algorithm}((a)-[*..${hopBound(maxHops, 10)}]-(b))
${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}`;
}

/**
 * The clauses binding `p` to one shortest path from $from to $to, following only $types when
 * filtered, passing only through meetings and statements inside the window when windowed (the
 * traversal's resolver compiles what is selected on it). Params: from, to, types, windowFrom, windowTo.
 */
export const shortestPathMatch = (maxHops: number, restrictions: PathRestrictions) =>
  pathQuery('shortestPath', maxHops, restrictions).trim();

/**
 * The key of path `p`, unique among paths: its node ids in order, then each relationship's start,
 * type and key property (two paths through the same nodes may take different relationships).
 */
const pathKey = `reduce(s = '', n IN nodes(p) | s + n.id + '\\u0001') + '\\u0002' +
  reduce(s = '', r IN relationships(p) | s + startNode(r).id + '|' + type(r) + '|' + coalesce(r.title, '') + '\\u0001')`;
const pathColumns: OrderColumn[] = [{ expr: 'key' }];

/** A page's `items`, `total` (when counted) and probes, from `match` binding the columns. */
function windowedPage(
  match: string,
  columns: OrderColumn[],
  carry: string,
  item: string,
  shape: WindowShape & { count: boolean },
) {
  const [after, before] = [shape.after ? '$after' : null, shape.before ? '$before' : null];
  const conditions = windowConditions(columns, after, before);
  const probe = probeSubqueries('', match, probeConditions(columns, after, before));
  return `${match}${conditions.length > 0 ? `\nWITH * WHERE ${conditions.join(' AND ')}` : ''}
WITH ${carry} ${orderBy(columns, shape.backward)}
LIMIT $limit
WITH collect(${item}) AS items
${shape.count ? `CALL () {\n  ${match.split('\n').join('\n  ')}\n  RETURN count(*) AS total\n}\n` : ''}${probe.calls}
RETURN items, ${shape.count ? 'total' : '0 AS total'}, ${probe.columns}`;
}

/**
 * A page of all shortest paths from $from to $to, in the order of their keys (node ids first).
 * Params: from, to, types, windowFrom, windowTo, after, before, limit.
 */
export const allShortestPathsCypher = (
  maxHops: number,
  restrictions: PathRestrictions,
  shape: WindowShape & { count: boolean },
) =>
  windowedPage(
    `${pathQuery('allShortestPaths', maxHops, restrictions).trim()}\nWITH p, ${pathKey} AS key`,
    pathColumns,
    'p, key',
    `{nodes: ${pathNodes}, relationships: ${pathRelationships}, key: [key]}`,
    shape,
  );

/**
 * One breadth-first level of a neighbourhood: the ids one hop from $frontier not yet in $seen,
 * at most $room of them, in id order (so that a truncated answer is the same every time). With a
 * window ($windowed), meetings and statements outside it are neither reached nor passed through.
 */
export const neighborhoodLevelCypher = `
UNWIND $frontier AS id
MATCH (a:Node {id: id})-[r]-(b:Node)
WHERE ($types IS NULL OR type(r) IN $types) AND NOT b.id IN $seen
  AND (NOT $windowed OR ${passableCypher('b')})
WITH DISTINCT b.id AS id
ORDER BY id
LIMIT $room
RETURN id`;

export { nodesByIdCypher } from '../graph/records.js';

/**
 * The relationships among the nodes of $ids, of $types when given, at most $limit; with only the
 * properties of their identity when `keysOnly` (see relationshipProjection): one row, `rels`, in that order.
 */
export const relationshipsAmongCypher = (keysOnly = false) => `
MATCH (a:Node)-[r]->(b:Node)
WHERE a.id IN $ids AND b.id IN $ids AND ($types IS NULL OR type(r) IN $types)
WITH r, a.id AS fromId, type(r) AS relType, b.id AS toId
ORDER BY fromId, relType, toId, r.title
LIMIT $limit
RETURN collect(${relationshipProjection('r', { keysOnly })}) AS rels`;

const commonColumns: OrderColumn[] = [{ expr: 'weight', desc: true }, { expr: 'c.id' }];

/**
 * A page of the nodes other than $a and $b with a relationship (of $types, when given) to both, most
 * relationships first, then by id. Params: a, b, types, after, before, limit.
 */
export const commonConnectionsCypher = (shape: WindowShape & { count: boolean }) =>
  windowedPage(
    `MATCH (a:Node {id: $a}), (b:Node {id: $b})
MATCH (a)-[ra]-(c:Node)
WHERE c <> a AND c <> b AND ($types IS NULL OR type(ra) IN $types)
WITH a, b, c, collect(ra) AS toA
MATCH (c)-[rb]-(b)
WHERE $types IS NULL OR type(rb) IN $types
WITH c, toA, collect(rb) AS toB
WITH c, toA, toB, size(toA) + size(toB) AS weight`,
    commonColumns,
    'c, toA, toB, weight',
    `{node: ${nodeProjection('c')}, toA: [r IN toA | ${relationshipProjection('r')}], toB: [r IN toB | ${relationshipProjection('r')}], key: [weight, c.id]}`,
    shape,
  );
