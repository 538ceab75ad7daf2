/**
 * Per-request loaders of the person domain: who met whom and the meetings two people shared,
 * batched over every person of a request like the shared loaders of ../graph/loaders.ts.
 */
import DataLoader from 'dataloader';
import type { Database } from '../db/database.js';
import { grouped, type ExpansionKey, type ExpansionRow, type Loaders } from '../graph/loaders.js';
import { isRecordOf, toNodeRecord, type MeetingRecord } from '../graph/records.js';
import { nodeProjection, sortKey } from '../cypher/build.js';

/**
 * The people who attended the same meetings as each person of $rows ({slot, id, afterKey, afterId}),
 * most shared meetings first: the keyset is (meetings shared, descending; id, ascending).
 */
const metWithCypher = `
UNWIND $rows AS row
MATCH (p:Node:Person {id: row.id})
CALL (p, row) {
  MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(n:Person)
  WHERE n <> p
  WITH n, count(DISTINCT m) AS shared
  WHERE row.afterId IS NULL OR shared < row.afterKey OR (shared = row.afterKey AND n.id > row.afterId)
  RETURN n, shared
  ORDER BY shared DESC, n.id
  LIMIT $limit
}
RETURN row.slot AS slot, ${nodeProjection('n')} AS node, shared`;

const metWithCountCypher = `
UNWIND $ids AS id
MATCH (p:Node:Person {id: id})
RETURN id AS parent, COUNT { MATCH (p)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(n:Person) WHERE n <> p RETURN DISTINCT n } AS total`;

/** The meetings two people both attended, for many pairs at once, in date order. */
const sharedMeetingsCypher = `
UNWIND $pairs AS pair
MATCH (a:Node {id: pair.a}), (b:Node {id: pair.b})
MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b)
WITH pair, m ORDER BY ${sortKey('date', 'm')}, m.id
RETURN pair.slot AS slot, collect(${nodeProjection('m')})[0..$first] AS meetings`;

export interface PairKey {
  a: string;
  b: string;
  first: number;
}

export function createPersonLoaders(db: Database, { prime }: Pick<Loaders, 'prime'>) {
  const metWithPage = new DataLoader<Omit<ExpansionKey, 'expansion'>, ExpansionRow[], string>(
    (keys) =>
      grouped(
        keys,
        (key) => String(key.first),
        async (group) => {
          const rows = await db.read<{ slot: number; node: Record<string, unknown>; shared: number }>(metWithCypher, {
            rows: group.map((key, slot) => ({
              slot,
              id: key.parentId,
              afterKey: key.after?.key ?? null,
              afterId: key.after?.id ?? null,
            })),
            limit: group[0]!.first + 1,
          });
          const pages = group.map((): ExpansionRow[] => []);
          for (const row of rows) {
            pages[row.slot]!.push({
              node: prime(toNodeRecord(row.node)),
              rel: { meetingCount: row.shared },
              key: row.shared,
            });
          }
          return pages;
        },
      ),
    { cacheKeyFn: (key) => JSON.stringify([key.parentId, key.first, key.after]) },
  );

  const metWithCount = new DataLoader<string, number>(async (ids) => {
    const rows = await db.read<{ parent: string; total: number }>(metWithCountCypher, { ids: [...new Set(ids)] });
    const byParent = new Map(rows.map((row) => [row.parent, row.total]));
    return ids.map((id) => byParent.get(id) ?? 0);
  });

  const sharedMeetings = new DataLoader<PairKey, MeetingRecord[], string>(
    (keys) =>
      grouped(
        keys,
        (key) => String(key.first),
        async (group) => {
          const rows = await db.read<{ slot: number; meetings: Record<string, unknown>[] }>(sharedMeetingsCypher, {
            pairs: group.map((key, slot) => ({ slot, a: key.a, b: key.b })),
            first: group[0]!.first,
          });
          const answers = group.map((): MeetingRecord[] => []);
          for (const row of rows)
            answers[row.slot] = row.meetings.map((m) => prime(toNodeRecord(m))).filter((m) => isRecordOf('Meeting', m));
          return answers;
        },
      ),
    { cacheKeyFn: (key) => `${key.a}/${key.b}/${key.first}` },
  );

  return { metWithPage, metWithCount, sharedMeetings };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;
