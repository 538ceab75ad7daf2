/**
 * The results: one JSON document for machines, and markdown tables for people (written beside it
 * and printed), with the machine, the date, the loaders and the targets.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DriveResult } from './drive.js';
import type { LoaderResult } from './load/result.js';
import type { Options } from './options.js';
import { serverLabels, type ServerKind } from './servers/spawn.js';

export interface ServerResult extends DriveResult {
  server: ServerKind;
  label: string;
  peakRssMb: number;
  /** CPU time per request of the server process and of the Neo4j JVM during the timed run. */
  cpuMsPerRequest: { server: number | null; neo4j: number | null };
  /** Cypher round trips per request (newsgraph's own count; 1 for the raw handler; null: not known). */
  roundTrips: number | null;
  /** newsgraph-style ratios: this server's req/s over (b)'s and (c)'s, null where one did not run. */
  ratioToNeo4jGraphql: number | null;
  ratioToRaw: number | null;
}

export interface ScenarioResult {
  name: string;
  title: string;
  inputs: number;
  /** The order of the first round (it rotates from scenario to scenario, and from round to round). */
  driven: ServerKind[];
  results: ServerResult[];
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

export interface Report {
  date: string;
  /** The app's commit, and whether src/ or schema/ had uncommitted changes: the app changes under the benchmark. */
  app: { commit: string; dirty: boolean };
  machine: Machine;
  options: Omit<Options, 'out'>;
  neo4j: { version: string; heap: string; pageCache: string };
  graph: { nodes: number; relationships: number };
  loading: { seeder: LoaderResult; naive: LoaderResult; adminImport: LoaderResult & { toolSeconds: number } };
  scenarios: ScenarioResult[];
  targets: { target: string; value: number | null; met: boolean | null; unit?: string }[];
  totalSeconds: number;
  /** The machine's 1, 5 and 15 minute load averages at the start and end: other work shares the CPUs. */
  loadAverage: { before: number[]; after: number[] };
}

export function machine(): Machine {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    /* not Linux: os.cpus() it is */
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel,
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

export function appVersion(root: string): Report['app'] {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const status = git('status', '--porcelain', '--', 'src', 'schema');
  return { commit: head.status === 0 ? head.stdout.trim() : 'unknown', dirty: status.stdout.trim().length > 0 };
}

/** Adds each server's ratios to (b) and (c) of the same scenario. */
export function withRatios(results: Omit<ServerResult, 'ratioToNeo4jGraphql' | 'ratioToRaw'>[]): ServerResult[] {
  const rate = (kind: ServerKind) => results.find((r) => r.server === kind)?.requestsPerSecond ?? null;
  const b = rate('neo4j-graphql');
  const c = rate('raw');
  return results.map((r) => ({
    ...r,
    ratioToNeo4jGraphql: b ? r.requestsPerSecond / b : null,
    ratioToRaw: c ? r.requestsPerSecond / c : null,
  }));
}

/** The scenarios whose newsgraph request must take one Cypher round trip per root field (all have one). */
const oneRoundTrip = ['person', 'nested', 'list', 'page'];

export function targets(scenarios: ScenarioResult[], loading: Report['loading']): Report['targets'] {
  const newsgraph = (name: string) =>
    scenarios.find((s) => s.name === name)?.results.find((r) => r.server === 'newsgraph');
  const out: Report['targets'] = [];
  const atLeast = (target: string, value: number | null | undefined, min: number) =>
    out.push({ target, value: value ?? null, met: value === null || value === undefined ? null : value >= min });
  for (const scenario of scenarios) {
    if (scenario.results.some((r) => r.server === 'neo4j-graphql')) {
      const min = scenario.name === 'nested' ? 3 : 1.5;
      atLeast(
        `${scenario.name}: newsgraph ≥ ${min}× @neo4j/graphql req/s`,
        newsgraph(scenario.name)?.ratioToNeo4jGraphql,
        min,
      );
    }
  }
  for (const scenario of scenarios) {
    atLeast(`${scenario.name}: newsgraph ≥ 0.8× raw handler req/s`, newsgraph(scenario.name)?.ratioToRaw, 0.8);
  }
  for (const name of oneRoundTrip) {
    const trips = newsgraph(name)?.roundTrips;
    if (trips === undefined) continue;
    out.push({
      target: `${name}: one Cypher round trip per request`,
      value: trips,
      met: trips === null ? null : trips <= 1,
    });
  }
  const peaks = scenarios.flatMap((s) => s.results.filter((r) => r.server === 'newsgraph').map((r) => r.peakRssMb));
  if (peaks.length > 0) {
    const peak = Math.max(...peaks);
    out.push({ target: 'newsgraph peak RSS under load < 256 MB', value: peak, met: peak < 256, unit: 'MB' });
  }
  const seeder = loading.seeder.recordsPerSecond / loading.naive.recordsPerSecond;
  out.push({ target: 'seeder ≥ 20× naive loader records/s', value: seeder, met: seeder >= 20 });
  return out;
}

const fixed = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const cpu = (n: number | null) => (n === null ? '–' : fixed(n, 2));
const ratio = (n: number | null) => (n === null ? '–' : `${fixed(n, 2)}×`);

function errorsCell(r: ServerResult): string {
  if (r.errors.total === 0) return '0';
  const parts = Object.entries(r.errors)
    .filter(([key, n]) => key !== 'total' && n > 0)
    .map(([key, n]) => `${n} ${key}`);
  return `${r.errors.total} (${parts.join(', ')})`;
}

export function markdown(report: Report): string {
  const m = report.machine;
  const o = report.options;
  const lines = [
    `# newsgraph benchmark${o.smoke ? ' (smoke)' : ''}`,
    '',
    `${report.date} · ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM · Node ${m.node} · Neo4j ${report.neo4j.version} ` +
      `(heap ${report.neo4j.heap}, page cache ${report.neo4j.pageCache}) · newsgraph ${report.app.commit}` +
      `${report.app.dirty ? ' with uncommitted changes' : ''}`,
    '',
    `Preset \`${o.preset}\` (seed ${o.seed}): ${fixed(report.graph.nodes)} nodes, ${fixed(report.graph.relationships)} relationships. ` +
      `Each server: ${o.warmup} s warm-up, then ${o.duration} s at ${o.connections} connections (autocannon), inputs rotated, ` +
      `timed in ${o.rounds} ${o.rounds === 1 ? 'window' : "windows alternated with the other servers' (each round starts with another server; req/s over all windows, p50 and p99 the median of the windows')"}; ` +
      'load generator, servers and Neo4j share the machine. CPU ms/req: CPU time of the server process and of the ' +
      'Neo4j JVM during the timed run, divided by the requests answered (it includes fixed costs such as thread ' +
      'wake-ups, so it is lower at higher throughput).',
    '',
    `Load average (1/5/15 min) at start ${report.loadAverage.before.map((n) => n.toFixed(2)).join(' / ')}, ` +
      `at end ${report.loadAverage.after.map((n) => n.toFixed(2)).join(' / ')} (anything above 0 beyond this run is other work on the machine).`,
    '',
  ];
  for (const scenario of report.scenarios) {
    lines.push(
      `## ${scenario.title}`,
      '',
      `${scenario.inputs} inputs, answers checked equal before timing; the first round drove ` +
        `${scenario.driven.map((kind) => serverLabels[kind].split(' ')[0]).join(', ')}` +
        `${report.options.rounds > 1 ? ', each later round starting one server further on' : ''}.`,
      '',
    );
    lines.push(
      '| server | req/s | p50 ms | p99 ms | errors | ratio to (b) | ratio to (c) | peak RSS MB | CPU ms/req server | CPU ms/req Neo4j | Cypher round trips/req |',
    );
    lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of scenario.results) {
      lines.push(
        `| ${r.label} | ${fixed(r.requestsPerSecond, 1)} | ${fixed(r.latencyMs.p50)} | ${fixed(r.latencyMs.p99)} | ${errorsCell(r)} | ` +
          `${ratio(r.ratioToNeo4jGraphql)} | ${ratio(r.ratioToRaw)} | ${fixed(r.peakRssMb)} | ` +
          `${cpu(r.cpuMsPerRequest.server)} | ${cpu(r.cpuMsPerRequest.neo4j)} | ${r.roundTrips === null ? '–' : fixed(r.roundTrips, 2)} |`,
      );
    }
    lines.push('');
  }
  lines.push(
    'Cypher round trips/req: newsgraph counts its own (`extensions.cypherQueries`, averaged over the inputs); the raw ' +
      'handler runs one query per request; @neo4j/graphql does not report it (–).',
    '',
  );
  const l = report.loading;
  lines.push(
    '## Loading',
    '',
    '| loader | records | seconds | records/s | note |',
    '| --- | ---: | ---: | ---: | --- |',
  );
  for (const loader of [l.seeder, l.naive, l.adminImport]) {
    const seconds =
      loader.extrapolatedSeconds === undefined
        ? fixed(loader.seconds, 1)
        : `${fixed(loader.seconds, 1)} (whole graph ≈ ${fixed(loader.extrapolatedSeconds)})`;
    lines.push(
      `| ${loader.loader} | ${fixed(loader.records)} | ${seconds} | ${fixed(loader.recordsPerSecond)} | ${loader.note} |`,
    );
  }
  lines.push('', '## Targets', '', '| target | value | met |', '| --- | ---: | --- |');
  for (const t of report.targets) {
    lines.push(
      `| ${t.target} | ${t.value === null ? '–' : `${fixed(t.value, 2)}${t.unit ? ` ${t.unit}` : '×'}`} | ${t.met === null ? '–' : t.met ? 'yes' : 'no'} |`,
    );
  }
  lines.push('', `Total run time ${fixed(report.totalSeconds)} s.`, '');
  return lines.join('\n');
}

export function writeReport(report: Report, out: string): { json: string; md: string } {
  fs.mkdirSync(out, { recursive: true });
  const base = report.options.smoke ? 'smoke' : 'latest';
  const json = path.join(out, `${base}.json`);
  const md = path.join(out, `${base}.md`);
  fs.writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(md, markdown(report));
  return { json, md };
}

export { serverLabels };
