/**
 * The shared loader behind `npm run seed`, the synthetic corpus and the `ingestArticle` mutation.
 * It writes validated documents into Neo4j: constraints and indexes first, then per document its
 * rows (batched `UNWIND … MERGE`) and its provenance record, in managed write transactions that
 * never split a document (all or nothing per document; a killed run leaves whole documents only).
 *
 * Provenance that makes retraction exact (see retract.ts): every node and relationship keeps, next
 * to `sources`, the parallel list `claims` — what each source said about it (its properties, and
 * aliases for nodes, as JSON). The visible properties are those claims folded in source order.
 * Relationships whose every claim is empty keep no `claims`. Per article, a `Provenance` node (no
 * `Node` label, so no read sees it) holds the document's content hash and the ids it defines.
 *
 * Labels and relationship types come only from the allow-lists of graph-rows.ts.
 */
import { createHash } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { cypherParams, writeTransaction } from '../db/database.js';
import { fullText } from '../model/graph.js';
import { nodeClaim, relationshipClaim } from './claims.js';
import type { SeedDocument } from './format.js';
import {
  labels,
  relationshipTypes,
  rowsOf,
  type GraphRows,
  type Label,
  type NodeRow,
  type RelationshipRow,
  type RelationshipType,
} from './graph-rows.js';
import { retractInTransaction } from './retract.js';
import { definitions } from './validate.js';

export const fullTextIndex = 'search';

/** Constraints and indexes the API relies on; each statement is a no-op when it already exists. */
export const schemaStatements = [
  'CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT provenance_article IF NOT EXISTS FOR (p:Provenance) REQUIRE p.article IS UNIQUE',
  'CREATE TEXT INDEX node_name_text IF NOT EXISTS FOR (n:Node) ON (n.name)',
  'CREATE RANGE INDEX node_name IF NOT EXISTS FOR (n:Node) ON (n.name)',
  'CREATE RANGE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)',
  'CREATE RANGE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date)',
  'CREATE RANGE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date)',
  'CREATE RANGE INDEX meeting_date_order IF NOT EXISTS FOR (n:Meeting) ON (n.dateOrder)',
  'CREATE RANGE INDEX statement_date_order IF NOT EXISTS FOR (n:Statement) ON (n.dateOrder)',
  'CREATE RANGE INDEX article_date_order IF NOT EXISTS FOR (n:Article) ON (n.dateOrder)',
  'CREATE RANGE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind)',
  'CREATE RANGE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind)',
  `CREATE FULLTEXT INDEX ${fullTextIndex} IF NOT EXISTS
     FOR (n:${labels.join('|')})
     ON EACH [${fullText.properties.map((property) => `n.${property}`).join(', ')}]`,
];

export async function ensureSchema(driver: Driver, database?: string): Promise<void> {
  for (const statement of schemaStatements) await driver.executeQuery(statement, {}, { database });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}

/**
 * On an existing node or relationship `v`: adds `row.source` and its claim to the parallel lists
 * `sources` and `claims`, or replaces the claim when the source is there already (a document loaded
 * again after an interrupted run). Every item reads only the properties as they were before this SET
 * (claims first, then sources), and reads what it writes, so Cypher locks `v` before reading it: two
 * transactions adding sources to one node cannot lose an update.
 */
const addClaim = (v: string) => `
  ${v}.claims = reduce(claims = CASE WHEN row.source IN coalesce(${v}.sources, [])
        THEN [i IN range(0, size(${v}.sources) - 1) |
              CASE WHEN ${v}.sources[i] = row.source THEN row.claim ELSE coalesce(${v}.claims[i], '{}') END]
        ELSE coalesce(${v}.claims, [s IN coalesce(${v}.sources, []) | '{}']) + [row.claim] END,
      _ IN [0] | CASE WHEN all(c IN claims WHERE c = '{}') THEN null ELSE claims END),
  ${v}.sources = CASE WHEN row.source IN coalesce(${v}.sources, []) THEN ${v}.sources
        ELSE coalesce(${v}.sources, []) + [row.source] END`;

/** On a new node or relationship `v`: its only source and claim. */
const firstClaim = (v: string) => `
  ${v}.sources = [row.source],
  ${v}.claims = CASE WHEN row.claim = '{}' THEN null ELSE [row.claim] END`;

