/**
 * What resolvers pass around: nodes as their Neo4j properties plus a GraphQL type name. The Cypher
 * projection `nodeProjection` and `toNodeRecord` are the one way a node leaves the database.
 */
import { labels, type Label } from '../seed/graph-rows.js';

/** GraphQL's node types are the graph's labels, one for one. */
export const typeNames = labels;
export type TypeName = Label;

export interface NodeRecord {
  __typename: TypeName;
  id: string;
  sources?: string[];
  [property: string]: unknown;
}

/** Cypher map projection of node `n` (or another variable) that `toNodeRecord` reads. */
export const nodeProjection = (variable = 'n') => `${variable} {.*, __labels: labels(${variable})}`;

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

/** Cypher map projection of relationship `r` that `toRelationshipRecord` reads. */
export const relationshipProjection = (variable = 'r') =>
  `{type: type(${variable}), from: startNode(${variable}).id, to: endNode(${variable}).id, properties: properties(${variable})}`;

/** The edge of a connection: the node, the relationship's properties and a cursor. */
export interface EdgeRecord {
  cursor: string;
  node: NodeRecord;
  /** The relationship's own properties (role, title, dates, sources), when the edge is one. */
  rel: Record<string, unknown>;
}

/** A date at its own precision, as stored: `2022`, `2022-01`, `2022-01-10` or `2022-01-10T19:30`. */
export type PartialDateRecord = string;

/** The nodes of $ids (in no particular order), whatever their kind: every lookup by id runs this. */
export const nodesByIdCypher = `
MATCH (n:Node)
WHERE n.id IN $ids
RETURN ${nodeProjection('n')} AS node`;
