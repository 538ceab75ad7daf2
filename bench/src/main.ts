/**
 * `npm run bench -- …` (see options.ts): imports the preset's graph offline with neo4j-admin, starts a
 * throwaway Neo4j, times the naive loader on a sample and the seeder on the whole graph, then for each
 * scenario checks that the servers agree and drives each in turn. Writes results/latest.{json,md}.
 */
import os from 'node:os';
import { buildServers } from './build.js';
import { cpuMeter } from './cpu.js';
import { drive, type DriveResult } from './drive.js';
import { checkEquivalence } from './equivalence.js';
import { presetDocuments, settle, startDatabase, type Database } from './database.js';
import { pickInputs } from './inputs.js';
import { timeAdminImport } from './load/admin-import.js';
import { timeNaiveLoader } from './load/naive.js';
import { documentRows, mergedGraph } from './load/rows.js';
import { timeSeeder } from './load/seeder.js';
import { peakRssFromProc, resetPeakRss } from './memory.js';
import { parseOptions } from './options.js';
import {
  appVersion,
  machine,
  markdown,
  targets,
  withRatios,
  writeReport,
  type Report,
  type ScenarioResult,
  type ServerResult,
} from './report.js';
import { scenarios, type HttpRequest } from './scenarios.js';
import { combineWindows } from './windows.js';
import { repoRoot } from '../../src/paths.js';
import { serverKinds, serverLabels, startChild, type RunningChild, type ServerKind } from './servers/spawn.js';

const log = (line: string) => console.error(`[bench] ${line}`);

/** One server's timed windows in one scenario, and the CPU seconds they took. */
interface Timed {
  child: RunningChild;
  requests: HttpRequest[];
  perScenarioPeak: boolean;
  windows: DriveResult[];
  serverCpu: number | null;
  neo4jCpu: number | null;
}

