/** Cypher of the `people` list: its filters and order. */
import { byName, Conditions, type ListQuery } from '../graph/list.js';
import type { PersonFilter, PersonOrder } from '../generated/graphql.js';

export function peopleQuery(
  filter: PersonFilter | null | undefined,
  orderBy: PersonOrder | null | undefined,
): ListQuery {
  const conditions = new Conditions()
    .nameContains(filter?.nameContains)
    .related(filter?.organization, 'organization', '(n)-[:HOLDS_POSITION]->(x)')
    .related(filter?.meeting, 'meeting', '(n)-[:PARTICIPATED_IN]->(x)');
  return { label: 'Person', ...conditions, sortKey: byName, direction: orderBy?.direction ?? 'ASC' };
}

/**
 * The people who attended the same meetings as each person of $rows ({slot, id, afterKey, afterId}),
 * most shared meetings first: the keyset is (meetings shared, descending; id, ascending).
 */
export const metWithCypher = `
UNWIND $rows AS row
MATCH (p:Node:Person {id: row.id})
CALL (p, row) {
  MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(n:Person)
  WHERE n <> p
  WITH n, count(DISTINCT m) AS shared
  WHERE row.afterId IS NULL OR shared < row.afterKey OR (shared = row.afterKey AND n.id > row.afterId)
  RETURN n, shared
  ORDER BY shared DESC, n.id
  LIMIT $limit
}
RETURN row.slot AS slot, n {.*, __labels: labels(n)} AS node, shared`;

export const metWithCountCypher = `
UNWIND $ids AS id
MATCH (p:Node:Person {id: id})
RETURN id AS parent, COUNT { MATCH (p)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(n:Person) WHERE n <> p RETURN DISTINCT n } AS total`;

/** The meetings two people both attended, for many pairs at once, in date order. */
export const sharedMeetingsCypher = `
UNWIND $pairs AS pair
MATCH (a:Node {id: pair.a}), (b:Node {id: pair.b})
MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b)
WITH pair, m ORDER BY coalesce(m.dateOrder, ''), m.id
RETURN pair.slot AS slot, collect(m {.*, __labels: labels(m)})[0..$first] AS meetings`;
