/**
 * How the GraphQL node types map onto the model: which field follows which traversal, and which
 * stored properties each other field reads. The resolvers of relationship fields and the query
 * compiler (src/query/) both derive from this table; a test holds it against the SDL.
 */
import { displayNameProperties, nodeProperties, traversals, type Label, type TraversalName } from './graph.js';

/**
 * A field that follows a traversal. `via`: the neighbour is not the field's value itself but a field
 * of it, next to the relationship's properties (`reportedIn { article, paragraph, offset }`).
 */
export interface RelationField {
  traversal: TraversalName;
  via?: string;
}

export const relationFields = {
  Person: {
    positions: { traversal: 'personPositions' },
    meetings: { traversal: 'actorMeetings' },
    statements: { traversal: 'actorStatements' },
    addressedIn: { traversal: 'addressedIn' },
    mentionedIn: { traversal: 'mentionedIn' },
    heard: { traversal: 'heard' },
  },
  Organization: {
    parent: { traversal: 'organizationParent' },
    children: { traversal: 'organizationChildren' },
    basedIn: { traversal: 'organizationBasedIn' },
    members: { traversal: 'organizationMembers' },
    meetings: { traversal: 'actorMeetings' },
    statements: { traversal: 'actorStatements' },
    addressedIn: { traversal: 'addressedIn' },
    mentionedIn: { traversal: 'mentionedIn' },
    heard: { traversal: 'heard' },
    published: { traversal: 'organizationPublished' },
  },
  Place: {
    locatedIn: { traversal: 'placeLocatedIn' },
    contains: { traversal: 'placeContains' },
    meetings: { traversal: 'placeMeetings' },
    mentionedIn: { traversal: 'mentionedIn' },
  },
  Meeting: {
    place: { traversal: 'meetingPlace' },
    partOf: { traversal: 'meetingPartOf' },
    parts: { traversal: 'meetingParts' },
    follows: { traversal: 'meetingFollows' },
    followedBy: { traversal: 'meetingFollowedBy' },
    participants: { traversal: 'meetingParticipants' },
    topics: { traversal: 'meetingTopics' },
    statements: { traversal: 'meetingStatements' },
    mentionedIn: { traversal: 'mentionedIn' },
  },
  Statement: {
    speaker: { traversal: 'statementSpeaker' },
    occasion: { traversal: 'statementOccasion' },
    addressedTo: { traversal: 'statementAddressedTo' },
    audience: { traversal: 'statementAudience' },
    mentions: { traversal: 'statementMentions' },
    topics: { traversal: 'statementTopics' },
    reportedIn: { traversal: 'statementReportedIn', via: 'article' },
  },
  Article: {
    publisher: { traversal: 'articlePublisher' },
    statements: { traversal: 'articleStatements' },
  },
  Topic: {
    meetings: { traversal: 'topicMeetings' },
    statements: { traversal: 'topicStatements' },
    mentionedIn: { traversal: 'mentionedIn' },
  },
} as const satisfies Record<Label, Record<string, RelationField>>;

type StoredProperty<L extends Label> = (typeof nodeProperties)[L][number] | 'id' | 'sources';

/** Fields every node type has besides `id` and `sources`: its display name (by the model's rule) and its type. */
function shared<L extends Label>(label: L): Record<'displayName' | 'nodeType', readonly StoredProperty<L>[]> {
  // Indexed by a generic label, TypeScript sees every label's rule; the `satisfies` on the table checks each.
  const rule = displayNameProperties[label] as readonly string[] as readonly StoredProperty<L>[];
  return { displayName: rule, nodeType: [] };
}

/**
 * Fields whose value is computed from stored properties other than (or besides) the property of the
 * field's own name. Every other field that is neither a relation nor listed reads the property of its
 * name, when the label stores one; anything else makes the compiler fetch whole nodes.
 */
export const fieldProperties: { [L in Label]: Record<string, readonly StoredProperty<L>[]> } = {
  Person: { ...shared('Person'), aliases: ['aliases', 'aliasLanguages'], sources: ['sources'], metWith: [] },
  Organization: { ...shared('Organization'), aliases: ['aliases', 'aliasLanguages'], sources: ['sources'] },
  Place: { ...shared('Place'), aliases: ['aliases', 'aliasLanguages'], sources: ['sources'] },
  Meeting: { ...shared('Meeting'), sources: ['sources'] },
  Statement: { ...shared('Statement'), sources: ['sources'] },
  Article: { ...shared('Article'), publishedOn: ['date'], sources: [] },
  Topic: { ...shared('Topic'), sources: ['sources'] },
};

/** The stored properties a field of a node type reads, or null when unknown (fetch the whole node). */
export function propertiesOf(label: Label, field: string): readonly string[] | null {
  const declared = fieldProperties[label][field];
  if (declared) return declared;
  if (field === 'id' || field === '__typename') return [];
  return (nodeProperties[label] as readonly string[]).includes(field) ? [field] : null;
}

export function relationOf(label: Label, field: string): RelationField | undefined {
  return (relationFields[label] as Record<string, RelationField | undefined>)[field];
}

export const traversalOf = (name: TraversalName) => traversals[name];
