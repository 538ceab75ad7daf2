/**
 * Cypher of derived networks. A network is made of events (meetings or statements) that pass the
 * filters, and of the pairs of nodes each event links: two participants of a meeting, a speaker and
 * what their statement mentions. Every value is a parameter; the text is put together from constant
 * fragments chosen by which filters are present, so that Neo4j plans each shape with its indexes
 * (the date range index for a window, the topic's relationships for a topic).
 *
 * Params: windowFrom, windowTo, windowYear, topic, articles, nodeTypes, speakerTypes, maxNodes, ids,
 * maxRelationships.
 */
import { insideWindowCypher } from '../graph/date-window.js';

export type NetworkKind = 'WHO_MET_WHOM' | 'WHO_MENTIONS_WHOM';

/** Which filters a network query applies (the values travel as parameters). */
export interface NetworkFilters {
  kind: NetworkKind;
  windowFrom: boolean;
  windowTo: boolean;
  topic: boolean;
  articles: boolean;
}

/** The conditions on an event `e` (the topic apart, which anchors a match or is checked on its own). */
function eventConditions(filters: NetworkFilters): string[] {
  return [
    // Necessary for being inside the window, and seekable in the date index: a date's string sorts
    // at or after its year and at or before its last minute.
    ...(filters.windowFrom ? ['e.date >= $windowYear'] : []),
    ...(filters.windowTo ? ['e.date <= $windowTo'] : []),
    ...(filters.windowFrom || filters.windowTo ? [insideWindowCypher('e.date')] : []),
    ...(filters.articles ? ['any(s IN e.sources WHERE s IN $articles)'] : []),
  ];
}

const eventLabel = (filters: NetworkFilters) => (filters.kind === 'WHO_MET_WHOM' ? 'Meeting' : 'Statement');

/** The events of the network, as `e`, filtered: from the topic when there is one. */
function events(filters: NetworkFilters): string {
  const label = eventLabel(filters);
  const conditions = eventConditions(filters);
  const match = filters.topic ? `MATCH (:Topic {id: $topic})<-[:ABOUT]-(e:${label})` : `MATCH (e:${label})`;
  return `${match}${conditions.length > 0 ? `\nWHERE ${conditions.join('\n  AND ')}` : ''}`;
}

const typed = (x: string, param: string) => `any(l IN labels(${x}) WHERE l IN $${param})`;

/**
 * The nodes of the network, most active first (in most events where they have a partner, then by id),
 * at most $maxNodes, with their type; and how many there are in all. Who met whom counts participations
 * (a meeting with two or more of the allowed types), not pairs: a meeting of twenty is twenty rows, not 190.
 */
export function networkNodesCypher(filters: NetworkFilters): string {
  const linked =
    filters.kind === 'WHO_MET_WHOM'
      ? `MATCH (x:Node)-[:PARTICIPATED_IN]->(e)
WHERE ${typed('x', 'nodeTypes')}
WITH e, collect(x) AS linked
WHERE size(linked) > 1`
      : `MATCH (a:Node)-[:STATED]->(e)-[:MENTIONS]->(b:Node)
WHERE a <> b AND ${typed('a', 'speakerTypes')} AND ${typed('b', 'nodeTypes')}
WITH e, collect(DISTINCT a) + collect(DISTINCT b) AS linked`;
  return `${events(filters)}
${linked}
UNWIND linked AS x
WITH DISTINCT e, x
WITH x, count(e) AS activity
ORDER BY activity DESC, x.id
WITH collect({id: x.id, type: [l IN labels(x) WHERE l IN $nodeTypes][0]}) AS nodes
RETURN size(nodes) AS total, nodes[0..$maxNodes] AS nodes`;
}

/**
 * The weighted relationships among $ids, heaviest first, at most $maxRelationships. Starts from the
 * kept nodes (looked up by id through the index); who met whom pairs up each meeting's kept
 * participants from one list rather than matching the pattern pair by pair.
 */
export function networkRelationshipsCypher(filters: NetworkFilters): string {
  const conditions = [
    ...eventConditions(filters),
    ...(filters.topic ? ['EXISTS { (e)-[:ABOUT]->(:Topic {id: $topic}) }'] : []),
  ];
  const pairs =
    filters.kind === 'WHO_MET_WHOM'
      ? `UNWIND $ids AS id
MATCH (x:Node {id: id})-[:PARTICIPATED_IN]->(e:${eventLabel(filters)})
${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
WITH e, collect(x.id) AS members
WHERE size(members) > 1
UNWIND members AS source
UNWIND members AS target
WITH source, target
WHERE source < target
WITH source, target, count(*) AS weight`
      : `UNWIND $ids AS id
MATCH (a:Node {id: id})-[:STATED]->(e:Statement)-[:MENTIONS]->(b:Node)
WHERE ${['a <> b', 'b.id IN $ids', ...conditions].join(' AND ')}
WITH a.id AS source, b.id AS target, count(DISTINCT e) AS weight`;
  return `${pairs}
ORDER BY weight DESC, source, target
LIMIT $maxRelationships
RETURN source, target, weight`;
}
