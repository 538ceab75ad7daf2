/** Loader (i): the project's seeder (validation, then batched UNWIND … MERGE), as `npm run seed:synthetic` runs it. */
import type { Driver } from 'neo4j-driver';
import { seedDocuments } from '../../../src/seed/seeder.js';
import { loaderResult, type LoaderResult } from './result.js';

export async function timeSeeder(
  driver: Driver,
  documents: { file: string; raw: unknown }[],
): Promise<{ result: LoaderResult; nodes: number; relationships: number }> {
  const started = process.hrtime.bigint();
  const report = await seedDocuments(driver, documents, { transaction: 'batched' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { nodes, relationships } = report.after;
  return {
    result: loaderResult(
      'seeder (src/seed/seeder.ts, batched)',
      nodes + relationships,
      seconds,
      'validation, schema and indexes included; transactions of whole documents up to 5,000 rows, 3 in flight (UNWIND … MERGE with claims and provenance); into a fresh Neo4j, whose JVM compiles its write path during the load (the loading benchmark also times a warm server)',
    ),
    nodes,
    relationships,
  };
}
