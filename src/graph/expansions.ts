/**
 * Every relationship a GraphQL field follows from a node, in one table: the Cypher pattern from
 * the parent `p` to the neighbour `n` over relationship `r`, and the order of the page.
 * The loaders batch each expansion over all parents of a request into one query.
 */
import { nodeProjection } from './records.js';
import { prefetchColumns } from './prefetch.js';

export type Order = 'name' | 'date';

export interface Expansion {
  pattern: string;
  order: Order;
}

export const expansions = {
  personPositions: { pattern: '(p)-[r:HOLDS_POSITION]->(n:Organization)', order: 'name' },
  organizationMembers: { pattern: '(p)<-[r:HOLDS_POSITION]-(n:Person)', order: 'name' },
  actorMeetings: { pattern: '(p)-[r:PARTICIPATED_IN]->(n:Meeting)', order: 'date' },
  meetingParticipants: { pattern: '(p)<-[r:PARTICIPATED_IN]-(n:Node)', order: 'name' },
  actorStatements: { pattern: '(p)-[r:STATED]->(n:Statement)', order: 'date' },
  addressedIn: { pattern: '(p)<-[r:ADDRESSED_TO]-(n:Statement)', order: 'date' },
  mentionedIn: { pattern: '(p)<-[r:MENTIONS]-(n:Statement)', order: 'date' },
  heard: { pattern: '(p)<-[r:HEARD_BY]-(n:Statement)', order: 'date' },
  organizationChildren: { pattern: '(p)<-[r:PART_OF]-(n:Organization)', order: 'name' },
  organizationParent: { pattern: '(p)-[r:PART_OF]->(n:Organization)', order: 'name' },
  organizationBasedIn: { pattern: '(p)-[r:BASED_IN]->(n:Place)', order: 'name' },
  organizationPublished: { pattern: '(p)<-[r:PUBLISHED_BY]-(n:Article)', order: 'date' },
  placeContains: { pattern: '(p)<-[r:LOCATED_IN]-(n:Place)', order: 'name' },
  placeLocatedIn: { pattern: '(p)-[r:LOCATED_IN]->(n:Place)', order: 'name' },
  placeMeetings: { pattern: '(p)<-[r:HELD_IN]-(n:Meeting)', order: 'date' },
  meetingPlace: { pattern: '(p)-[r:HELD_IN]->(n:Place)', order: 'name' },
  meetingPartOf: { pattern: '(p)-[r:PART_OF]->(n:Meeting)', order: 'date' },
  meetingParts: { pattern: '(p)<-[r:PART_OF]-(n:Meeting)', order: 'date' },
  meetingFollows: { pattern: '(p)-[r:FOLLOWS]->(n:Meeting)', order: 'date' },
  meetingFollowedBy: { pattern: '(p)<-[r:FOLLOWS]-(n:Meeting)', order: 'date' },
  meetingTopics: { pattern: '(p)-[r:ABOUT]->(n:Topic)', order: 'name' },
  meetingStatements: { pattern: '(p)<-[r:MADE_AT]-(n:Statement)', order: 'date' },
  statementSpeaker: { pattern: '(p)<-[r:STATED]-(n:Node)', order: 'name' },
  statementOccasion: { pattern: '(p)-[r:MADE_AT]->(n:Meeting)', order: 'date' },
  statementAddressedTo: { pattern: '(p)-[r:ADDRESSED_TO]->(n:Node)', order: 'name' },
  statementAudience: { pattern: '(p)-[r:HEARD_BY]->(n:Node)', order: 'name' },
  statementMentions: { pattern: '(p)-[r:MENTIONS]->(n:Node)', order: 'name' },
  statementTopics: { pattern: '(p)-[r:ABOUT]->(n:Topic)', order: 'name' },
  statementReportedIn: { pattern: '(p)-[r:REPORTED_IN]->(n:Article)', order: 'date' },
  articleStatements: { pattern: '(p)<-[r:REPORTED_IN]-(n:Statement)', order: 'date' },
  articlePublisher: { pattern: '(p)-[r:PUBLISHED_BY]->(n:Organization)', order: 'name' },
  topicMeetings: { pattern: '(p)<-[r:ABOUT]-(n:Meeting)', order: 'date' },
  topicStatements: { pattern: '(p)<-[r:ABOUT]-(n:Statement)', order: 'date' },
} as const satisfies Record<string, Expansion>;

export type ExpansionName = keyof typeof expansions;

/** The sort key of node `n`: never null, so that keyset comparisons hold; names ignore case. */
export const sortKey = (order: Order, variable = 'n') =>
  order === 'name'
    ? `toLower(coalesce(${variable}.name, ${variable}.headline, ''))`
    : `coalesce(${variable}.dateOrder, '')`;

/**
 * One page per parent for many parents at once. Each row of $rows is {slot, id, afterKey, afterId};
 * $limit is the page size plus one (to know whether a next page exists).
 */
export function expansionPageCypher(name: ExpansionName, prefetch: readonly ExpansionName[] = []): string {
  const { pattern, order } = expansions[name];
  return `
UNWIND $rows AS row
MATCH (p:Node {id: row.id})
CALL (p, row) {
  MATCH ${pattern}
  WITH n, r, ${sortKey(order)} AS k
  WHERE row.afterId IS NULL OR k > row.afterKey OR (k = row.afterKey AND n.id > row.afterId)
  RETURN n, r, k
  ORDER BY k, n.id
  LIMIT $limit
}
RETURN row.slot AS slot, ${nodeProjection('n')} AS node, properties(r) AS rel, k AS key${prefetchColumns(prefetch)}`;
}

/** How many neighbours each parent has over an expansion. */
export function expansionCountCypher(name: ExpansionName): string {
  return `
UNWIND $ids AS id
MATCH (p:Node {id: id})
RETURN id AS parent, COUNT { MATCH ${expansions[name].pattern} } AS total`;
}
