/**
 * The data model, declared once: node labels with the properties each stores, relationship types,
 * and the traversals the API follows (type, direction, target label, page order, to-one or to-many).
 * The seed rows, the Cypher of every traversal, the query compiler and the resolvers read it from
 * here; `satisfies` ties each table to the others at compile time.
 */

/** Node labels; every node also carries `Node`. GraphQL's node types are these labels, one for one. */
export const labels = ['Person', 'Organization', 'Place', 'Meeting', 'Statement', 'Article', 'Topic'] as const;
export type Label = (typeof labels)[number];

/** The properties each label stores (besides `id` and `sources`, which every node has). */
export const nodeProperties = {
  Person: ['name', 'description', 'aliases', 'aliasLanguages'],
  Organization: ['name', 'kind', 'description', 'unnamed', 'aliases', 'aliasLanguages'],
  Place: ['name', 'kind', 'aliases', 'aliasLanguages'],
  Meeting: [
    'name',
    'kind',
    'description',
    'date',
    'endDate',
    'datePrecision',
    'dateOrder',
    'duration',
    'durationQualifier',
  ],
  // Statements also keep their text under `text_<analyzer>` for the language's full-text index (seed/full-text.ts).
  Statement: ['text', 'language', 'summary', 'kind', 'date', 'datePrecision', 'dateOrder'],
  // ingestedBy and ingestedAt are written by the ingest mutation (src/ingest), not by seed rows.
  Article: [
    'headline',
    'sourceFile',
    'language',
    'url',
    'date',
    'datePrecision',
    'dateOrder',
    'ingestedBy',
    'ingestedAt',
  ],
  Topic: ['name', 'description'],
} as const satisfies Record<Label, readonly string[]>;

/** Relationship types, with the property that tells two of them between the same nodes apart, if any. */
export const relationshipTypes = {
  HOLDS_POSITION: 'title',
  PART_OF: null,
  LOCATED_IN: null,
  BASED_IN: null,
  PARTICIPATED_IN: null,
  HELD_IN: null,
  ABOUT: null,
  STATED: null,
  MADE_AT: null,
  ADDRESSED_TO: null,
  MENTIONS: null,
  REPORTED_IN: null,
  PUBLISHED_BY: null,
  FOLLOWS: null,
  HEARD_BY: null,
} as const;
export type RelationshipType = keyof typeof relationshipTypes;

/**
 * The properties each relationship type stores (besides `sources` and `claims`, its provenance). The
 * seed rows write only these, and `GraphRelationship` has one typed field for each (a test holds it).
 */
export const relationshipProperties = {
  HOLDS_POSITION: ['title', 'titleAsReported', 'startDate', 'endDate'],
  PART_OF: [],
  LOCATED_IN: [],
  BASED_IN: [],
  PARTICIPATED_IN: ['role'],
  HELD_IN: [],
  ABOUT: [],
  STATED: [],
  MADE_AT: [],
  ADDRESSED_TO: [],
  MENTIONS: [],
  REPORTED_IN: ['paragraph', 'offset'],
  PUBLISHED_BY: [],
  FOLLOWS: [],
  HEARD_BY: [],
} as const satisfies Record<RelationshipType, readonly string[]>;
export type RelationshipProperty = (typeof relationshipProperties)[RelationshipType][number];

/**
 * What a node is called when drawn or listed (`displayName`): the first of these properties that is set,
 * shortened to `displayNameLength` characters; the id when none is (so it is never empty). A statement
 * is called by its English summary (the project's own words), else by its text as reported.
 */
export const displayNameProperties = {
  Person: ['name'],
  Organization: ['name'],
  Place: ['name'],
  Meeting: ['name'],
  Statement: ['summary', 'text'],
  Article: ['headline', 'sourceFile'],
  Topic: ['name'],
} as const satisfies { [L in Label]: readonly (typeof nodeProperties)[L][number][] };

/** The longest display name, in characters: a longer one is cut at a word and ends with "…". */
export const displayNameLength = 80;

/**
 * The display name of a node of `label` from its (projected) properties; see displayNameProperties.
 * `length`: exports, read by analysts rather than drawn, pass Infinity to keep the whole text.
 */
