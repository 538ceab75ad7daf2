/**
 * What resolvers pass around: nodes as their Neo4j properties plus a GraphQL type name. The Cypher
 * projection (../cypher/build.ts `nodeProjection`) and `toNodeRecord` are the one way a node leaves
 * the database.
 */
import { labels, type Label } from '../model/graph.js';
import type { Cursor } from './arguments.js';

/** GraphQL's node types are the graph's labels, one for one. */
export const typeNames = labels;
export type TypeName = Label;

/** Where a node fetched by a compiled query keeps the pages of its relation fields, by response key. */
export const prefetchedPages = Symbol('prefetchedPages');

/** A page a compiled query fetched for one relation field, with the arguments it was fetched for. */
export interface Prefetched {
  first: number;
  after: Cursor | null;
  /** Up to `first + 1` rows (one more tells that a next page exists). */
  rows: { node: NodeRecord; rel: Record<string, unknown>; key: string | number }[];
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

export function toNodeRecord(raw: Record<string, unknown>): NodeRecord {
  const { __labels, ...props } = raw as { __labels: string[] } & Record<string, unknown>;
  const typename = typeNames.find((name) => __labels.includes(name));
  if (!typename) throw new Error(`node ${String(props.id)} has no known label (${__labels.join(', ')})`);
  return { ...props, __typename: typename } as NodeRecord;
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
}

/** A date at its own precision, as stored: `2022`, `2022-01`, `2022-01-10` or `2022-01-10T19:30`. */
export type PartialDateRecord = string;
