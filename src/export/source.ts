/**
 * What an export writes: a graph given as a stream of nodes, then a stream of relationships, each with
 * attributes of a fixed, declared set (GraphML and GEXF declare attributes before the first node).
 * Three sources: the whole graph (streamed from Neo4j record by record), a neighbourhood and a derived
 * network (both bounded, so held in memory).
 */
import type { Context } from '../context.js';
import { streamRecords } from '../db/stream.js';
import { nodeProjection } from '../cypher/build.js';
import { toNodeRecord, type NodeRecord } from '../graph/records.js';
import { displayNameOf } from '../model/graph.js';
import { loadNetwork, type NetworkSpec } from '../network/load.js';
import { NetworkModel } from '../network/model.js';
import { neighborhood, type NeighborhoodArgs } from '../traversal/resolvers.js';

export type AttributeType = 'string' | 'int' | 'double';
export type AttributeValue = string | number | null;

export interface AttributeSpec {
  name: string;
  type: AttributeType;
}

export interface ExportNode {
  id: string;
  /** What a drawing shows: the node's `displayName` (a name, a headline or a summary), not shortened. */
  label: string;
  attributes: Record<string, AttributeValue>;
}

export interface ExportEdge {
  source: string;
  target: string;
  attributes: Record<string, AttributeValue>;
}

export interface GraphSource {
  /** A name for files and titles: `graph`, `neighborhood`, `who-met-whom`, … */
  name: string;
  directed: boolean;
  /** Whether two nodes may be linked more than once (by relationships of different types). */
  multi: boolean;
  nodeAttributes: AttributeSpec[];
  edgeAttributes: AttributeSpec[];
  nodes(): AsyncIterable<ExportNode> | Iterable<ExportNode>;
  edges(): AsyncIterable<ExportEdge> | Iterable<ExportEdge>;
}

/** Every node's attributes: its type, names and dates as stored, and its sources. */
export const nodeAttributes: AttributeSpec[] = [
  { name: 'type', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'date', type: 'string' },
  { name: 'datePrecision', type: 'string' },
  { name: 'endDate', type: 'string' },
  { name: 'sources', type: 'string' },
];

/** Relationships of the graph: their type and own properties. */
const relationshipAttributes: AttributeSpec[] = [
  { name: 'relationship', type: 'string' },
  { name: 'role', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'startDate', type: 'string' },
  { name: 'endDate', type: 'string' },
  { name: 'sources', type: 'string' },
];

/** Lists (sources) become one string, as every target format wants scalars. */
const listSeparator = '; ';

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join(listSeparator);
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** The API's display name (one rule per label, from the model), whole: a file for analysis keeps the full text. */
const labelOf = (node: NodeRecord): string => displayNameOf(node.__typename, node, Infinity);

export function exportNode(node: NodeRecord): ExportNode {
  return {
    id: node.id,
    label: labelOf(node),
    attributes: {
      type: node.__typename,
      name: text(node.name ?? node.headline),
      kind: text(node.kind),
      date: text(node.date),
      datePrecision: text(node.datePrecision),
      endDate: text(node.endDate),
      sources: text(node.sources),
    },
  };
}

function exportRelationship(rel: { type: string; from: string; to: string; properties: Record<string, unknown> }) {
  return {
    source: rel.from,
    target: rel.to,
    attributes: {
      relationship: rel.type,
      role: text(rel.properties.role),
      title: text(rel.properties.title),
      startDate: text(rel.properties.startDate),
      endDate: text(rel.properties.endDate),
      sources: text(rel.properties.sources),
    },
  };
}

/** In id order, read through the uniqueness constraint's index, so streamed without sorting. */
const allNodesCypher = `
MATCH (n:Node) WHERE n.id IS NOT NULL
RETURN ${nodeProjection('n')} AS node
ORDER BY n.id`;

const allRelationshipsCypher = `
MATCH (a:Node)-[r]->(b:Node)
RETURN {type: type(r), from: a.id, to: b.id, properties: properties(r)} AS rel`;

/** The whole graph, streamed from Neo4j: two queries, records handed on as they arrive. */
export function wholeGraphSource(ctx: Pick<Context, 'db'>): GraphSource {
  const { driver, database } = ctx.db;
  return {
    name: 'graph',
    directed: true,
    multi: true,
    nodeAttributes,
    edgeAttributes: relationshipAttributes,
    async *nodes() {
      for await (const row of streamRecords<{ node: Record<string, unknown> }>(driver, database, allNodesCypher)) {
        yield exportNode(toNodeRecord(row.node));
      }
    },
    async *edges() {
      type Row = { rel: { type: string; from: string; to: string; properties: Record<string, unknown> } };
      for await (const row of streamRecords<Row>(driver, database, allRelationshipsCypher)) {
        yield exportRelationship(row.rel);
      }
    },
  };
}

/** A neighbourhood, as the `neighborhood` query gives it (at most 1000 nodes); null for an unknown centre. */
export async function neighborhoodSource(ctx: Context, args: NeighborhoodArgs): Promise<GraphSource | null> {
  const subgraph = await neighborhood(ctx, args);
  if (!subgraph) return null;
  return {
    name: 'neighborhood',
    directed: true,
    multi: true,
    nodeAttributes,
    edgeAttributes: relationshipAttributes,
    nodes: () => subgraph.nodes.map(exportNode),
    edges: () => subgraph.relationships.map(exportRelationship),
  };
}

/** The nodes of $ids with their properties, in the order of $ids. */
const nodesInOrderCypher = `
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN ${nodeProjection('n')} AS node`;

/**
 * A derived network with its measures as node attributes. Betweenness is left out: it costs
 * O(nodes × relationships), too much for the networks an export may hold; GraphQL gives it.
 */
export async function networkSource(ctx: Context, spec: NetworkSpec, seed: number): Promise<GraphSource> {
  const model = new NetworkModel(await loadNetwork((cypher, params) => ctx.db.read(cypher, params), spec), seed);
  const name = model.kind === 'WHO_MET_WHOM' ? 'who-met-whom' : 'who-mentions-whom';
  return {
    name,
    directed: model.directed,
    multi: false,
    nodeAttributes: [
      ...nodeAttributes,
      { name: 'weightedDegree', type: 'double' },
      { name: 'pageRank', type: 'double' },
      { name: 'community', type: 'int' },
    ],
    edgeAttributes: [
      { name: 'relationship', type: 'string' },
      { name: 'weight', type: 'int' },
    ],
    async *nodes() {
      const { community } = model.louvain();
      const ids = model.nodes.map((node) => node.id);
      type Row = { node: Record<string, unknown> };
      for await (const row of streamRecords<Row>(ctx.db.driver, ctx.db.database, nodesInOrderCypher, { ids })) {
        const exported = exportNode(toNodeRecord(row.node));
        const node = model.node(exported.id);
        exported.attributes.weightedDegree = model.measure(node, 'WEIGHTED_DEGREE');
        exported.attributes.pageRank = model.measure(node, 'PAGE_RANK');
        exported.attributes.community = community.get(node.id)!;
        yield exported;
      }
    },
    *edges() {
      const relationship = model.kind === 'WHO_MET_WHOM' ? 'MET' : 'MENTIONED';
      for (const rel of model.relationships) {
        yield { source: rel.from.id, target: rel.to.id, attributes: { relationship, weight: rel.weight } };
      }
    },
  };
}