/** CPU seconds summed over windows; unknown once any window's is unknown. */
const addCpu = (total: number | null, more: number | null) => (total === null || more === null ? null : total + more);

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = os.loadavg();
  const options = parseOptions(process.argv.slice(2));
  const chosen = options.scenarios.length > 0 ? scenarios.filter((s) => options.scenarios.includes(s.name)) : scenarios;
  const unknown = options.scenarios.filter((name) => !scenarios.some((s) => s.name === name));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(', ')}`);
  log(
    `preset ${options.preset}, ${options.duration} s × ${options.connections} connections, ${chosen.length} scenarios`,
  );

  let documents: ReturnType<typeof presetDocuments> | null = presetDocuments(options.preset, options.seed);
  let graph: ReturnType<typeof mergedGraph> | null = mergedGraph(documentRows(documents));
  const totalRecords = graph.nodes.length + graph.relationships.length;
  log(`graph: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`);

  // (iii) first, while no server runs: the offline import of the same graph.
  const imported = await timeAdminImport(graph, log);
  log(`neo4j-admin import: ${Math.round(imported.result.recordsPerSecond)} records/s`);

  let db: Database | null = null;
  const children = new Map<ServerKind, RunningChild>();
  const cleanup = async () => {
    await Promise.all([...children.values()].map((child) => child.stop().catch(() => undefined)));
    await db?.stop();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the servers and Neo4j`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    db = await startDatabase(options.preset, log);
    const { records } = await db.driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v');
    const version = String(records[0]?.get('v'));

    // (ii) on the empty database, then (i) the whole graph.
    const naive = await timeNaiveLoader(db.driver, graph, totalRecords, options.naive);
    log(`naive loader: ${Math.round(naive.recordsPerSecond)} records/s (${naive.records} records sampled)`);
    graph = null;
    const seeded = await timeSeeder(db.driver, documents);
    documents = null;
    log(`seeder: ${Math.round(seeded.result.recordsPerSecond)} records/s (${seeded.result.seconds.toFixed(1)} s)`);
    if (seeded.nodes !== imported.imported.nodes || seeded.relationships !== imported.imported.relationships) {
      throw new Error(
        `the import (${imported.imported.nodes} nodes, ${imported.imported.relationships} relationships) and the seeder ` +
          `(${seeded.nodes}, ${seeded.relationships}) built different graphs`,
      );
    }

    log(`Neo4j settled after the load in ${(await settle(db)).toFixed(1)} s`);
    const inputs = await pickInputs(db.driver, options.inputs);
    // The code the servers load now is the code measured (others may be editing src/ meanwhile).
    const app = appVersion(repoRoot);
    const needed = serverKinds.filter((kind) => chosen.some((s) => s.servers[kind]));
    buildServers(log);
    const uri = db.uri;
    await Promise.all(needed.map(async (kind) => children.set(kind, await startChild(kind, uri))));
    log(`servers: ${[...children.values()].map((c) => `${c.kind} ${c.url} (pid ${c.pid})`).join(', ')}`);

    // Before any timing: answers checked, then Neo4j warmed with every server's queries of every
    // scenario (plans cached, JIT compiled), so that no server pays for compiling another's queries.
    const checks = new Map<string, Awaited<ReturnType<typeof checkEquivalence>>>();
    for (const scenario of chosen) {
      const check = await checkEquivalence(scenario, scenario.inputs(inputs), children);
      checks.set(scenario.name, check);
      log(`${scenario.name}: ${check.inputs} inputs, same answers from every server (${check.nonEmpty} non-empty)`);
    }
    for (const scenario of chosen) {
      const vars = scenario.inputs(inputs);
      for (const [kind, child] of children) {
        const side = scenario.servers[kind];
        if (side)
          await drive(
            child.url,
            vars.map((v) => side.request(v)),
            { connections: options.connections, duration: options.warmup },
          );
      }
    }
    log(`Neo4j warmed with every server's queries; settled in ${(await settle(db)).toFixed(1)} s`);

    const results: ScenarioResult[] = [];
    for (const [index, scenario] of chosen.entries()) {
      const vars = scenario.inputs(inputs);
      const check = checks.get(scenario.name)!;
      const rows: Omit<ServerResult, 'ratioToNeo4jGraphql' | 'ratioToRaw'>[] = [];
      // Each scenario starts with another server, so that no server is always the first (or last) driven.
      const taking = serverKinds.filter((kind) => scenario.servers[kind] && children.has(kind));
      const order = taking.map((_, i) => taking[(i + index) % taking.length]!);
      // Every server warmed once more, then timed in rounds: each round drives every server for its
      // share of the duration, starting with another server, so that a drift of the machine's load
      // (other work, Neo4j's background jobs) falls on every server alike.
      const runs = new Map<ServerKind, Timed>();
      for (const kind of order) {
        const side = scenario.servers[kind];
        const child = children.get(kind);
        if (!side || !child) continue;
        const requests = vars.map((v) => side.request(v));
        const perScenarioPeak = resetPeakRss(child.pid);
        await drive(child.url, requests, { connections: options.connections, duration: options.warmup });
        runs.set(kind, { child, requests, perScenarioPeak, windows: [], serverCpu: 0, neo4jCpu: 0 });
      }
      const timed = [...runs.keys()];
      for (let round = 0; round < options.rounds; round++) {
        for (const kind of timed.map((_, i) => timed[(i + round) % timed.length]!)) {
          const run = runs.get(kind)!;
          const serverCpu = cpuMeter(run.child.pid);
          const neo4jCpu = cpuMeter(db.pid);
          run.windows.push(
            await drive(run.child.url, run.requests, {
              connections: options.connections,
              duration: options.duration / options.rounds,
              amount: options.amount,
            }),
          );
          run.serverCpu = addCpu(run.serverCpu, serverCpu());
          run.neo4jCpu = addCpu(run.neo4jCpu, neo4jCpu());
        }
      }
      for (const [kind, run] of runs) {
        const result = combineWindows(run.windows);
        const perRequest = (seconds: number | null) => (seconds === null ? null : (seconds * 1000) / result.requests);
        const cpuMsPerRequest = { server: perRequest(run.serverCpu), neo4j: perRequest(run.neo4jCpu) };
        const peak = (run.perScenarioPeak ? peakRssFromProc(run.child.pid) : null) ?? (await run.child.peakRss());
        log(
          `${scenario.name} ${kind}: ${result.requestsPerSecond.toFixed(1)} req/s over ${run.windows.length} windows ` +
            `(${run.windows.map((w) => w.requestsPerSecond.toFixed(0)).join(', ')}), p50 ${result.latencyMs.p50} ms, ` +
            `p99 ${result.latencyMs.p99} ms, ${result.errors.total} errors, peak RSS ${Math.round(peak / 2 ** 20)} MB, ` +
            `CPU ms/request: server ${cpuMsPerRequest.server?.toFixed(2)}, Neo4j ${cpuMsPerRequest.neo4j?.toFixed(2)}`,
        );
        rows.push({
          ...result,
          server: kind,
          label: serverLabels[kind],
          peakRssMb: peak / 2 ** 20,
          cpuMsPerRequest,
          roundTrips: check.roundTrips[kind] ?? null,
        });
      }
      rows.sort((x, y) => serverKinds.indexOf(x.server) - serverKinds.indexOf(y.server));
      const driven = order.filter((kind) => rows.some((row) => row.server === kind));
      results.push({
        name: scenario.name,
        title: scenario.title,
        inputs: vars.length,
        driven,
        results: withRatios(rows),
      });
    }

    const loading = {
      seeder: seeded.result,
      naive,
      adminImport: { ...imported.result, toolSeconds: imported.toolSeconds },
    };
    const { out: _out, ...shown } = options;
    const report: Report = {
      date: new Date().toISOString(),
      app,
      machine: machine(),
      options: shown,
      neo4j: { version, ...db.memory },
      graph: { nodes: seeded.nodes, relationships: seeded.relationships },
      loading,
      scenarios: results,
      targets: targets(results, loading),
      totalSeconds: (Date.now() - started) / 1000,
      loadAverage: { before: loadBefore, after: os.loadavg() },
    };
    const files = writeReport(report, options.out);
    console.log(markdown(report));
    log(`wrote ${files.json} and ${files.md}`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
