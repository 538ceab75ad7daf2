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
import { Neo4jError, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypherParams, writeTransaction } from '../db/database.js';
import { fullText, fullTextLanguages } from '../model/graph.js';
import { nodeClaim, relationshipClaim } from './claims.js';
import { awaitIndexes, languageIndexProperties, languageIndexStatement, languageIndexStatements } from './full-text.js';
import type { SeedDocument } from './format.js';
import {
  labels,
  relationshipTypes,
  rowsOf,
  type GraphRows,
  type Label,
  type NodeRow,
  type Props,
  type RelationshipRow,
  type RelationshipType,
} from './graph-rows.js';
import { retractInTransaction } from './retract.js';
import { definitions } from './validate.js';

export const fullTextIndex = 'search';

/** Uniqueness constraints: the loader's MERGEs and the fast path's CREATEs rely on them from the first write. */
export const constraintStatements = [
  'CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT provenance_article IF NOT EXISTS FOR (p:Provenance) REQUIRE p.article IS UNIQUE',
];

/** The indexes the API's reads rely on (the loader's writes do not): a bulk load may build them afterwards. */
export const indexStatements = [
  'CREATE RANGE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)',
  'CREATE RANGE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date)',
  'CREATE RANGE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date)',
  'CREATE RANGE INDEX meeting_date_order IF NOT EXISTS FOR (n:Meeting) ON (n.dateOrder)',
  'CREATE RANGE INDEX statement_date_order IF NOT EXISTS FOR (n:Statement) ON (n.dateOrder)',
  'CREATE RANGE INDEX article_date_order IF NOT EXISTS FOR (n:Article) ON (n.dateOrder)',
  'CREATE RANGE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind)',
  'CREATE RANGE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind)',
  // Search skips the full-text index of a language no statement is in (src/search/cypher.ts).
  'CREATE RANGE INDEX statement_language IF NOT EXISTS FOR (n:Statement) ON (n.language)',
  `CREATE FULLTEXT INDEX ${fullTextIndex} IF NOT EXISTS
     FOR (n:${labels.join('|')})
     ON EACH [${fullText.properties.map((property) => `n.${property}`).join(', ')}]`,
  ...languageIndexStatements,
];

/**
 * Indexes earlier versions created that no query uses: names are matched ignoring case
 * (`toLower(n.name) CONTAINS …`) and sorted by `toLower(coalesce(n.name, …))`, which neither a range
 * nor a text index on `n.name` can serve. Each cost every node write its upkeep and a bulk load about
 * 5 CPU seconds of building on `large` (README, "Loading: two unused indexes dropped"). Dropped with
 * the schema, so a database loaded by an earlier version converges.
 */
export const retiredIndexes = ['node_name_text', 'node_name'] as const;
const retireStatements = retiredIndexes.map((name) => `DROP INDEX ${name} IF EXISTS`);

/** Constraints and indexes the API relies on; each statement is a no-op when it already exists. */
export const schemaStatements = [...constraintStatements, ...indexStatements];

/**
 * The full-text indexes of languages that none of `documents`' node rows has a text in. Created
 * before a bulk load into an empty graph (with the constraints) they cost next to nothing and stay
 * empty through it, where each one created after the load would scan every node (there are 33 such
 * indexes, and a corpus uses a few languages); the rest of the indexes are built after the load.
 */
export function indexesEmptyAfter(documents: DocumentRows[]): string[] {
  const written = new Set<string>();
  for (const doc of documents) for (const row of doc.rows.nodes) for (const key in row.props) written.add(key);
  return [...new Set(Object.values(fullTextLanguages))]
    .sort()
    .filter((analyzer) => !languageIndexProperties(analyzer).some((property) => written.has(property)))
    .map(languageIndexStatement);
}

/**
 * Drops the retired indexes, creates the constraints and indexes, then waits until every index is online. `constraintsOnly`
 * (the start of a bulk load) creates only the constraints, and with `emptyIndexesOf` also the
 * indexes those documents leave empty (see indexesEmptyAfter).
 */
export async function ensureSchema(
  driver: Driver,
  database?: string,
  options: { constraintsOnly?: boolean; emptyIndexesOf?: DocumentRows[] } = {},
): Promise<void> {
  const statements = [
    ...retireStatements,
    ...(options.constraintsOnly
      ? [...constraintStatements, ...(options.emptyIndexesOf ? indexesEmptyAfter(options.emptyIndexesOf) : [])]
      : schemaStatements),
  ];
  for (const statement of statements) await driver.executeQuery(statement, {}, { database });
  await awaitIndexes(driver, database);
}