export function displayNameOf(
  label: Label,
  node: { id: string; [property: string]: unknown },
  length = displayNameLength,
): string {
  for (const property of displayNameProperties[label] as readonly string[]) {
    const value = node[property];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const text = value.trim().replace(/\s+/g, ' ');
    if (text.length <= length) return text;
    const cut = text.slice(0, length - 1);
    const space = cut.lastIndexOf(' ');
    return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
  }
  return node.id;
}

/**
 * How a page of neighbours is ordered: by name (ignoring case) or by date (`dateOrder`: the date, then
 * the source's order among events of the same date, see seed/source-order.ts), then by id.
 */
export type Order = 'name' | 'date';

/**
 * A traversal from a node to its neighbours: the relationship type, its direction seen from the
 * node, the neighbours' label (`Node`: any), their order, and whether the field it serves is to-one.
 */
export interface Traversal {
  type: RelationshipType;
  direction: 'out' | 'in';
  target: Label | 'Node';
  order: Order;
  cardinality: 'one' | 'many';
}

const many = (type: RelationshipType, direction: 'out' | 'in', target: Label | 'Node', order: Order) =>
  ({ type, direction, target, order, cardinality: 'many' }) as const satisfies Traversal;
const one = (type: RelationshipType, direction: 'out' | 'in', target: Label | 'Node', order: Order) =>
  ({ type, direction, target, order, cardinality: 'one' }) as const satisfies Traversal;

export const traversals = {
  personPositions: many('HOLDS_POSITION', 'out', 'Organization', 'name'),
  organizationMembers: many('HOLDS_POSITION', 'in', 'Person', 'name'),
  actorMeetings: many('PARTICIPATED_IN', 'out', 'Meeting', 'date'),
  meetingParticipants: many('PARTICIPATED_IN', 'in', 'Node', 'name'),
  actorStatements: many('STATED', 'out', 'Statement', 'date'),
  addressedIn: many('ADDRESSED_TO', 'in', 'Statement', 'date'),
  mentionedIn: many('MENTIONS', 'in', 'Statement', 'date'),
  heard: many('HEARD_BY', 'in', 'Statement', 'date'),
  organizationChildren: many('PART_OF', 'in', 'Organization', 'name'),
  organizationParent: one('PART_OF', 'out', 'Organization', 'name'),
  organizationBasedIn: one('BASED_IN', 'out', 'Place', 'name'),
  organizationPublished: many('PUBLISHED_BY', 'in', 'Article', 'date'),
  placeContains: many('LOCATED_IN', 'in', 'Place', 'name'),
  placeLocatedIn: one('LOCATED_IN', 'out', 'Place', 'name'),
  placeMeetings: many('HELD_IN', 'in', 'Meeting', 'date'),
  meetingPlace: one('HELD_IN', 'out', 'Place', 'name'),
  meetingPartOf: one('PART_OF', 'out', 'Meeting', 'date'),
  meetingParts: many('PART_OF', 'in', 'Meeting', 'date'),
  meetingFollows: many('FOLLOWS', 'out', 'Meeting', 'date'),
  meetingFollowedBy: many('FOLLOWS', 'in', 'Meeting', 'date'),
  meetingTopics: many('ABOUT', 'out', 'Topic', 'name'),
  meetingStatements: many('MADE_AT', 'in', 'Statement', 'date'),
  statementSpeaker: one('STATED', 'in', 'Node', 'name'),
  statementOccasion: one('MADE_AT', 'out', 'Meeting', 'date'),
  statementAddressedTo: many('ADDRESSED_TO', 'out', 'Node', 'name'),
  statementAudience: many('HEARD_BY', 'out', 'Node', 'name'),
  statementMentions: many('MENTIONS', 'out', 'Node', 'name'),
  statementTopics: many('ABOUT', 'out', 'Topic', 'name'),
  statementReportedIn: one('REPORTED_IN', 'out', 'Article', 'date'),
  articleStatements: many('REPORTED_IN', 'in', 'Statement', 'date'),
  articlePublisher: one('PUBLISHED_BY', 'out', 'Organization', 'name'),
  topicMeetings: many('ABOUT', 'in', 'Meeting', 'date'),
  topicStatements: many('ABOUT', 'in', 'Statement', 'date'),
} as const satisfies Record<string, Traversal>;

export type TraversalName = keyof typeof traversals;
