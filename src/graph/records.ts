/**
 * What resolvers pass around: nodes as their Neo4j properties plus a GraphQL type name. The Cypher
 * projection (../cypher/build.ts `nodeProjection`) and `toNodeRecord` are the one way a node leaves
 * the database.
 */
import { nodeProjection } from '../cypher/build.js';
import {
  labelOfId,
  labels,
  relationshipTypes,
  type Label,
  type NodeProperties,
  type RelationshipProperties,
  type RelationshipType,
} from '../model/graph.js';
import type { CursorKey, PageWindow } from './arguments.js';

/** GraphQL's node types are the graph's labels, one for one. */
export const typeNames = labels;
export type TypeName = Label;

/** Where a node fetched by a compiled query keeps the pages of its relation fields, by response key. */
export const prefetchedPages = Symbol('prefetchedPages');

/** Whether items lie at or before a page's `after` cursor, and at or after its `before` cursor. */
export interface Probes {
  precedes?: boolean;
  follows?: boolean;
}

/** A page a query fetched for one relation field, with the window it was fetched for. */
export interface Prefetched {
  window: PageWindow;
  /**
   * Up to `size + 1` rows in the window's direction (one more tells that the window holds more);
   * keys only when the selection reads a cursor.
   */
  rows: { node: NodeRecord; rel: EdgeProperties; key?: CursorKey }[];
  probes: Probes;
  /** The count, when `totalCount` was selected. */
  total?: number;
}

/** What every node record has, whatever its label. */
export interface NodeRecordBase<L extends Label> {
  __typename: L;
  id: string;
  sources?: string[];
  [prefetchedPages]?: Map<string, Prefetched>;
  /** Properties the model does not declare (a statement's `text_<analyzer>`, a compiled query's columns). */
  [property: string]: unknown;
}

/** A node of one label: the properties the model declares for it (those fetched), typed. */
export type RecordOf<L extends Label> = NodeRecordBase<L> & NodeProperties<L>;

export type PersonRecord = RecordOf<'Person'>;
export type OrganizationRecord = RecordOf<'Organization'>;
export type PlaceRecord = RecordOf<'Place'>;
export type MeetingRecord = RecordOf<'Meeting'>;
export type StatementRecord = RecordOf<'Statement'>;
export type ArticleRecord = RecordOf<'Article'>;
export type TopicRecord = RecordOf<'Topic'>;

/** Who can speak and take part: a person or an organization. */
export type ActorRecord = PersonRecord | OrganizationRecord;
/** What a statement can mention (the `Mentionable` interface). */
export type MentionableRecord = PersonRecord | OrganizationRecord | PlaceRecord | MeetingRecord | TopicRecord;
/** What a timeline lists (the `TimelineItem` interface). */
export type TimelineItemRecord = MeetingRecord | StatementRecord;

/** A node of any label, told apart by `__typename`. */
export type NodeRecord = { [L in Label]: RecordOf<L> }[Label];

/** Whether a record is a node of `label`. */
export const isRecordOf = <L extends Label>(
  label: L,
  record: { __typename: Label } | null | undefined,
): record is RecordOf<L> => record?.__typename === label;

/** Whether a record is a person or an organization (who can speak or take part). */
export const isActor = (record: NodeRecord | null | undefined): record is ActorRecord =>
  isRecordOf('Person', record) || isRecordOf('Organization', record);

/** The record when it is a node of `label`, else null (a lookup by id of a node of another type). */
export const recordOf = <L extends Label>(label: L, record: NodeRecord | null | undefined): RecordOf<L> | null =>
  isRecordOf(label, record) ? record : null;

/**
 * The type name of a projected node: `label` when the query knows it, else the label its id names
 * (`person:…` is a Person: the seed format and ingest allow no other id), so no query fetches labels.
 */
function typenameOf(raw: Record<string, unknown>, label?: Label): Label {
  const typename = typeof raw.id === 'string' ? (label ?? labelOfId(raw.id)) : null;
  if (!typename) throw new Error(`node ${String(raw.id)} has no known label`);
  return typename;
}

/** A node record from a projected node (../cypher/build.ts `nodeProjection`): its properties and its type name. */
export function toNodeRecord(raw: Record<string, unknown>): NodeRecord {
  const record: NodeRecord = { __typename: typenameOf(raw), id: raw.id as string };
  for (const key in raw) record[key] = raw[key];
  return record;
}

/**
 * The record of a node a compiled query projected, made from the projection itself without a copy:
 * its type name added (`label` when the query's pattern allows that label only and so fetched no
 * labels); the projection's own columns (`__…`, never a property name) stay, unread.
 */
export function adoptNodeRecord(raw: Record<string, unknown>, label?: Label): NodeRecord {
  raw.__typename = typenameOf(raw, label);
  return raw as NodeRecord;
}

/** A relationship as traversals return it. */
export interface RelationshipRecord {
  type: RelationshipType;
  from: string;
  to: string;
  /** Its properties, with its provenance (`sources`, and `claims`: src/seed/claims.ts). */
  properties: RelationshipProperties & { claims?: string[] };
  /** Its end nodes, when the query that found it fetched them with what `from` and `to` select. */
  ends?: { from?: NodeRecord; to?: NodeRecord };
}

/**
 * What an edge carries besides its node: the relationship's properties (from the model), and what a
 * derived edge computes (who-met-whom: how many meetings, and whose edge it is).
 */
export type EdgeProperties = RelationshipProperties & { meetingCount?: number; personId?: string };

/** The edge of a connection: the node, the relationship's properties and a cursor. */
export interface EdgeRecord<N extends NodeRecordBase<Label> = NodeRecord> {
  cursor: string;
  node: N;
  /** The relationship's own properties (role, title, dates, sources), when the edge is one. */
  rel: EdgeProperties;
  /** The relationship's identity (../graph/records.ts `relationshipId`), for edges of types that can repeat. */
  id?: string;
}

/**
 * The stable identity of a relationship: start id, type and end id, and its key property (the
 * title of a position) for types that can repeat between the same two nodes.
 */
export function relationshipId(rel: RelationshipRecord): string {
  const keyProperty = relationshipTypes[rel.type];
  const key = keyProperty ? (rel.properties as Record<string, unknown>)[keyProperty] : undefined;
  return `${rel.from}|${rel.type}|${rel.to}${typeof key === 'string' ? `|${key}` : ''}`;
}

/** A date at its own precision, as stored: `2022`, `2022-01`, `2022-01-10` or `2022-01-10T19:30`. */
export type PartialDateRecord = string;

/** The nodes of $ids (in no particular order), whatever their kind: every lookup by id runs this. */
export const nodesByIdCypher = `
MATCH (n:Node)
WHERE n.id IN $ids
RETURN ${nodeProjection('n')} AS node`;