/** The write of one node row `row`; run as `UNWIND $rows AS row` + this (see writeStatements). */
const nodeWrite = (label: Label) => `
MERGE (n:Node {id: row.id})
ON CREATE SET n:${label}, n += row.props, ${firstClaim('n')},
  n.aliases = CASE WHEN size(row.aliases) > 0 THEN [a IN row.aliases | a.name] END,
  n.aliasLanguages = CASE WHEN size(row.aliases) > 0 THEN [a IN row.aliases | a.language] END
ON MATCH SET ${addClaim('n')}, n += row.props
WITH n, row, [i IN range(0, size(coalesce(n.aliases, [])) - 1) | n.aliasLanguages[i] + ' ' + n.aliases[i]] AS have
WITH n, [a IN row.aliases WHERE NOT (a.language + ' ' + a.name) IN have] AS fresh
FOREACH (_ IN CASE WHEN size(fresh) > 0 THEN [1] ELSE [] END |
  SET n.aliases = coalesce(n.aliases, []) + [a IN fresh | a.name],
      n.aliasLanguages = coalesce(n.aliasLanguages, []) + [a IN fresh | a.language])`;

/** The write of one relationship row `row`. */
const relationshipWrite = (type: RelationshipType) => {
  const key = relationshipTypes[type];
  const pattern = key ? `[r:${type} {${key}: row.props.${key}}]` : `[r:${type}]`;
  return `
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
MERGE (a)-${pattern}->(b)
ON CREATE SET r += row.props, ${firstClaim('r')}
ON MATCH SET ${addClaim('r')}, r += row.props`;
};

/** Records each loaded document: its hash and defined ids (Provenance), who loaded it and when (Article). */
export const provenanceCypher = `
UNWIND $documents AS doc
MERGE (p:Provenance {article: doc.article})
SET p.contentHash = doc.hash, p.defines = doc.defines, p.loadedBy = $by, p.loadedAt = $at
WITH doc
MATCH (a:Node {id: doc.article})
SET a.ingestedBy = $by, a.ingestedAt = $at
RETURN count(*) AS written`;

/** A document ready to load: its rows, the ids it defines and a hash of its content. */
export interface DocumentRows {
  article: string;
  hash: string;
  defines: string[];
  rows: GraphRows;
}

export function documentRowsOf(document: SeedDocument): DocumentRows {
  return {
    article: document.article.id,
    hash: createHash('sha256').update(JSON.stringify(document)).digest('base64url'),
    defines: definitions(document).map((d) => d.id),
    rows: rowsOf(document),
  };
}

export interface LoadCounts {
  nodeRows: number;
  relationshipRows: number;
  nodesCreated: number;
  relationshipsCreated: number;
  /** Nodes and relationships that already existed and took this source's claim (rows − created). */
  nodesMerged: number;
  relationshipsMerged: number;
  propertiesSet: number;
  /** Documents written for the first time, written again because their content changed, or skipped as unchanged. */
  documents: { created: number; replaced: number; unchanged: number };
}

