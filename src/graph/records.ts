/**
 * What resolvers pass around: nodes as their Neo4j properties plus a GraphQL type name. The Cypher
 * projection (../cypher/build.ts `nodeProjection`) and `toNodeRecord` are the one way a node leaves
 * the database.
 */
import { nodeProjection } from '../cypher/build.js';
import { labels, relationshipTypes, type Label, type RelationshipType } from '../model/graph.js';
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
  /** Up to `size + 1` rows in the window's direction (one more tells that the window holds more). */
  rows: { node: NodeRecord; rel: Record<string, unknown>; key: CursorKey }[];
  probes: Probes;
  /** The count, when `totalCount` was selected. */
  total?: number;
}

export interface NodeRecord {
  __typename: TypeName;
  id: string;
  sources?: string[];
  [prefetchedPages]?: Map<string, Prefetched>;
  [property: string]: unknown;
}

/**
 * A node record from a projected node: its properties, and its type name from `__labels`. Keys
 * starting with `skipPrefix` (a compiled query's relation columns) are left out.
 */
export function toNodeRecord(raw: Record<string, unknown>, skipPrefix?: string): NodeRecord {
  const labelsOf = raw.__labels as string[];
  const typename = typeNames.find((name) => labelsOf.includes(name));
  if (!typename) throw new Error(`node ${String(raw.id)} has no known label (${labelsOf.join(', ')})`);
  const record = { __typename: typename } as NodeRecord;
  for (const key in raw) {
    if (key === '__labels' || (skipPrefix !== undefined && key.startsWith(skipPrefix))) continue;
    record[key] = raw[key];
  }
  return record;
}

/** A relationship as traversals return it. */
export interface RelationshipRecord {
  type: string;
  from: string;
  to: string;
  properties: Record<string, unknown>;
}

/** The edge of a connection: the node, the relationship's properties and a cursor. */
export interface EdgeRecord {
  cursor: string;
  node: NodeRecord;
  /** The relationship's own properties (role, title, dates, sources), when the edge is one. */
  rel: Record<string, unknown>;
  /** The relationship's identity (../graph/records.ts `relationshipId`), for edges of types that can repeat. */
  id?: string;
}

/**
 * The stable identity of a relationship: start id, type and end id, and its key property (the
 * title of a position) for types that can repeat between the same two nodes.
 */
export function relationshipId(rel: RelationshipRecord): string {
  const keyProperty = relationshipTypes[rel.type as RelationshipType] as string | null | undefined;
  const key = keyProperty ? rel.properties[keyProperty] : undefined;
  return `${rel.from}|${rel.type}|${rel.to}${typeof key === 'string' ? `|${key}` : ''}`;
}

/** A date at its own precision, as stored: `2022`, `2022-01`, `2022-01-10` or `2022-01-10T19:30`. */
export type PartialDateRecord = string;

/** The nodes of $ids (in no particular order), whatever their kind: every lookup by id runs this. */
export const nodesByIdCypher = `
MATCH (n:Node)
WHERE n.id IN $ids
RETURN ${nodeProjection('n')} AS node`;
