/**
 * The data model, declared once: node labels with the properties each stores, relationship types,
 * and the traversals the API follows (type, direction, target label, page order, to-one or to-many).
 * The seed rows, the Cypher of every traversal, the query compiler and the resolvers read it from
 * here; `satisfies` ties each table to the others at compile time.
 */

/** Node labels; every node also carries `Node`. GraphQL's node types are these labels, one for one. */
export const labels = ['Person', 'Organization', 'Place', 'Meeting', 'Statement', 'Article', 'Topic'] as const;
export type Label = (typeof labels)[number];

/**
 * The values of enumerated properties. GraphQL's enums of the same names hold the same values
 * (test/model.test.ts); the seed format validates against these lists.
 */
export const enums = {
  OrganizationKind: [
    'STATE',
    'GOVERNMENT',
    'MINISTRY',
    'MILITARY_ALLIANCE',
    'INTERNATIONAL_ORGANIZATION',
    'GEOPOLITICAL_GROUP',
    'NEWS_OUTLET',
    'NEWS_AGENCY',
    'POLITICAL_PARTY',
    'COMPANY',
    'ARMED_FORCES',
    'GROUP',
    'OTHER',
  ],
  PlaceKind: ['COUNTRY', 'REGION', 'CITY', 'VENUE', 'OTHER'],
  MeetingKind: [
    'TALKS',
    'NEGOTIATION',
    'PRESS_CONFERENCE',
    'INFORMAL_MEETING',
    'SUMMIT',
    'CONFERENCE',
    'INTERVIEW',
    'DIALOGUE',
    'OTHER',
  ],
  StatementKind: ['DIRECT_QUOTE', 'PARAPHRASE', 'REPORTED_POSITION'],
  DurationQualifier: ['EXACTLY', 'ABOUT', 'MORE_THAN', 'LESS_THAN'],
  DatePrecision: ['YEAR', 'MONTH', 'DAY', 'MINUTE'],
} as const;
export type EnumName = keyof typeof enums;

/** The type of a stored property: a scalar, a list of strings, or one of the enums. */
export type PropertyType = 'string' | 'int' | 'boolean' | 'string[]' | EnumName;

/** The TypeScript type of a property type. */
export type ValueOf<T extends PropertyType> = T extends 'string'
  ? string
  : T extends 'int'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'string[]'
        ? string[]
        : T extends EnumName
          ? (typeof enums)[T][number]
          : never;

/** The properties each label stores (besides `id` and `sources`, which every node has), with their types. */
export const nodeSchema = {
  Person: { name: 'string', description: 'string', aliases: 'string[]', aliasLanguages: 'string[]' },
  Organization: {
    name: 'string',
    kind: 'OrganizationKind',
    description: 'string',
    unnamed: 'boolean',
    aliases: 'string[]',
    aliasLanguages: 'string[]',
  },
  Place: { name: 'string', kind: 'PlaceKind', aliases: 'string[]', aliasLanguages: 'string[]' },
  Meeting: {
    name: 'string',
    kind: 'MeetingKind',
    description: 'string',
    date: 'string',
    endDate: 'string',
    datePrecision: 'DatePrecision',
    dateOrder: 'string',
    duration: 'string',
    durationQualifier: 'DurationQualifier',
  },
  // Statements also keep their text under `text_<analyzer>` for the language's full-text index (seed/full-text.ts).
  Statement: {
    text: 'string',
    language: 'string',
    summary: 'string',
    kind: 'StatementKind',
    date: 'string',
    datePrecision: 'DatePrecision',
    dateOrder: 'string',
  },
  // ingestedBy and ingestedAt are written by the ingest mutation (src/ingest), not by seed rows.
  Article: {
    headline: 'string',
    sourceFile: 'string',
    language: 'string',
    url: 'string',
    date: 'string',
    datePrecision: 'DatePrecision',
    dateOrder: 'string',
    ingestedBy: 'string',
    ingestedAt: 'string',
  },
  Topic: { name: 'string', description: 'string' },
} as const satisfies Record<Label, Record<string, PropertyType>>;

/** The stored properties of a label as TypeScript sees them; any may be absent (unknown to the source, or not projected). */
export type NodeProperties<L extends Label> = {
  -readonly [P in keyof (typeof nodeSchema)[L]]?: (typeof nodeSchema)[L][P] extends PropertyType
    ? ValueOf<(typeof nodeSchema)[L][P]>
    : never;
};

