/**
 * The seeder: validate every file, then (unless a dry run) create the schema and write all files'
 * rows. Used by `npm run seed`, by `npm start` on an empty database, and by the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { seedsDir } from '../paths.js';
import {
  countGraph,
  documentRowsOf,
  ensureSchema,
  existingIds,
  loadDocuments,
  resetGraph,
  type DocumentRows,
  type LoadCounts,
  type LoadOptions,
} from './load.js';
import { validateDocuments, validateSeedFiles, type SeedFile } from './validate.js';

export interface SeedOptions extends LoadOptions {
  reset?: boolean;
  dryRun?: boolean;
  /** Rows from which a load into an empty graph builds its read indexes after its rows; default {@link bulkRows}. */
  bulkRows?: number;
}

export interface SeedReport {
  files: string[];
  counts?: LoadCounts;
  /** Bookmarks of the writes (see LoadResult). */
  bookmarks?: string[];
  before: { nodes: number; relationships: number };
  after: { nodes: number; relationships: number };
  /**
   * Wall-clock seconds of each step: validating every file and building its rows; emptying the graph
   * (`reset`) and creating the schema before the rows; writing them; the read indexes a bulk load
   * builds after them (0 otherwise).
   */
  seconds: StepSeconds;
}

export interface StepSeconds {
  validation: number;
  schema: number;
  writes: number;
  indexes: number;
}

/** The steps' seconds as the seed commands print them. */
export const describeSteps = (s: StepSeconds): string =>
  `validation ${s.validation.toFixed(1)} s, schema ${s.schema.toFixed(1)} s, writes ${s.writes.toFixed(1)} s` +
  (s.indexes > 0 ? `, indexes built after the rows ${s.indexes.toFixed(1)} s` : '');

/** The bundled seed files, in name order. */
export function bundledSeedFiles(dir = seedsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /\.(json|ya?ml)$/.test(file))
    .sort()
    .map((file) => path.join(dir, file));
}

export function seedFiles(driver: Driver, files: string[], options: SeedOptions = {}): Promise<SeedReport> {
  return seed(driver, (lookup) => validateSeedFiles(files, lookup), options);
}

/** Seeds documents made in memory, through the same validation and loader as files. */
export function seedDocuments(
  driver: Driver,
  inputs: { file: string; raw: unknown }[],
  options: SeedOptions = {},
): Promise<SeedReport> {
  return seed(driver, (lookup) => validateDocuments(inputs, lookup), options);
}

async function seed(
  driver: Driver,
  validate: (lookup: (ids: string[]) => Promise<Set<string>>) => Promise<SeedFile[]>,
  options: SeedOptions,
): Promise<SeedReport> {
  const { database } = options;
  const seconds: StepSeconds = { validation: 0, schema: 0, writes: 0, indexes: 0 };
  let stepStarted = performance.now();
  const step = (name: keyof StepSeconds) => {
    const now = performance.now();
    seconds[name] = (now - stepStarted) / 1000;
    stepStarted = now;
  };
  // With --reset, references may only point into the documents of this run: the graph is about to be emptied.
  const lookup = options.reset
    ? () => Promise.resolve(new Set<string>())
    : (ids: string[]) => existingIds(driver, ids, database);
  const parsed = await validate(lookup);
  const before = await countGraph(driver, database);
  if (options.dryRun) {
    step('validation');
    return { files: parsed.map((f) => f.file), before, after: before, seconds };
  }

  const documents = parsed.map((file) => documentRowsOf(file.document));
  step('validation');
  if (options.reset) await resetGraph(driver, database);
  // A bulk load into an empty graph builds the read indexes once afterwards (Neo4j populates an index
  // from the store far faster than it updates it row by row); the constraints come first, since the
  // loader relies on them, and so do the full-text indexes this load leaves empty (cheap on an empty
  // graph). A run killed in between leaves a graph without the other indexes, and the next seed or
  // ingest (or the server's start) creates them.
  const bulk = (options.reset || before.nodes === 0) && rowsIn(documents) >= (options.bulkRows ?? bulkRows);
  await ensureSchema(driver, database, bulk ? { constraintsOnly: true, emptyIndexesOf: documents } : {});
  step('schema');
  const { counts, bookmarks } = await loadDocuments(driver, documents, {
    ...options,
    transaction: options.transaction ?? 'single',
  });
  step('writes');
  if (bulk) {
    await ensureSchema(driver, database);
    step('indexes');
  }
  const after = await countGraph(driver, database);
  return { files: parsed.map((f) => f.file), counts, bookmarks, before, after, seconds };
}

/** Rows from which a load into an empty graph defers its read indexes (see seed). */
export const bulkRows = 20_000;

const rowsIn = (documents: DocumentRows[]) =>
  documents.reduce((n, doc) => n + doc.rows.nodes.length + doc.rows.relationships.length, 0);

/** Seeds the bundled files when the graph holds no node yet; true when it did. */
export async function seedIfEmpty(driver: Driver, database?: string): Promise<SeedReport | null> {
  const { nodes } = await countGraph(driver, database);
  if (nodes > 0) {
    // A bulk load killed before it built its indexes left them missing (see seed).
    await ensureSchema(driver, database);
    return null;
  }
  return seedFiles(driver, bundledSeedFiles(), { database });
}
