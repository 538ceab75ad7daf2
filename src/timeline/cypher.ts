/**
 * Cypher of `timeline`: an entity's dated meetings and statements in date order (and, on the same
 * date, in the order their source gives: `dateOrder`), keyset-paginated. Params: of, windowFrom, windowTo
 * (an overlapping date range, see ../graph/date-window.ts), afterKey, afterId, limit.
 */
import { traversalPattern } from '../cypher/build.js';
import { dateMatchCypher, windowParams, type DateWindow } from '../graph/date-window.js';
import { byDate } from '../query/list.js';
import type { ListSource } from '../query/root.js';
import { traversals, type TraversalName } from '../model/graph.js';

/** What a timeline gathers: the model's traversals from an entity to meetings and statements. */
const gathered: readonly TraversalName[] = [
  'actorMeetings',
  'actorStatements',
  'placeMeetings',
  'topicMeetings',
  'topicStatements',
];
const branches = gathered.map((name) => `MATCH ${traversalPattern(traversals[name], 'e', null, 'x')} RETURN x`);

/** The dated items of `$of`, as `x`, whose dates overlap the window; the page is compiled (src/query/). */
export const timelineItems = `
MATCH (e:Node {id: $of})
CALL (e) {
  ${branches.join('\n  UNION\n  ')}
}
WITH x
WHERE ${dateMatchCypher('x.date', 'overlaps')}`;

/** The timeline of `of` as a source of a compiled page (src/query/root.ts): dated items in date order. */
export const timelineSource = (of: string, window: DateWindow | null): ListSource => ({
  label: ['Meeting', 'Statement'],
  match: `${timelineItems.trimStart()}\nWITH x AS n`,
  params: { of, ...windowParams(window) },
  sortKey: byDate,
  direction: 'ASC',
  // TimelineEdge.date reads each item's date, whatever the items select.
  reads: ['date'],
});
