/**
 * Cypher of `timeline`: an entity's dated meetings and statements in date order (and, on the same
 * date, in the order their source gives: `dateOrder`), keyset-paginated.
 */
import { traversalPattern } from '../cypher/build.js';
import { byDate } from '../graph/list.js';
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

/** The dated items of `$of`, as `x`, within the dates `$from` and `$to`; the page is compiled (src/query/). */
export const timelineItems = `
MATCH (e:Node {id: $of})
CALL (e) {
  ${branches.join('\n  UNION\n  ')}
}
WITH x
WHERE x.date IS NOT NULL
  AND ($from IS NULL OR x.date >= $from OR $from STARTS WITH x.date)
  AND ($to IS NULL OR x.date <= $to OR x.date STARTS WITH $to)`;

/** The timeline of `of` as a source of a compiled page (src/query/root.ts): dated items in date order. */
export const timelineSource = (of: string, from: string | null, to: string | null): ListSource => ({
  label: ['Meeting', 'Statement'],
  match: `${timelineItems.trimStart()}\nWITH x AS n`,
  params: { of, from, to },
  sortKey: byDate,
  direction: 'ASC',
  // TimelineEdge.date reads each item's date, whatever the items select.
  reads: ['date'],
});
