/**
 * Ctrl-C or `kill` during `npm run seed`: the signal must reach the process that writes (no
 * orphaned worker committing later) and the graph must be all or nothing. The real npm script
 * loads 200 synthetic seed files in its one write transaction; once that transaction is running in
 * Neo4j, SIGTERM (then, in a second run, SIGINT) goes to the npm process this test started. Without
 * the script's `exec` (package.json) this test fails: the writer outlives npm and commits.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { presets, syntheticDocuments } from '../src/seed/synthetic.js';
import { testDriver } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-seed-signal-'));
const { driver, database } = testDriver();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const cypher = async (statement: string) =>
  (await driver.executeQuery(statement, {}, { database })).records.map((record) => record.toObject());
const nodeCount = async () => (await cypher('MATCH (n) RETURN count(n) AS n'))[0]!.n as number;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Processes whose command line names this test's seed directory (the writer, wherever it runs). */
function writers(): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(dir) && !line.includes('ps -eo'));
}

beforeAll(() => {
  syntheticDocuments(presets.small!, 3).forEach((document, i) =>
    fs.writeFileSync(path.join(dir, `signal-${String(i).padStart(3, '0')}.yaml`), JSON.stringify(document)),
  );
});

afterAll(async () => {
  await cypher('MATCH (n) DETACH DELETE n');
  await driver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function seed() {
  const { uri } = inject('neo4j');
  const files = fs.readdirSync(dir).map((file) => path.join(dir, file));
  return spawn(npm, ['run', 'seed', '--', ...files], {
    cwd: repoRoot,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  it(`stops the writer on ${signal} and leaves nothing half-written`, { timeout: 600_000 }, async () => {
    await cypher('MATCH (n) DETACH DELETE n');
    const child = seed();
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // 'exit', not 'close': a writer left running keeps npm's output pipes open, and 'close' would wait for it.
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    // Wait until the load's write transaction is running in Neo4j, then signal npm.
    let writing = false;
    for (const started = Date.now(); !writing && Date.now() - started < 300_000;) {
      const rows = await cypher(
        `SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS '$runStart' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n`,
      );
      writing = rows[0]!.n > 0;
      if (!writing) await sleep(50);
    }
    expect(writing, output).toBe(true);
    child.kill(signal);

    const code = await Promise.race([exited, sleep(120_000).then(() => 'still running' as const)]);
    expect(code, output).not.toBe('still running');
    expect(code, output).not.toBe(0);
    // The writer went with npm: no process of this load is left to commit later. npm forwards the
    // signal to the shell running the script and exits once that shell has; dash does not exec a
    // script's last command, so without the script's own `exec` the shell died and left the writer
    // running on its own, to commit seconds later. So the writer must be gone as soon as npm is
    // (a second's grace for the process table), not merely some time after.
    let left = writers();
    for (const started = Date.now(); left.length > 0 && Date.now() - started < 1_000; left = writers())
      await sleep(100);
    expect(left).toEqual([]);

    const afterSignal = await nodeCount();
    await sleep(5_000);
    expect(await nodeCount()).toBe(afterSignal);
    // All or nothing: either no node, or as many as a complete load writes.
    if (afterSignal !== 0) {
      await cypher('MATCH (n) DETACH DELETE n');
      const complete = await new Promise<number | null>((resolve) => seed().once('close', resolve));
      expect(complete).toBe(0);
      expect(afterSignal).toBe(await nodeCount());
    }
    console.log(`seed ${signal}: npm exited ${code}; ${afterSignal} nodes in the graph afterwards`);
  });
}
