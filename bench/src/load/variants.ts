/**
 * Ways of running the shared loader (src/seed/load.ts) that the loading benchmark compares:
 * - `b<rows>-c<n>`: the loader as the app runs it, transactions of whole documents up to <rows> rows
 *   each, <n> of them in flight (a transaction waits for those defining what it references);
 * - `it<rows>`: the loader's MERGE Cypher per label and type sent as `CALL { … } IN TRANSACTIONS OF <rows> ROWS`
 *   (fewer round trips, but a transaction boundary may fall inside a document: it gives up
 *   all-or-nothing per document, so the app does not use it; measured to know what it would buy);
 * - either with `-warm`: on a server that has done such writes before, not a fresh JVM (see warm.ts).
 */
import type { Driver } from 'neo4j-driver';
import {
  countGraph,
  documentRowsOf,
  ensureSchema,
  loadTransactionTimeoutMs,
  provenanceCypher,
  rowsOfRuns,
  statementParams,
  writeStatements,
} from '../../../src/seed/load.js';
import { seedDocuments, type StepSeconds } from '../../../src/seed/seeder.js';
import { existingIds } from '../../../src/seed/load.js';
import { validateDocuments } from '../../../src/seed/validate.js';

export interface Variant {
  name: string;
  mode: 'documents' | 'in-transactions';
  batchSize: number;
  concurrency: number;
  /** `-warm`: timed on a server that has done such writes before (see warm.ts). */
  warm: boolean;
}

export function parseVariant(name: string): Variant {
  const warm = name.endsWith('-warm');
  const base = warm ? name.slice(0, -'-warm'.length) : name;
  const documents = /^b(\d+)-c(\d+)$/.exec(base);
  if (documents) {
    return { name, mode: 'documents', batchSize: Number(documents[1]), concurrency: Number(documents[2]), warm };
  }
  const inTransactions = /^it(\d+)$/.exec(base);
  if (inTransactions)
    return { name, mode: 'in-transactions', batchSize: Number(inTransactions[1]), concurrency: 1, warm };
  throw new Error(`unknown loader variant "${name}": b<rows>-c<transactions in flight> or it<rows>, optionally -warm`);
}

export function describeVariant(variant: Variant): string {
  const how =
    variant.mode === 'documents'
      ? `seeder: transactions of whole documents up to ${variant.batchSize} rows, ${variant.concurrency} in flight`
      : `CALL { … } IN TRANSACTIONS OF ${variant.batchSize} ROWS per label and type (not all-or-nothing per document)`;
  return variant.warm ? `${how}, on a warm server (the small preset written and removed first, untimed)` : how;
}

/** Loads the documents into an empty database, validation and schema included; returns the graph's size. */
export async function runVariant(
  driver: Driver,
  variant: Variant,
  documents: { file: string; raw: unknown }[],
): Promise<{ nodes: number; relationships: number; steps?: StepSeconds }> {
  if (variant.mode === 'documents') {
    const report = await seedDocuments(driver, documents, {
      transaction: 'batched',
      batchSize: variant.batchSize,
      concurrency: variant.concurrency,
    });
    return { ...report.after, steps: report.seconds };
  }
  const parsed = await validateDocuments(documents, (ids) => existingIds(driver, ids));
  await ensureSchema(driver);
  const rows = parsed.map((file) => documentRowsOf(file.document));
  const session = driver.session({ defaultAccessMode: 'WRITE' });
  // Parameters of at most this many rows per query, so that neither side holds the whole graph at once
  // and one query stays well inside the runtime's 60 s transaction timeout on a busy machine.
  const chunk = Math.max(variant.batchSize, 10_000);
  try {
    for (const { write, fields, rows: all } of writeStatements(rows)) {
      for (let start = 0; start < all.length; start += chunk) {
        await session.run(
          `${rowsOfRuns} CALL (i, source, kind) { ${write} } IN TRANSACTIONS OF ${variant.batchSize} ROWS`,
          statementParams(fields, all.slice(start, start + chunk)),
          { timeout: loadTransactionTimeoutMs },
        );
      }
    }
    const provenance = rows.map((doc) => ({ article: doc.article, hash: doc.hash, defines: doc.defines }));
    for (let start = 0; start < provenance.length; start += variant.batchSize) {
      await session.executeWrite(
        (tx) =>
          tx.run(provenanceCypher, {
            documents: provenance.slice(start, start + variant.batchSize),
            by: 'seed',
            at: new Date().toISOString(),
          }),
        { timeout: loadTransactionTimeoutMs },
      );
    }
  } finally {
    await session.close();
  }
  return countGraph(driver);
}
