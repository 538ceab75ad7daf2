/**
 * Cypher of `timeline`: an entity's dated meetings and statements in date order (and, on the same
 * date, in the order their source gives: `dateOrder`), keyset-paginated.
 */
import { keysetAfter, nodeProjection } from '../cypher/build.js';

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
WHERE x.date IS NOT NULL
  AND ($from IS NULL OR x.date >= $from OR $from STARTS WITH x.date)
  AND ($to IS NULL OR x.date <= $to OR x.date STARTS WITH $to)`;

export const timelinePageCypher = `${items}
  AND ${keysetAfter('x.dateOrder', 'x', '$afterKey', '$afterId', 'ASC')}
RETURN ${nodeProjection('x')} AS node, x.dateOrder AS key
ORDER BY x.dateOrder, x.id
LIMIT $limit`;

export const timelineCountCypher = `${items}
RETURN count(x) AS total`;
