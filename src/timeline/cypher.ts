/**
 * Cypher of `timeline`: an entity's dated meetings and statements in date order (and, on the same
 * date, in the order their source gives: `dateOrder`), keyset-paginated.
 */
import { keyColumns, nodeProjection, orderBy, probeConditions, windowConditions } from '../cypher/build.js';
import type { WindowShape } from '../graph/expansions.js';

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

const columns = keyColumns('x.dateOrder', 'x');

/**
 * A page of the timeline in the window's direction ($after, $before: cursor keys; $limit: size + 1)
 * in one row `items`, with the probes of pageInfo when the window has cursors.
 */
export function timelinePageCypher(shape: WindowShape): string {
  const [after, before] = [shape.after ? '$after' : null, shape.before ? '$before' : null];
  const probes = probeConditions(columns, after, before);
  const probe = (side: 'precedes' | 'follows') =>
    probes[side] === null
      ? []
      : [
          `CALL () {${items.replaceAll('\n', '\n  ')}\n    AND ${probes[side]}\n  WITH x LIMIT 1\n  RETURN count(x) > 0 AS ${side}\n}`,
        ];
  const sides = (['precedes', 'follows'] as const).filter((side) => probes[side] !== null);
  return [
    `${items}${windowConditions(columns, after, before)
      .map((condition) => `\n  AND ${condition}`)
      .join('')}`,
    `WITH x ${orderBy(columns, shape.backward)}`,
    'LIMIT $limit',
    `WITH collect({node: ${nodeProjection('x')}, key: [x.dateOrder, x.id]}) AS items`,
    ...probe('precedes'),
    ...probe('follows'),
    `RETURN ${['items', ...sides].join(', ')}`,
  ].join('\n');
}

export const timelineCountCypher = `${items}
RETURN count(x) AS total`;
