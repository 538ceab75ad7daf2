/**
 * Loading a derived network from Neo4j: two read queries (its nodes, then the relationships among
 * them), whatever its size. The result is plain data, bounded by `maxNodes` and `maxRelationships`.
 */
import type { DateWindow } from '../graph/date-window.js';
import type { Label } from '../seed/graph-rows.js';
import { networkNodesCypher, networkRelationshipsCypher, type NetworkKind } from './cypher.js';

export type { NetworkKind };

/** Runs one read query (a request's `ctx.db.read`, or a driver's in the benchmarks and the CLI). */
export type ReadQuery = <T extends Record<string, unknown>>(
  cypher: string,
  params: Record<string, unknown>,
) => Promise<T[]>;

export interface NetworkSpec {
  kind: NetworkKind;
  window: DateWindow | null;
  topic: string | null;
  articles: string[] | null;
  /** Labels the network's nodes may have. */
  nodeTypes: Label[];
  maxNodes: number;
  maxRelationships: number;
}

export interface NetworkData {
  kind: NetworkKind;
  directed: boolean;
  /** The nodes kept, in id order, with their label. */
  nodes: { id: string; type: Label }[];
  /** The relationships among them, heaviest first, then by source and target. */
  relationships: { source: string; target: string; weight: number }[];
  /** Whether nodes or relationships were left out. */
  truncated: boolean;
}

/** Only people and organizations speak and take part in meetings. */
export const actorTypes: readonly Label[] = ['Person', 'Organization'];

export async function loadNetwork(read: ReadQuery, spec: NetworkSpec): Promise<NetworkData> {
  const filters = {
    kind: spec.kind,
    windowFrom: spec.window?.from != null,
    windowTo: spec.window?.to != null,
    topic: spec.topic !== null,
    articles: spec.articles !== null,
  };
  const params = {
    windowFrom: spec.window?.from ?? null,
    windowTo: spec.window?.to ?? null,
    windowYear: spec.window?.from?.slice(0, 4) ?? null,
    topic: spec.topic,
    articles: spec.articles,
    nodeTypes: spec.nodeTypes,
    speakerTypes: spec.nodeTypes.filter((type) => actorTypes.includes(type)),
  };
  const [selection] = await read<{ total: number; nodes: { id: string; type: Label }[] }>(networkNodesCypher(filters), {
    ...params,
    maxNodes: spec.maxNodes,
  });
  const nodes = selection?.nodes ?? [];
  const relationships =
    nodes.length < 2
      ? []
      : await read<{ source: string; target: string; weight: number }>(networkRelationshipsCypher(filters), {
          ...params,
          ids: nodes.map((node) => node.id),
          maxRelationships: spec.maxRelationships + 1,
        });
  return {
    kind: spec.kind,
    directed: spec.kind === 'WHO_MENTIONS_WHOM',
    nodes: [...nodes].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    relationships: relationships.slice(0, spec.maxRelationships),
    truncated: (selection?.total ?? 0) > nodes.length || relationships.length > spec.maxRelationships,
  };
}
