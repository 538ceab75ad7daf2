/**
 * Per-request DataLoaders: every node lookup and every relationship expansion of a request is
 * batched into one Cypher query per kind and page size, however long the lists it hangs from.
 * Built fresh for each request by the context, so no cache outlives a request.
 */
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { CursorKey, PageWindow } from './arguments.js';
import type { TraversalName } from '../model/graph.js';
import { expansionCountCypher, expansionPageCypher, type WindowShape } from './expansions.js';
import { nodesByIdCypher, toNodeRecord, type EdgeProperties, type NodeRecord, type Probes } from './records.js';

export interface ExpansionKey {
  expansion: TraversalName;
  parentId: string;
  window: PageWindow;
}

export interface ExpansionRow {
  node: NodeRecord;
  rel: EdgeProperties;
  key: CursorKey;
}

/** A page of rows in the window's direction, with the probes of its pageInfo. */
export interface PageAnswer {
  rows: ExpansionRow[];
  probes: Probes;
}

/** What a page query's text depends on, and the part of a loader's group key it makes. */
export const windowShape = (window: PageWindow): WindowShape => ({
  backward: window.backward,
  after: window.after !== null,
  before: window.before !== null,
});
export const windowGroup = (window: PageWindow) =>
  `${window.size}/${window.backward}/${window.after !== null}/${window.before !== null}`;

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

  const expansionPage = new DataLoader<ExpansionKey, PageAnswer, string>(
    (keys) =>
      grouped(
        keys,
        (key) => `${key.expansion}/${windowGroup(key.window)}`,
        async (group) => {
          const { expansion, window } = group[0]!;
          const rows = await db.read<{
            slot: number;
            items: { node: Record<string, unknown>; rel: EdgeProperties; key: CursorKey }[];
            precedes: boolean;
            follows: boolean;
          }>(expansionPageCypher(expansion, windowShape(window)), {
            rows: group.map((key, slot) => ({
              slot,
              id: key.parentId,
              after: key.window.after,
              before: key.window.before,
            })),
            limit: window.size + 1,
          });
          const pages = group.map((): PageAnswer => ({ rows: [], probes: {} }));
          for (const row of rows) {
            pages[row.slot] = {
              rows: row.items.map((item) => ({ node: prime(toNodeRecord(item.node)), rel: item.rel, key: item.key })),
              probes: { precedes: row.precedes, follows: row.follows },
            };
          }
          return pages;
        },
      ),
    { cacheKeyFn: (key) => JSON.stringify([key.expansion, key.parentId, key.window]) },
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