/**
 * Every write statement reads its rows as columns: row `i` is `$id[i]`, `$props[i]`, … and rows come
 * in runs (a run's rows share their document, `source`, and their label or relationship type, `kind`),
 * each run's source and kind sent once. Rows as maps repeated every key, type and source on every row;
 * the driver hands the socket every 1,400 bytes it packs, so bytes sent are system calls made (README,
 * "Loading: rows as columns").
 */
export const rowsOfRuns = `UNWIND range(0, size($runStart) - 1) AS run
UNWIND range($runStart[run], coalesce($runStart[run + 1], $count) - 1) AS i
WITH i, $sources[run] AS source, $kinds[run] AS kind`;

/**
 * On an existing node or relationship `v`: adds `source` and its claim to the parallel lists
 * `sources` and `claims`, or replaces the claim when the source is there already (a document loaded
 * again after an interrupted run). Every item reads only the properties as they were before this SET
 * (claims first, then sources), and reads what it writes, so Cypher locks `v` before reading it: two
 * transactions adding sources to one node cannot lose an update.
 */
const addClaim = (v: string) => `
  ${v}.claims = reduce(claims = CASE WHEN source IN coalesce(${v}.sources, [])
        THEN [j IN range(0, size(${v}.sources) - 1) |
              CASE WHEN ${v}.sources[j] = source THEN $claim[i] ELSE coalesce(${v}.claims[j], '{}') END]
        ELSE coalesce(${v}.claims, [s IN coalesce(${v}.sources, []) | '{}']) + [$claim[i]] END,
      _ IN [0] | CASE WHEN all(c IN claims WHERE c = '{}') THEN null ELSE claims END),
  ${v}.sources = CASE WHEN source IN coalesce(${v}.sources, []) THEN ${v}.sources
        ELSE coalesce(${v}.sources, []) + [source] END`;

/** On a new node or relationship `v`: its only source and claim. */
const firstClaim = (v: string) => `
  ${v}.sources = [source],
  ${v}.claims = CASE WHEN $claim[i] = '{}' THEN null ELSE [$claim[i]] END`;

/** The write of node row `i`, after rowsOfRuns (see writeStatements). */
const nodeWrite = (label: Label) => `
MERGE (n:Node {id: $id[i]})
ON CREATE SET n:${label}, n += $props[i], ${firstClaim('n')},
  n.aliases = CASE WHEN size($aliases[i]) > 0 THEN [a IN $aliases[i] | a.name] END,
  n.aliasLanguages = CASE WHEN size($aliases[i]) > 0 THEN [a IN $aliases[i] | a.language] END
ON MATCH SET ${addClaim('n')}, n += $props[i]
WITH n, i, [j IN range(0, size(coalesce(n.aliases, [])) - 1) | n.aliasLanguages[j] + ' ' + n.aliases[j]] AS have
WITH n, [a IN $aliases[i] WHERE NOT (a.language + ' ' + a.name) IN have] AS fresh
FOREACH (_ IN CASE WHEN size(fresh) > 0 THEN [1] ELSE [] END |
  SET n.aliases = coalesce(n.aliases, []) + [a IN fresh | a.name],
      n.aliasLanguages = coalesce(n.aliasLanguages, []) + [a IN fresh | a.language])`;

/** The write of relationship row `i`. */
const relationshipWrite = (type: RelationshipType) => {
  const key = relationshipTypes[type];
  const pattern = key ? `[r:${type} {${key}: $props[i].${key}}]` : `[r:${type}]`;
  return `
MATCH (a:Node {id: $from[i]})
MATCH (b:Node {id: $to[i]})
MERGE (a)-${pattern}->(b)
ON CREATE SET r += $props[i], ${firstClaim('r')}
ON MATCH SET ${addClaim('r')}, r += $props[i]`;
};

/**
 * The write of node rows whose ids are new to the graph and to their transaction, whatever their
 * label: no lookup, no merge, one statement. The label is a parameter (`$(…)`, Neo4j ≥ 5.26) whose
 * values come from the allow-list (graph-rows.ts), like everything else here.
 */
const nodeCreate = `
CREATE (n:Node:$(kind) {id: $id[i]})
SET n += $props[i], ${firstClaim('n')},
  n.aliases = CASE WHEN size($aliases[i]) > 0 THEN [a IN $aliases[i] | a.name] END,
  n.aliasLanguages = CASE WHEN size($aliases[i]) > 0 THEN [a IN $aliases[i] | a.language] END`;

