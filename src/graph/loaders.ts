/**
 * Per-request DataLoaders: every node lookup and every relationship expansion of a request is
 * batched into one Cypher query per kind and page size, however long the lists it hangs from.
 * Built fresh for each request by the context, so no cache outlives a request.
 */
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { Cursor } from './arguments.js';
import type { TraversalName } from '../model/graph.js';
import { expansionCountCypher, expansionPageCypher } from './expansions.js';
import { nodesByIdCypher, toNodeRecord, type EdgeProperties, type NodeRecord } from './records.js';

export interface ExpansionKey {
  expansion: TraversalName;
  parentId: string;
  first: number;
  after: Cursor | null;
}

export interface ExpansionRow {
  node: NodeRecord;
  rel: EdgeProperties;
  key: string | number;
}

/** Groups keys so that each group runs as one query; answers come back in key order. */
export async function grouped<K, V>(keys: readonly K[], groupOf: (key: K) => string, run: (keys: K[]) => Promise<V[]>) {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const group = groupOf(key);
    groups.set(group, [...(groups.get(group) ?? []), index]);
  });
  const results = new Array<V>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const values = await run(indexes.map((i) => keys[i]!));
      indexes.forEach((keyIndex, i) => (results[keyIndex] = values[i]!));
    }),
  );
  return results;
}

export function createLoaders(db: Database) {
  const node = new DataLoader<string, NodeRecord | null>(async (ids) => {
    const rows = await db.read<{ node: Record<string, unknown> }>(nodesByIdCypher, { ids: [...ids] });
    const byId = new Map(rows.map((row) => toNodeRecord(row.node)).map((node) => [node.id, node]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const prime = (record: NodeRecord) => {
    node.prime(record.id, record);
    return record;
  };

  const expansionPage = new DataLoader<ExpansionKey, ExpansionRow[], string>(
    (keys) =>
      grouped(
        keys,
        (key) => `${key.expansion}/${key.first}`,
        async (group) => {
          const { expansion, first } = group[0]!;
          const rows = await db.read<{
            slot: number;
            node: Record<string, unknown>;
            rel: EdgeProperties;
            key: string;
          }>(expansionPageCypher(expansion), {
            rows: group.map((key, slot) => ({
              slot,
              id: key.parentId,
              afterKey: key.after?.key ?? null,
              afterId: key.after?.id ?? null,
            })),
            limit: first + 1,
          });
          const pages = group.map((): ExpansionRow[] => []);
          for (const row of rows) {
            pages[row.slot]!.push({ node: prime(toNodeRecord(row.node)), rel: row.rel, key: row.key });
          }
          return pages;
        },
      ),
    { cacheKeyFn: (key) => JSON.stringify([key.expansion, key.parentId, key.first, key.after]) },
  );

  const expansionCount = new DataLoader<{ expansion: TraversalName; parentId: string }, number, string>(
    (keys) =>
      grouped(
        keys,
        (key) => key.expansion,
        async (group) => {
          const rows = await db.read<{ parent: string; total: number }>(expansionCountCypher(group[0]!.expansion), {
            ids: [...new Set(group.map((key) => key.parentId))],
          });
          const byParent = new Map(rows.map((row) => [row.parent, row.total]));
          return group.map((key) => byParent.get(key.parentId) ?? 0);
        },
      ),
    { cacheKeyFn: (key) => `${key.expansion}/${key.parentId}` },
  );

  return { node, prime, expansionPage, expansionCount };
}

export type Loaders = ReturnType<typeof createLoaders>;
