/**
 * A warm server for a loader variant ending in `-warm`: a server that has been running takes writes
 * with its JIT-compiled code, where a fresh JVM spends much of its first minutes compiling (on this
 * machine, a cold load of `large` gave the C2 compiler threads 35 s of CPU). So, as the read benchmark
 * warms Neo4j before timing, the loader first writes the `small` preset (another seed) through the same
 * seeder, then the graph is emptied and the read indexes it built are dropped: the timed load meets the
 * same empty graph with constraints only as a cold one, in a JVM that has seen the work before.
 */
import type { Driver } from 'neo4j-driver';
import { resetGraph } from '../../../src/seed/load.js';
import { seedDocuments } from '../../../src/seed/seeder.js';
import { presetDocuments } from '../database.js';

export async function warmLoader(driver: Driver, batchSize: number, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  await seedDocuments(driver, presetDocuments('small', 2), { transaction: 'batched', batchSize });
  await resetGraph(driver);
  const { records } = await driver.executeQuery(
    "SHOW INDEXES YIELD name, type, owningConstraint WHERE owningConstraint IS NULL AND type <> 'LOOKUP' RETURN name",
  );
  for (const record of records) {
    // The names are the server's own (the schema's), quoted as identifiers.
    await driver.executeQuery(`DROP INDEX \`${String(record.get('name')).replace(/`/g, '``')}\``);
  }
  const { records: left } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes');
  if (Number(left[0]!.get('nodes')) !== 0) throw new Error('the warm-up left nodes behind');
  log(`warm-up: the small preset written and removed in ${((Date.now() - started) / 1000).toFixed(1)} s (not timed)`);
}