export interface LoadOptions {
  database?: string;
  /** Rows per UNWIND statement, and (batched) the rows after which a transaction takes no more documents. */
  batchSize?: number;
  /**
   * `single`: every document in one write transaction, so a failure writes nothing (seed files, ingest).
   * `batched`: several transactions, each holding whole documents, for inputs too large for one.
   */
  transaction?: 'single' | 'batched';
  /** Batched: transactions in flight at once (a group waits for the groups that define what it references). */
  concurrency?: number;
  /** Who loads, recorded on each article (`ingestedBy`): a token name, or `seed` for local files. */
  actor?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface LoadResult {
  counts: LoadCounts;
  /** Neo4j bookmarks of the write transactions: reads given them see the writes, on any cluster member. */
  bookmarks: string[];
}

/** The longest a loading transaction may run (Neo4j ≥ 5.3 honours a client timeout above the server's). */
export const loadTransactionTimeoutMs = 30 * 60_000;

interface Statement {
  cypher: string;
  rows: Record<string, unknown>[];
}

/** One write per label and relationship type, with all its rows: `UNWIND $rows AS row` + `write`. */
export interface WriteStatement {
  write: string;
  rows: Record<string, unknown>[];
}

/** A transaction's work: whole documents, and the articles of changed documents to retract first. */
interface Group {
  documents: DocumentRows[];
  replace: string[];
  rowCount: number;
  /** Index of the last earlier group defining an id this group references, or -1. */
  after: number;
}

const rowCount = (doc: DocumentRows) => doc.rows.nodes.length + doc.rows.relationships.length;

const nodeParams = (row: NodeRow, source: string) => ({
  id: row.id,
  props: row.props,
  aliases: row.aliases,
  source,
  claim: nodeClaim(row),
});
const relationshipParams = (row: RelationshipRow, source: string) => ({
  from: row.from,
  to: row.to,
  props: row.props,
  source,
  claim: relationshipClaim(row),
});

/** The writes of some documents: nodes by label first (so relationships find their ends), then relationships by type. */
export function writeStatements(documents: DocumentRows[]): WriteStatement[] {
  const writes: WriteStatement[] = [];
  for (const label of labels) {
    writes.push({
      write: nodeWrite(label),
      rows: documents.flatMap((doc) =>
        doc.rows.nodes.filter((row) => row.label === label).map((row) => nodeParams(row, doc.article)),
      ),
    });
  }
  for (const type of Object.keys(relationshipTypes) as RelationshipType[]) {
    writes.push({
      write: relationshipWrite(type),
      rows: documents.flatMap((doc) =>
        doc.rows.relationships.filter((row) => row.type === type).map((row) => relationshipParams(row, doc.article)),
      ),
    });
  }
  return writes.filter((w) => w.rows.length > 0);
}

function statementsOf(documents: DocumentRows[], batchSize: number): Statement[] {
  const statements: Statement[] = [];
  for (const { write, rows } of writeStatements(documents)) {
    const cypher = `UNWIND $rows AS row ${write}\nRETURN count(*) AS written`;
    for (let start = 0; start < rows.length; start += batchSize)
      statements.push({ cypher, rows: rows.slice(start, start + batchSize) });
  }
  return statements;
}

function emptyCounts(documents: DocumentRows[]): LoadCounts {
  return {
    nodeRows: documents.reduce((n, doc) => n + doc.rows.nodes.length, 0),
    relationshipRows: documents.reduce((n, doc) => n + doc.rows.relationships.length, 0),
    nodesCreated: 0,
    relationshipsCreated: 0,
    nodesMerged: 0,
    relationshipsMerged: 0,
    propertiesSet: 0,
    documents: { created: 0, replaced: 0, unchanged: 0 },
  };
}

function add(into: LoadCounts, from: LoadCounts): void {
  into.nodesCreated += from.nodesCreated;
  into.relationshipsCreated += from.relationshipsCreated;
  into.propertiesSet += from.propertiesSet;
}

async function runStatement(tx: ManagedTransaction, statement: Statement, counts: LoadCounts): Promise<void> {
  const result = await tx.run<{ written: number }>(statement.cypher, cypherParams({ rows: statement.rows }));
  const written = Number(result.records[0]?.get('written') ?? 0);
  if (written !== statement.rows.length) {
    // Validation makes this unlikely (a concurrent retraction could remove a referenced node):
    // roll back rather than write part of a fact.
    throw new Error(`wrote ${written} of ${statement.rows.length} rows: a referenced node is missing`);
  }
  const updates = result.summary.counters.updates();
  counts.nodesCreated += updates.nodesCreated;
  counts.relationshipsCreated += updates.relationshipsCreated;
  counts.propertiesSet += updates.propertiesSet;
}

/** Writes one group in the given transaction: retractions of changed documents, rows, provenance. */
async function writeGroup(
  tx: ManagedTransaction,
  group: Group,
  batchSize: number,
  actor: string,
  onStatement: (rows: number) => void,
): Promise<LoadCounts> {
  const counts = emptyCounts([]);
  for (const article of group.replace) await retractInTransaction(tx, article);
  for (const statement of statementsOf(group.documents, batchSize)) {
    await runStatement(tx, statement, counts);
    onStatement(statement.rows.length);
  }
  const documents = group.documents.map((doc) => ({ article: doc.article, hash: doc.hash, defines: doc.defines }));
  for (let start = 0; start < documents.length; start += batchSize) {
    await tx.run(provenanceCypher, {
      documents: documents.slice(start, start + batchSize),
      by: actor,
      at: new Date().toISOString(),
    });
  }
  return counts;
}

/** Content hashes of the articles already loaded. */
async function loadedHashes(driver: Driver, articles: string[], database?: string): Promise<Map<string, string>> {
  const { records } = await driver.executeQuery(
    'UNWIND $articles AS article MATCH (p:Provenance {article: article}) RETURN p.article AS article, p.contentHash AS hash',
    { articles },
    { database },
  );
  return new Map(records.map((record) => [record.get('article') as string, record.get('hash') as string]));
}

/** Splits documents into groups of whole documents, each knowing which earlier group it must wait for. */
function groupsOf(documents: DocumentRows[], replaced: Set<string>, limit: number, single: boolean): Group[] {
  const groups: Group[] = [];
  const definedIn = new Map<string, number>();
  let current: Group | null = null;
  for (const doc of documents) {
    if (!current || (!single && current.rowCount > 0 && current.rowCount + rowCount(doc) > limit)) {
      current = { documents: [], replace: [], rowCount: 0, after: -1 };
      groups.push(current);
    }
    const index = groups.length - 1;
    current.documents.push(doc);
    current.rowCount += rowCount(doc);
    if (replaced.has(doc.article)) current.replace.push(doc.article);
    const defined = new Set(doc.defines);
    for (const rel of doc.rows.relationships) {
      for (const end of [rel.from, rel.to]) {
        if (defined.has(end)) continue;
        const at = definedIn.get(end);
        if (at !== undefined && at < index) current.after = Math.max(current.after, at);
      }
    }
    for (const id of doc.defines) if (!definedIn.has(id)) definedIn.set(id, index);
  }
  return groups;
}

/**
 * Loads documents: unchanged ones (same content hash as loaded before) are skipped, changed ones
 * replace their previous version (retracted in the same transaction), new ones are added.
 */
export async function loadDocuments(
  driver: Driver,
  documents: DocumentRows[],
  options: LoadOptions = {},
): Promise<LoadResult> {
  const { database } = options;
  const batchSize = options.batchSize ?? 5000;
  const single = (options.transaction ?? 'single') === 'single';
  const actor = options.actor ?? 'seed';
  const counts = emptyCounts(documents);
  const known = await loadedHashes(
    driver,
    documents.map((doc) => doc.article),
    database,
  );
  const pending = documents.filter((doc) => known.get(doc.article) !== doc.hash);
  counts.documents.unchanged = documents.length - pending.length;
  const replaced = new Set(pending.filter((doc) => known.has(doc.article)).map((doc) => doc.article));
  counts.documents.replaced = replaced.size;
  counts.documents.created = pending.length - replaced.size;

  const total = counts.nodeRows + counts.relationshipRows;
  let done = total - pending.reduce((n, doc) => n + rowCount(doc), 0);
  const groups = groupsOf(pending, replaced, batchSize, single);
  const bookmarks: string[] = [];

  const runGroup = async (group: Group): Promise<void> => {
    let progress = 0;
    const written = await writeTransaction(
      driver,
      database,
      async (tx) => {
        // A retried transaction starts its tally again.
        done -= progress;
        progress = 0;
        return writeGroup(tx, group, batchSize, actor, (rows) => {
          progress += rows;
          done += rows;
          options.onProgress?.(done, total);
        });
      },
      // A whole document is one transaction however large it is: the server's default timeout
      // (60 s for the project's own Neo4j) guards reads, not bulk loads.
      { timeoutMs: loadTransactionTimeoutMs },
    );
    add(counts, written.result);
    bookmarks.push(...written.bookmarks);
  };

  const finished: Promise<void>[] = [];
  const limit = single ? 1 : Math.max(1, options.concurrency ?? 1);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  for (const [index, group] of groups.entries()) {
    while (inFlight.size >= limit) await Promise.race(inFlight);
    // After a failure, start nothing more; what is running finishes (whole documents either way).
    if (failure) break;
    const dependency = group.after >= 0 ? finished[group.after] : undefined;
    const run = (dependency ?? Promise.resolve()).then(() => runGroup(group));
    finished[index] = run;
    const tracked = run.then(
      () => void inFlight.delete(tracked),
      (error: unknown) => {
        failure ??= { error };
        inFlight.delete(tracked);
      },
    );
    inFlight.add(tracked);
  }
  await Promise.all(inFlight);
  if (failure) throw (failure as { error: unknown }).error;
  counts.nodesMerged = pending.reduce((n, doc) => n + doc.rows.nodes.length, 0) - counts.nodesCreated;
  counts.relationshipsMerged =
    pending.reduce((n, doc) => n + doc.rows.relationships.length, 0) - counts.relationshipsCreated;
  options.onProgress?.(total, total);
  return { counts, bookmarks };
}

/** Which of `ids` already exist in the graph. */
export async function existingIds(driver: Driver, ids: string[], database?: string): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { records } = await driver.executeQuery(
    'MATCH (n:Node) WHERE n.id IN $ids RETURN n.id AS id',
    { ids },
    { database, routing: 'READ' },
  );
  return new Set(records.map((record) => record.get('id') as string));
}

/** Deletes every node and relationship, in batches (constraints and indexes stay). */
export async function resetGraph(driver: Driver, database?: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

/** Nodes and relationships of the knowledge graph (provenance and audit records not included). */
export async function countGraph(driver: Driver, database?: string): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    'CALL () { MATCH (n:Node) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { database, routing: 'READ' },
  );
  return { nodes: Number(records[0]?.get('nodes')), relationships: Number(records[0]?.get('relationships')) };
}
