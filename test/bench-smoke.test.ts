/**
 * The benchmark's smoke mode (bench/): tiny graph, 20 timed requests per server per scenario, the
 * equivalence checks included. It runs in its own process with its own Neo4j, as `npm run bench`
 * would, and installs bench/'s dependencies first when they are missing (a fresh clone, CI).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';

const benchDir = path.join(repoRoot, 'bench');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(npm, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

describe('benchmark smoke mode', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-smoke-'));
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  beforeAll(async () => {
    if (!fs.existsSync(path.join(benchDir, 'node_modules', '@neo4j', 'graphql'))) {
      const install = await run(['--prefix', 'bench', 'ci', '--no-audit', '--no-fund']);
      expect(install.code, install.output).toBe(0);
    }
  }, 300_000);

  // The root lint skips bench/ (its dependencies are not installed then); this lints it with the same rules.
  it('type-checks and lints the benchmark code', async () => {
    const check = await run(['--prefix', 'bench', 'run', 'check']);
    expect(check.code, check.output.slice(-5000)).toBe(0);
  }, 180_000);

  it('checks that the servers agree, drives each, and writes every scenario with a positive rate', async () => {
    const started = Date.now();
    const smoke = await run(['--prefix', 'bench', 'start', '--', '--smoke', '--out', out]);
    expect(smoke.code, smoke.output.slice(-5000)).toBe(0);
    console.log(`bench smoke run: ${((Date.now() - started) / 1000).toFixed(0)} s`);

    const report = JSON.parse(fs.readFileSync(path.join(out, 'smoke.json'), 'utf8'));
    expect(report.options.rounds).toBe(2);
    expect(fs.existsSync(path.join(out, 'smoke.md'))).toBe(true);
    const expected: Record<string, string[]> = {
      person: ['newsgraph', 'neo4j-graphql', 'raw'],
      nested: ['newsgraph', 'neo4j-graphql', 'raw'],
      list: ['newsgraph', 'neo4j-graphql', 'raw'],
      search: ['newsgraph', 'neo4j-graphql', 'raw'],
      path: ['newsgraph', 'raw'],
      neighborhood: ['newsgraph', 'raw'],
      page: ['newsgraph', 'neo4j-graphql', 'raw'],
    };
    expect(report.scenarios.map((s: any) => s.name)).toEqual(Object.keys(expected));
    for (const scenario of report.scenarios) {
      expect(
        scenario.results.map((r: any) => r.server),
        scenario.name,
      ).toEqual(expected[scenario.name]);
      for (const result of scenario.results) {
        expect(result.requestsPerSecond, `${scenario.name} ${result.server}`).toBeGreaterThan(0);
        // Smoke mode times every server in two windows of 20 requests, alternated with the others':
        // more answers than one window holds (a timeout on a busy machine may cost one or two).
        expect(result.requests, `${scenario.name} ${result.server}`).toBeGreaterThan(20);
        expect(result.peakRssMb, `${scenario.name} ${result.server}`).toBeGreaterThan(0);
        // Timeouts may come from a busy machine; a non-2xx answer or a GraphQL error is a bug.
        expect(result.errors.non2xx + result.errors.graphql, `${scenario.name} ${result.server}`).toBe(0);
      }
    }
    for (const loader of [report.loading.seeder, report.loading.naive, report.loading.adminImport]) {
      expect(loader.recordsPerSecond, loader.loader).toBeGreaterThan(0);
    }
    expect(report.graph.relationships).toBeGreaterThan(1000);
  }, 600_000);
});
