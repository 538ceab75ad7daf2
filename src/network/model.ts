/**
 * A derived network in memory (graphology) and its measures: weighted degree, PageRank, betweenness and
 * Louvain communities, each computed once, when first asked for. Deterministic: nodes and relationships
 * enter the graph in a fixed order and Louvain draws from a generator seeded by the caller.
 */
import {
  betweennessCentrality,
  DirectedGraph,
  louvain,
  pagerank,
  UndirectedGraph,
  type AbstractGraph,
} from './graphology.js';
import type { Label } from '../seed/graph-rows.js';
import { random } from '../seed/synthetic.js';
import type { NetworkData, NetworkKind } from './load.js';

export type NetworkMeasure = 'WEIGHTED_DEGREE' | 'PAGE_RANK' | 'BETWEENNESS';

export interface NetworkNodeRecord {
  id: string;
  type: Label;
  model: NetworkModel;
}

export interface NetworkRelationshipRecord {
  from: NetworkNodeRecord;
  to: NetworkNodeRecord;
  weight: number;
}

export interface NetworkCommunityRecord {
  id: number;
  /** Member ids, highest PageRank first (ties by id). */
  members: NetworkNodeRecord[];
}

export interface Degrees {
  total: number;
  in: number;
  out: number;
}

const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

export class NetworkModel {
  readonly kind: NetworkKind;
  readonly directed: boolean;
  readonly truncated: boolean;
  readonly graph: AbstractGraph;
  /** The nodes in id order. */
  readonly nodes: NetworkNodeRecord[];
  readonly relationships: NetworkRelationshipRecord[];
  readonly #byId = new Map<string, NetworkNodeRecord>();
  /** The scope of the network's lists (what it was built from): their cursors are good for it only. */
  scope = '';

  constructor(
    data: NetworkData,
    readonly seed = 1,
  ) {
    this.kind = data.kind;
    this.directed = data.directed;
    this.truncated = data.truncated;
    this.graph = data.directed
      ? new DirectedGraph({ allowSelfLoops: false })
      : new UndirectedGraph({ allowSelfLoops: false });
    this.nodes = data.nodes.map((node) => ({ id: node.id, type: node.type, model: this }));
    for (const node of this.nodes) {
      this.graph.addNode(node.id);
      this.#byId.set(node.id, node);
    }
    this.relationships = data.relationships.map((rel) => {
      this.graph.addEdge(rel.source, rel.target, { weight: rel.weight });
      return { from: this.node(rel.source), to: this.node(rel.target), weight: rel.weight };
    });
  }

  node(id: string): NetworkNodeRecord {
    const node = this.#byId.get(id);
    if (!node) throw new Error(`${id} is not a node of this network`);
    return node;
  }

  readonly degrees = once(() => {
    const degrees = new Map<string, Degrees>();
    for (const node of this.nodes) degrees.set(node.id, { total: 0, in: 0, out: 0 });
    for (const rel of this.relationships) {
      const from = degrees.get(rel.from.id)!;
      const to = degrees.get(rel.to.id)!;
      from.total += rel.weight;
      to.total += rel.weight;
      from.out += rel.weight;
      to.in += rel.weight;
      if (!this.directed) {
        from.in += rel.weight;
        to.out += rel.weight;
      }
    }
    return degrees;
  });

  readonly pageRank = once((): Record<string, number> =>
    this.graph.order === 0 ? {} : pagerank(this.graph, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000 }),
  );

  /** Brandes' algorithm takes about nodes × relationships steps: whether that fits the budget. */
  betweennessAffordable(budget: number): boolean {
    return this.graph.order * Math.max(1, this.graph.size) <= budget;
  }

  /** Unweighted: a weight here is a tie's strength, not a distance to travel. */
  readonly betweenness = once((): Record<string, number> =>
    this.graph.order === 0 ? {} : betweennessCentrality(this.graph, { getEdgeWeight: null, normalized: true }),
  );

  /** Louvain, its communities numbered by size (largest first), then by their smallest member id. */
  readonly louvain = once(() => {
    if (this.graph.size === 0) {
      return { community: new Map(this.nodes.map((node, i) => [node.id, i])), modularity: 0 };
    }
    const detailed = louvain.detailed(this.graph, { getEdgeWeight: 'weight', rng: random(this.seed) });
    const groups = new Map<number, string[]>();
    for (const node of this.nodes) {
      const raw = detailed.communities[node.id]!;
      groups.set(raw, [...(groups.get(raw) ?? []), node.id]);
    }
    const ordered = [...groups.values()].sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
    const community = new Map<string, number>();
    ordered.forEach((members, index) => members.forEach((id) => community.set(id, index)));
    return { community, modularity: detailed.modularity };
  });

  measure(node: NetworkNodeRecord, measure: NetworkMeasure): number {
    if (measure === 'WEIGHTED_DEGREE') return this.degrees().get(node.id)!.total;
    if (measure === 'PAGE_RANK') return this.pageRank()[node.id] ?? 0;
    return this.betweenness()[node.id] ?? 0;
  }

  /** The nodes (of `types`, when given) by a measure, highest first, ties by id. */
  ranking(measure: NetworkMeasure, types: readonly Label[] | null): NetworkNodeRecord[] {
    const values = new Map(this.nodes.map((node) => [node.id, this.measure(node, measure)]));
    return this.nodes
      .filter((node) => types === null || types.includes(node.type))
      .sort((x, y) => values.get(y.id)! - values.get(x.id)! || byId(x, y));
  }

  readonly communities = once((): NetworkCommunityRecord[] => {
    const { community } = this.louvain();
    const byPageRank = this.ranking('PAGE_RANK', null);
    const communities: NetworkCommunityRecord[] = [];
    for (const node of byPageRank) {
      const id = community.get(node.id)!;
      communities[id] ??= { id, members: [] };
      communities[id].members.push(node);
    }
    return communities;
  });
}
