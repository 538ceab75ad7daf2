/**
 * Cypher of `timeline`: an entity's dated meetings and statements in date order (and, on the same
 * date, in the order their source gives: `dateOrder`), keyset-paginated. Params: of, windowFrom, windowTo
 * (an overlapping date range, see ../graph/date-window.ts), afterKey, afterId, limit.
 */
import { keysetAfter, nodeProjection } from '../cypher/build.js';
import { dateMatchCypher } from '../graph/date-window.js';

const items = `
MATCH (e:Node {id: $of})
CALL (e) {
  MATCH (e)-[:PARTICIPATED_IN]->(x:Meeting) RETURN x
  UNION
  MATCH (e)-[:STATED]->(x:Statement) RETURN x
  UNION
  MATCH (e)<-[:HELD_IN]-(x:Meeting) RETURN x
  UNION
  MATCH (e)<-[:ABOUT]-(x:Meeting|Statement) RETURN x
}
WITH x
WHERE ${dateMatchCypher('x.date', 'overlaps')}`;

export const timelinePageCypher = `${items}
  AND ${keysetAfter('x.dateOrder', 'x', '$afterKey', '$afterId', 'ASC')}
RETURN ${nodeProjection('x')} AS node, x.dateOrder AS key
ORDER BY x.dateOrder, x.id
LIMIT $limit`;

export const timelineCountCypher = `${items}
RETURN count(x) AS total`;
