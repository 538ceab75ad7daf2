/**
 * A throwaway Neo4j for one run, started with the project's own runtime (auth off, a free port,
 * a temporary folder), and the synthetic graph of a preset.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/db/database.js';
import { cpuMeter } from './cpu.js';
import { freePort, startNeo4j, stopPid } from '../../src/neo4j/runtime.js';
import type { SeedDocumentInput } from '../../src/seed/format.js';
import { presets, syntheticSeedInputs } from '../../src/seed/synthetic.js';

/** Heap and page cache by preset: the large graph (about 1 GB on disk) fits the page cache. */
const memory: Record<string, { heap: string; pageCache: string }> = {
  tiny: { heap: '1g', pageCache: '256m' },
  small: { heap: '1g', pageCache: '512m' },
  medium: { heap: '2g', pageCache: '1g' },
  large: { heap: '2g', pageCache: '2g' },
};

export interface Database {
  uri: string;
  pid: number;
  home: string;
  driver: Driver;
  memory: { heap: string; pageCache: string };
  stop(): Promise<void>;
}

export async function startDatabase(preset: string, log: (line: string) => void): Promise<Database> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-'));
  const settings = memory[preset] ?? memory.small!;
  const started = Date.now();
  const instance = await startNeo4j({ home, boltPort: await freePort(), ...settings, log });
  log(`Neo4j ready at ${instance.uri} in ${Date.now() - started} ms (pid ${instance.pid}, home ${home})`);
  const driver = createDriver({ uri: instance.uri });
  let stopped = false;
  return {
    uri: instance.uri,
    pid: instance.pid,
    home,
    driver,
    memory: settings,
    async stop() {
      if (stopped) return;
      stopped = true;
      await driver.close().catch(() => undefined);
      await stopPid(instance.pid);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The synthetic documents of a preset, as the seeder takes them. */
export function presetDocuments(preset: string, seed: number): { file: string; raw: SeedDocumentInput }[] {
  const settings = presets[preset];
  if (!settings) throw new Error(`unknown preset ${preset}; one of ${Object.keys(presets).join(', ')}`);
  return syntheticSeedInputs(settings, seed);
}

/**
 * After a bulk load Neo4j keeps working for a while (checkpoint, index sampling; Community has no
 * `db.checkpoint()` to force it): waits until the JVM has used under 50 ms of CPU in each of three
 * consecutive seconds (at most two minutes), so that this work is not billed to whichever server is
 * driven first.
 */
export async function settle(db: Database): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  while (quiet < 3 && Date.now() - started < 120_000) {
    const meter = cpuMeter(db.pid);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const used = meter();
    if (used === null) break;
    quiet = used < 0.05 ? quiet + 1 : 0;
  }
  return (Date.now() - started) / 1000;
}
