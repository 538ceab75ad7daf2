/**
 * The write path behind the mutations: one document through the seeder's validation and loader, or
 * one article's retraction, each in one managed write transaction (retried by the driver on
 * transient errors such as deadlocks), with the writer's name recorded and logged.
 */
import type { Driver } from 'neo4j-driver';
import { cypherParams, writeTransaction } from '../db/database.js';
import type { Logger } from '../logger.js';
import { documentRowsOf, ensureSchema, existingIds, loadDocuments, type LoadCounts } from '../seed/load.js';
import { idOf } from '../seed/format.js';
import { retractInTransaction, type RetractCounts } from '../seed/retract.js';
import { checkDocument, checkReferences, type SeedProblem } from '../seed/validate.js';

export interface IngestLimits {
  /** The largest document, in bytes of JSON. */
  maxBytes: number;
  /** The most rows (nodes plus relationships) a document may write. */
  maxRows: number;
}

export interface UserError {
  path: string[];
  message: string;
}

export interface IngestResult {
  article: string | null;
  outcome: 'CREATED' | 'REPLACED' | 'UNCHANGED' | null;
  counts: LoadCounts | null;
  bookmarks: string[];
  userErrors: UserError[];
}

export interface RetractResult {
  article: string;
  counts: RetractCounts | null;
  bookmarks: string[];
  userErrors: UserError[];
}

/** Where a write goes and who hears of it. */
export interface WriteTarget {
  driver: Driver;
  database?: string;
  logger: Logger;
}

/** `people[0].positions[1].organization` → `['document', 'people', '0', 'positions', '1', 'organization']`. */
function userError(argument: string, problem: SeedProblem): UserError {
  const inner = problem.path.startsWith('line ') ? [] : (problem.path.match(/[^.[\]]+/g) ?? []);
  const where = problem.path.startsWith('line ') ? `${problem.path}: ` : '';
  return { path: [argument, ...inner], message: `${where}${problem.message}` };
}

const schemaReady = new WeakMap<Driver, Promise<void>>();
/** Constraints and indexes once per driver: the loader relies on them (MERGE on a unique id). */
function ensureSchemaOnce(driver: Driver, database?: string): Promise<void> {
  let ready = schemaReady.get(driver);
  if (!ready) {
    ready = ensureSchema(driver, database);
    ready.catch(() => schemaReady.delete(driver));
    schemaReady.set(driver, ready);
  }
  return ready;
}

const failed = (userErrors: UserError[]): IngestResult => ({
  article: null,
  outcome: null,
  counts: null,
  bookmarks: [],
  userErrors,
});

export async function ingestDocument(
  target: WriteTarget,
  raw: Record<string, unknown>,
  actor: string,
  limits: IngestLimits,
): Promise<IngestResult> {
  const { driver, database, logger } = target;
  const bytes = Buffer.byteLength(JSON.stringify(raw), 'utf8');
  if (bytes > limits.maxBytes) {
    return failed([
      {
        path: ['document'],
        message: `is ${bytes} bytes of JSON; at most ${limits.maxBytes} are accepted (MAX_INGEST_BYTES)`,
      },
    ]);
  }
  const checked = checkDocument('document', raw);
  if (!checked.document) return failed(checked.problems.map((p) => userError('document', p)));
  const document = checked.document;
  const rows = documentRowsOf(document);
  const rowCount = rows.rows.nodes.length + rows.rows.relationships.length;
  if (rowCount > limits.maxRows) {
    return failed([
      {
        path: ['document'],
        message: `would write ${rowCount} nodes and relationships; at most ${limits.maxRows} per document (MAX_INGEST_ROWS)`,
      },
    ]);
  }
  const problems = await checkReferences([{ file: 'document', document }], (ids) => existingIds(driver, ids, database));
  if (problems.length > 0) return failed(problems.map((p) => userError('document', p)));

  await ensureSchemaOnce(driver, database);
  const started = Date.now();
  const { counts, bookmarks } = await loadDocuments(driver, [rows], { database, transaction: 'single', actor });
  const outcome = counts.documents.unchanged ? 'UNCHANGED' : counts.documents.replaced ? 'REPLACED' : 'CREATED';
  logger.info(
    {
      event: 'ingest',
      article: rows.article,
      by: actor,
      outcome,
      rows: rowCount,
      nodesCreated: counts.nodesCreated,
      relationshipsCreated: counts.relationshipsCreated,
      ms: Date.now() - started,
    },
    `article ${rows.article} ingested by ${actor} (${outcome.toLowerCase()})`,
  );
  return { article: rows.article, outcome, counts, bookmarks, userErrors: [] };
}

const articleId = idOf('article');

export async function retractArticle(target: WriteTarget, article: string, actor: string): Promise<RetractResult> {
  const { driver, database, logger } = target;
  const valid = articleId.safeParse(article);
  if (!valid.success) {
    return {
      article,
      counts: null,
      bookmarks: [],
      userErrors: [{ path: ['id'], message: valid.error.issues[0]?.message ?? 'is not an article id' }],
    };
  }
  const started = Date.now();
  const { result: counts, bookmarks } = await writeTransaction(driver, database, async (tx) => {
    const done = await retractInTransaction(tx, article);
    // The article is gone from the graph; who withdrew it, and when, stays on record.
    if (done) {
      await tx.run(
        'CREATE (r:Retraction {article: $article, retractedBy: $by, retractedAt: $at}) SET r += $counts',
        cypherParams({ article, by: actor, at: new Date().toISOString(), counts: done }),
      );
    }
    return done;
  });
  logger.info(
    { event: 'retract', article, by: actor, retracted: counts !== null, ...counts, ms: Date.now() - started },
    counts ? `article ${article} retracted by ${actor}` : `article ${article} not in the graph: nothing to retract`,
  );
  return { article, counts, bookmarks: counts ? bookmarks : [], userErrors: [] };
}