/** The write of relationship rows that cannot exist yet (an end is new, the row is the only one with its key), any type. */
const relationshipCreate = `
MATCH (a:Node {id: $from[i]})
MATCH (b:Node {id: $to[i]})
CREATE (a)-[r:$(kind)]->(b)
SET r += $props[i], ${firstClaim('r')}`;

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
  /**
   * Batched: transactions in flight at once (a group waits for the groups that define what it
   * references). Default {@link defaultConcurrency}.
   */
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

/**
 * Batched transactions in flight by default. Measured on `large` into fresh servers (README, "Loading:
 * transactions in flight"): three wrote 22 % more records per second than one in the same quiet run;
 * two, four and six did not beat three.
 */
export const defaultConcurrency = 3;

const constraintFailure = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** The longest a loading transaction may run (Neo4j ≥ 5.3 honours a client timeout above the server's). */
export const loadTransactionTimeoutMs = 30 * 60_000;

interface Statement {
  cypher: string;
  params: Record<string, unknown>;
  rows: number;
}

/** A write and all its rows: run as rowsOfRuns + `write`, with statementParams of (a slice of) `rows`. */
export interface WriteStatement {
  write: string;
  fields: readonly string[];
  rows: PreparedRow[];
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

/** `props` with its whole numbers as Cypher integers (see cypherParams); the same object when it has none. */
function cypherProps(props: Props): Record<string, unknown> {
  let converted: Record<string, unknown> | undefined;
  for (const key in props) {
    const value = props[key];
    if (typeof value === 'number' || (Array.isArray(value) && value.some((v) => typeof v === 'number'))) {
      converted ??= { ...props };
      converted[key] = cypherParams(value);
    }
  }
  return converted ?? props;
}

/** What a statement sends of one row: its run's document and kind, and its fields (see rowsOfRuns). */
interface PreparedRow {
  source: string;
  kind: string;
  [field: string]: unknown;
}

interface PreparedNode extends PreparedRow {
  id: string;
  props: Record<string, unknown>;
  aliases: NodeRow['aliases'];
  claim: string;
}

interface PreparedRelationship extends PreparedRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
  claim: string;
  /** The row's identity as MERGE sees it (relationshipKey). */
  identity: string;
}

const nodeFields = ['id', 'props', 'aliases', 'claim'] as const;
const relationshipFields = ['from', 'to', 'props', 'claim'] as const;

/** A row's parameters, built once per group (integers already as Cypher integers). */
const preparedNode = (row: NodeRow, source: string): PreparedNode => ({
  source,
  kind: row.label,
  id: row.id,
  props: cypherProps(row.props),
  aliases: row.aliases,
  claim: nodeClaim(row),
});
const preparedRelationship = (row: RelationshipRow, source: string): PreparedRelationship => ({
  source,
  kind: row.type,
  from: row.from,
  to: row.to,
  props: cypherProps(row.props),
  claim: relationshipClaim(row),
  identity: relationshipKey(row),
});

/** A relationship row's identity as MERGE sees it: type, ends and key property. */
const relationshipKey = (row: RelationshipRow) => {
  const key = relationshipTypes[row.type];
  return JSON.stringify([row.type, row.from, row.to, key ? row.props[key] : null]);
};

/** The parameters of some rows of one statement: a list per field, and the runs (see rowsOfRuns). */
export function statementParams(fields: readonly string[], rows: PreparedRow[]): Record<string, unknown> {
  const columns = fields.map(() => new Array<unknown>(rows.length));
  const runStart: number[] = [];
  const sources: string[] = [];
  const kinds: string[] = [];
  let previous: PreparedRow | undefined;
  for (const [i, row] of rows.entries()) {
    if (!previous || row.source !== previous.source || row.kind !== previous.kind) {
      runStart.push(i);
      sources.push(row.source);
      kinds.push(row.kind);
    }
    for (const [j, field] of fields.entries()) columns[j]![i] = row[field];
    previous = row;
  }
  const params: Record<string, unknown> = {
    runStart: cypherParams(runStart),
    count: cypherParams(rows.length),
    sources,
    kinds,
  };
  for (const [j, field] of fields.entries()) params[field] = columns[j];
  return params;
}

/**
 * What a transaction's writes need that does not depend on the graph: every row's parameters, by
 * label and type, and how often each node id and relationship key occurs. Built ahead of the
 * transaction (while the one before it runs), so that Node's share of the work overlaps Neo4j's.
 */
export interface PreparedWrites {
  nodes: Map<Label, PreparedNode[]>;
  relationships: Map<RelationshipType, PreparedRelationship[]>;
  nodeIds: Map<string, number>;
  relationshipKeys: Map<string, number>;
}

export function prepareWrites(documents: DocumentRows[]): PreparedWrites {
  const nodes = new Map<Label, PreparedNode[]>(labels.map((label) => [label, []]));
  const types = Object.keys(relationshipTypes) as RelationshipType[];
  const relationships = new Map<RelationshipType, PreparedRelationship[]>(types.map((type) => [type, []]));
  const nodeIds = new Map<string, number>();
  const relationshipKeys = new Map<string, number>();
  for (const doc of documents) {
    for (const row of doc.rows.nodes) {
      nodes.get(row.label)!.push(preparedNode(row, doc.article));
      nodeIds.set(row.id, (nodeIds.get(row.id) ?? 0) + 1);
    }
    for (const row of doc.rows.relationships) {
      const prepared = preparedRelationship(row, doc.article);
      relationships.get(row.type)!.push(prepared);
      relationshipKeys.set(prepared.identity, (relationshipKeys.get(prepared.identity) ?? 0) + 1);
    }
  }
  return { nodes, relationships, nodeIds, relationshipKeys };
}

/**
 * The writes of some documents: nodes by label first (so relationships find their ends), then
 * relationships by type. Given `existing` (which of the documents' node ids the graph holds, read in
 * the same transaction), a row that cannot match anything is written with CREATE instead of MERGE:
 * a node whose id is new and defined once in these documents, a relationship with a new end whose
 * key occurs once. Everything else merges as before. The constraint on `Node.id` still guards the
 * CREATEs: a concurrent writer creating the same id makes this transaction fail, not duplicate.
 */
export function writeStatements(documents: DocumentRows[] | PreparedWrites, existing?: Set<string>): WriteStatement[] {
  const prepared = Array.isArray(documents) ? prepareWrites(documents) : documents;
  const isNew = (id: string) => existing !== undefined && !existing.has(id);
  const createNode = (row: PreparedNode) => isNew(row.id) && prepared.nodeIds.get(row.id) === 1;
  const createRelationship = (row: PreparedRelationship) =>
    (isNew(row.from) || isNew(row.to)) && prepared.relationshipKeys.get(row.identity) === 1;
  const created: WriteStatement = { write: nodeCreate, fields: nodeFields, rows: [] };
  const writes: WriteStatement[] = [created];
  for (const [label, rows] of prepared.nodes) {
    const merged: WriteStatement = { write: nodeWrite(label), fields: nodeFields, rows: [] };
    for (const row of rows) (createNode(row) ? created : merged).rows.push(row);
    writes.push(merged);
  }
  const createdRelationships: WriteStatement = { write: relationshipCreate, fields: relationshipFields, rows: [] };
  writes.push(createdRelationships);
  for (const [type, rows] of prepared.relationships) {
    const merged: WriteStatement = { write: relationshipWrite(type), fields: relationshipFields, rows: [] };
    for (const row of rows) (createRelationship(row) ? createdRelationships : merged).rows.push(row);
    writes.push(merged);
  }
  return writes.filter((w) => w.rows.length > 0);
}

function statementsOf(prepared: PreparedWrites, batchSize: number, existing?: Set<string>): Statement[] {
  const statements: Statement[] = [];
  for (const { write, fields, rows } of writeStatements(prepared, existing)) {
    const cypher = `${rowsOfRuns}${write}\nRETURN count(*) AS written`;
    for (let start = 0; start < rows.length; start += batchSize) {
      const slice = rows.slice(start, start + batchSize);
      statements.push({ cypher, params: statementParams(fields, slice), rows: slice.length });
    }
  }
  return statements;
}

/**
 * Which of the documents' node ids the graph holds, as seen by this transaction: the ids its rows
 * define and the ids its relationships only refer to, so that a relationship between existing nodes
 * is never taken for new (and created twice).
 */
async function existingIn(tx: ManagedTransaction, documents: DocumentRows[]): Promise<Set<string>> {
  const ids = [
    ...new Set(
      documents.flatMap((doc) => [
        ...doc.rows.nodes.map((row) => row.id),
        ...doc.rows.relationships.flatMap((row) => [row.from, row.to]),
      ]),
    ),
  ];
  const result = await tx.run<{ id: string }>('UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN id', { ids });
  return new Set(result.records.map((record) => record.get('id')));
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
  // The rows' integers are Cypher integers already (prepareWrites).
  const result = await tx.run<{ written: number }>(statement.cypher, statement.params);
  const written = Number(result.records[0]?.get('written') ?? 0);
  if (written !== statement.rows) {
    // Validation makes this unlikely (a concurrent retraction could remove a referenced node):
    // roll back rather than write part of a fact.
    throw new Error(`wrote ${written} of ${statement.rows} rows: a referenced node is missing`);
  }
  const updates = result.summary.counters.updates();
  counts.nodesCreated += updates.nodesCreated;
  counts.relationshipsCreated += updates.relationshipsCreated;
  counts.propertiesSet += updates.propertiesSet;
}

/**
 * Writes one group in the given transaction: retractions of changed documents, rows, provenance.
 * After the existence read, every statement is sent at once: the driver pipelines them in the
 * transaction and Neo4j runs them in order, so Node packs the next statement's parameters while
 * Neo4j writes the one before (a failing statement still fails the whole transaction).
 * `onSent` is called once everything is handed to the driver.
 */
async function writeGroup(
  tx: ManagedTransaction,
  group: Group,
  prepared: PreparedWrites,
  batchSize: number,
  actor: string,
  fast: boolean,
  onStatement: (rows: number) => void,
  onSent: () => void,
): Promise<LoadCounts> {
  const counts = emptyCounts([]);
  for (const article of group.replace) await retractInTransaction(tx, article);
  const existing = fast ? await existingIn(tx, group.documents) : undefined;
  const runs: Promise<unknown>[] = statementsOf(prepared, batchSize, existing).map((statement) =>
    runStatement(tx, statement, counts).then(() => onStatement(statement.rows)),
  );
  const documents = group.documents.map((doc) => ({ article: doc.article, hash: doc.hash, defines: doc.defines }));
  for (let start = 0; start < documents.length; start += batchSize) {
    runs.push(
      tx.run(provenanceCypher, {
        documents: documents.slice(start, start + batchSize),
        by: actor,
        at: new Date().toISOString(),
      }),
    );
  }
  onSent();
  await Promise.all(runs);
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

  // Each group's parameters are built while the group before it is being written (see prepareWrites).
  const prepared: (PreparedWrites | undefined)[] = [];
  const preparedFor = (index: number) => (prepared[index] ??= prepareWrites(groups[index]!.documents));

  const runGroup = async (index: number, onSent: () => void, fast = true): Promise<void> => {
    const group = groups[index]!;
    let progress = 0;
    const written = await writeTransaction(
      driver,
      database,
      async (tx) => {
        // A retried transaction starts its tally again.
        done -= progress;
        progress = 0;
        return writeGroup(
          tx,
          group,
          preparedFor(index),
          batchSize,
          actor,
          fast,
          (rows) => {
            progress += rows;
            done += rows;
            options.onProgress?.(done, total);
          },
          onSent,
        );
      },
      // A whole document is one transaction however large it is: the server's default timeout
      // (60 s for the project's own Neo4j) guards reads, not bulk loads.
      { timeoutMs: loadTransactionTimeoutMs },
    ).catch((error: unknown) => {
      // A concurrent writer created one of the ids this group found new: the transaction rolled
      // back whole, and the group is written again with MERGE only.
      if (!fast || !(error instanceof Neo4jError) || error.code !== constraintFailure) throw error;
      done -= progress;
      progress = 0;
      return null;
    });
    if (!written) return runGroup(index, onSent, false);
    prepared[index] = undefined;
    add(counts, written.result);
    bookmarks.push(...written.bookmarks);
  };

  const finished: Promise<void>[] = [];
  const limit = single ? 1 : Math.max(1, options.concurrency ?? defaultConcurrency);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  for (const [index, group] of groups.entries()) {
    while (inFlight.size >= limit) await Promise.race(inFlight);
    // After a failure, start nothing more; what is running finishes (whole documents either way).
    if (failure) break;
    const dependency = group.after >= 0 ? finished[group.after] : undefined;
    let sent!: () => void;
    const handedOver = new Promise<void>((resolve) => (sent = resolve));
    const run = (dependency ?? Promise.resolve()).then(() => runGroup(index, sent));
    finished[index] = run;
    const tracked = run.then(
      () => void inFlight.delete(tracked),
      (error: unknown) => {
        failure ??= { error };
        inFlight.delete(tracked);
      },
    );
    inFlight.add(tracked);
    // Once this group's statements are with the driver (or it ended), build the next group's
    // parameters while Neo4j writes: the one part of Node's work that can overlap Neo4j's.
    if (index + 1 < groups.length) {
      await Promise.race([handedOver, tracked]);
      await new Promise((resolve) => setImmediate(resolve));
      if (!failure) preparedFor(index + 1);
    }
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
    // Relationships first, then the nodes left without any: each inner transaction deletes at most
    // 10,000 of one kind. `DETACH DELETE` of 10,000 nodes also deleted all their relationships in the
    // same transaction, and on the large synthetic graph (hubs with thousands) it ran out of memory.
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
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