/** The names of a declared table's keys, typed. */
const keysOf = <T extends object>(table: T) => Object.keys(table) as (keyof T & string)[];

/** The names of the properties each label stores. */
export const nodeProperties: { [L in Label]: readonly (keyof (typeof nodeSchema)[L] & string)[] } = {
  Person: keysOf(nodeSchema.Person),
  Organization: keysOf(nodeSchema.Organization),
  Place: keysOf(nodeSchema.Place),
  Meeting: keysOf(nodeSchema.Meeting),
  Statement: keysOf(nodeSchema.Statement),
  Article: keysOf(nodeSchema.Article),
  Topic: keysOf(nodeSchema.Topic),
};

/**
 * The prefix of each label's ids (`person:sergei-ryabkov`): ids say what they name, so a lookup by
 * id knows the label before it asks Neo4j.
 */
export const idPrefixes = {
  Person: 'person',
  Organization: 'organization',
  Place: 'place',
  Meeting: 'meeting',
  Statement: 'statement',
  Article: 'article',
  Topic: 'topic',
} as const satisfies Record<Label, string>;

/** The label an id names by its prefix, or null for an id of no known kind. */
export function labelOfId(id: string): Label | null {
  const prefix = id.slice(0, id.indexOf(':'));
  return labels.find((label) => idPrefixes[label] === prefix) ?? null;
}

/** A property some label stores. */
export type AnyNodeProperty = { [L in Label]: keyof (typeof nodeSchema)[L] }[Label];

/**
 * What full-text search covers: the properties of the whole-word index `search`, in the order a
 * match is reported, and those the English index also stems (the project's own English texts).
 */
export const fullText = {
  properties: ['name', 'aliases', 'headline', 'text', 'summary', 'description'],
  english: ['headline', 'summary', 'description'],
} as const satisfies Record<string, readonly AnyNodeProperty[]>;

/**
 * The languages whose texts full-text search stems, each with the Lucene analyzer Neo4j 5.26 ships for
 * it (`CALL db.index.fulltext.listAvailableAnalyzers()`): BCP 47 primary subtag, or a full tag where it
 * decides. Each analyzer has one full-text index (seed/full-text.ts), created with the schema whether
 * or not a text in its language was loaded, so that search knows the indexes it queries without asking.
 * Analyzer names are the allow-list that index names and properties are built from.
 */
export const fullTextLanguages = {
  ar: 'arabic',
  bg: 'bulgarian',
  ca: 'catalan',
  ckb: 'sorani',
  cs: 'czech',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fa: 'persian',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  gl: 'galician',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  ja: 'cjk',
  ko: 'cjk',
  lt: 'lithuanian',
  lv: 'latvian',
  nb: 'norwegian',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  'pt-br': 'brazilian',
  ro: 'romanian',
  ru: 'russian',
  sv: 'swedish',
  th: 'thai',
  tr: 'turkish',
  zh: 'cjk',
} as const satisfies Record<string, string>;

/** The label an upper-case GraphQL enum value names (`PERSON` → `Person`), if any. */
export const labelNamed = (upper: string): Label | undefined => labels.find((label) => label.toUpperCase() === upper);

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

/** The properties relationships store (besides `sources`, which every relationship has), with their types. */
export const relationshipSchema = {
  HOLDS_POSITION: { title: 'string', titleAsReported: 'string', startDate: 'string', endDate: 'string' },
  PARTICIPATED_IN: { role: 'string' },
  REPORTED_IN: { paragraph: 'int', offset: 'int' },
} as const satisfies Partial<Record<RelationshipType, Record<string, PropertyType>>>;

type RelationshipPropertyTables = (typeof relationshipSchema)[keyof typeof relationshipSchema];
type KeysOfAny<T> = T extends unknown ? keyof T : never;
type TypeIn<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** The properties of a relationship, whatever its type: each may be absent. */
export type RelationshipProperties = {
  -readonly [K in KeysOfAny<RelationshipPropertyTables>]?: ValueOf<TypeIn<RelationshipPropertyTables, K>>;
} & { sources?: string[] };

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
