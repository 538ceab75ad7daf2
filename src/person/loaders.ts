/**
 * Per-request loaders of the person domain: who met whom and the meetings two people shared,
 * batched over every person of a request like the shared loaders of ../graph/loaders.ts.
 */
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import type { GraphContext } from '../graph/context.js';
import type { CursorKey, PageWindow } from '../graph/arguments.js';
import type { WindowShape } from '../graph/expansions.js';
import { grouped, windowGroup, windowShape, type PageAnswer, type Loaders } from '../graph/loaders.js';
import { toNodeRecord } from '../graph/records.js';
import {
  keyColumns,
  nodeProjection,
  orderBy,
  probeConditions,
  probeSubqueries,
  sortKey,
  windowConditions,
  type OrderColumn,
} from '../cypher/build.js';

/** The order of who met whom: most shared meetings first, then by id. */
const metWithColumns: OrderColumn[] = [{ expr: 'shared', desc: true }, { expr: 'n.id' }];

const metWithMatch = `MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(n:Person)
  WHERE n <> p
  WITH n, count(DISTINCT m) AS shared`;

/**
 * The people who attended the same meetings as each person of $rows ({slot, id, after, before}),
 * most shared meetings first (the keyset: meetings shared, descending; id, ascending).
 */
function metWithCypher(shape: WindowShape): string {
  const [after, before] = [shape.after ? 'row.after' : null, shape.before ? 'row.before' : null];
  const conditions = windowConditions(metWithColumns, after, before);
  const probe = probeSubqueries('p, row', metWithMatch, probeConditions(metWithColumns, after, before));
  return `
UNWIND $rows AS row
MATCH (p:Node:Person {id: row.id})
CALL (p, row) {
  ${metWithMatch}${conditions.length > 0 ? `\n  WHERE ${conditions.join(' AND ')}` : ''}
  WITH n, shared ${orderBy(metWithColumns, shape.backward)}
  LIMIT $limit
  RETURN collect({node: ${nodeProjection('n')}, key: [shared, n.id]}) AS items
}
${probe.calls}
RETURN row.slot AS slot, items, ${probe.columns}`;
}

const metWithCountCypher = `
UNWIND $ids AS id
MATCH (p:Node:Person {id: id})
RETURN id AS parent, COUNT { MATCH (p)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(n:Person) WHERE n <> p RETURN DISTINCT n } AS total`;

const sharedColumns = keyColumns('k', 'm');
const sharedMatch = `MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b)
  WITH DISTINCT m
  WITH m, ${sortKey('date', 'm')} AS k`;

/** A page of the meetings two people both attended, for many pairs ({slot, a, b, after, before}) at once, in date order. */
function sharedMeetingsCypher(shape: WindowShape): string {
  const [after, before] = [shape.after ? 'pair.after' : null, shape.before ? 'pair.before' : null];
  const conditions = windowConditions(sharedColumns, after, before);
  const probe = probeSubqueries('a, b, pair', sharedMatch, probeConditions(sharedColumns, after, before));
  return `
UNWIND $pairs AS pair
MATCH (a:Node {id: pair.a}), (b:Node {id: pair.b})
CALL (a, b, pair) {
  ${sharedMatch}${conditions.length > 0 ? `\n  WHERE ${conditions.join(' AND ')}` : ''}
  WITH m, k ${orderBy(sharedColumns, shape.backward)}
  LIMIT $limit
  RETURN collect({node: ${nodeProjection('m')}, key: [k, m.id]}) AS items
}
${probe.calls}
RETURN pair.slot AS slot, items, ${probe.columns}`;
}

export interface PersonPageKey {
  parentId: string;
  window: PageWindow;
}

export interface PairKey {
  a: string;
  b: string;
  window: PageWindow;
}

type PageRows = {
  slot: number;
  items: { node: Record<string, unknown>; key: CursorKey }[];
  precedes: boolean;
  follows: boolean;
};

export function createPersonLoaders(db: Database, { prime }: Pick<Loaders, 'prime'>) {
  /** Runs a batched page query and hands each slot its page. */
  const pages = async (cypher: string, params: Record<string, unknown>, slots: number) => {
    const rows = await db.read<PageRows>(cypher, params);
    const answers = Array.from({ length: slots }, (): PageAnswer => ({ rows: [], probes: {} }));
    for (const row of rows) {
      answers[row.slot] = {
        rows: row.items.map((item) => ({ node: prime(toNodeRecord(item.node)), rel: {}, key: item.key })),
        probes: { precedes: row.precedes, follows: row.follows },
      };
    }
    return answers;
  };

  const metWithPage = new DataLoader<PersonPageKey, PageAnswer, string>(
    (keys) =>
      grouped(
        keys,
        (key) => windowGroup(key.window),
        async (group) => {
          const { window } = group[0]!;
          const answers = await pages(
            metWithCypher(windowShape(window)),
            {
              rows: group.map((key, slot) => ({
                slot,
                id: key.parentId,
                after: key.window.after,
                before: key.window.before,
              })),
              limit: window.size + 1,
            },
            group.length,
          );
          for (const answer of answers) for (const row of answer.rows) row.rel = { meetingCount: Number(row.key[0]) };
          return answers;
        },
      ),
    { cacheKeyFn: (key) => JSON.stringify([key.parentId, key.window]) },
  );

  const metWithCount = new DataLoader<string, number>(async (ids) => {
    const rows = await db.read<{ parent: string; total: number }>(metWithCountCypher, { ids: [...new Set(ids)] });
    const byParent = new Map(rows.map((row) => [row.parent, row.total]));
    return ids.map((id) => byParent.get(id) ?? 0);
  });

  const sharedMeetings = new DataLoader<PairKey, PageAnswer, string>(
    (keys) =>
      grouped(
        keys,
        (key) => windowGroup(key.window),
        async (group) => {
          const { window } = group[0]!;
          return pages(
            sharedMeetingsCypher(windowShape(window)),
            {
              pairs: group.map((key, slot) => ({
                slot,
                a: key.a,
                b: key.b,
                after: key.window.after,
                before: key.window.before,
              })),
              limit: window.size + 1,
            },
            group.length,
          );
        },
      ),
    { cacheKeyFn: (key) => JSON.stringify([key.a, key.b, key.window]) },
  );

  return { metWithPage, metWithCount, sharedMeetings };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;

/** What person resolvers need of a request's context: the shared view and loaders, and these. */
export interface PersonContext extends GraphContext {
  loaders: GraphContext['loaders'] & PersonLoaders;
}
