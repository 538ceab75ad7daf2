/**
 * Loader (iii): `neo4j-admin database import full` of the same graph from CSV, run from the
 * project's Neo4j jars (.neo4j/lib) against a stopped, throwaway database home. Node files have
 * `id:ID,:LABEL,…` headers (one file per label), relationship files `:START_ID,:END_ID,:TYPE,…`
 * (one per type). Writing the CSV is timed apart from the import. The import builds no index.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureJars, libDir } from '../../../src/neo4j/runtime.js';
import type { GraphRows, Props, Scalar } from '../../../src/seed/graph-rows.js';
import { loaderResult, type LoaderResult } from './result.js';

const arrayDelimiter = ';';

function csvValue(value: Scalar | Scalar[] | undefined): string {
  if (value === undefined) return '';
  const text = Array.isArray(value)
    ? value
        .map((item) => {
          const s = String(item);
          if (s.includes(arrayDelimiter)) throw new Error(`array item "${s}" contains the array delimiter`);
          return s;
        })
        .join(arrayDelimiter)
    : String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Columns of a set of property maps, each with its CSV type (string, int, float, boolean or an array). */
function columns(maps: Props[]): { key: string; header: string }[] {
  const types = new Map<string, string>();
  for (const props of maps) {
    for (const [key, value] of Object.entries(props)) {
      if (types.has(key)) continue;
      const scalar = Array.isArray(value) ? value[0] : value;
      const base =
        typeof scalar === 'number'
          ? Number.isInteger(scalar)
            ? 'int'
            : 'float'
          : typeof scalar === 'boolean'
            ? 'boolean'
            : 'string';
      types.set(key, Array.isArray(value) ? `${base}[]` : base);
    }
  }
  return [...types].map(([key, type]) => ({ key, header: type === 'string' ? key : `${key}:${type}` }));
}

function writeCsv(file: string, header: string[], rows: Iterable<string[]>): void {
  const fd = fs.openSync(file, 'w');
  try {
    let buffer = `${header.join(',')}\n`;
    for (const row of rows) {
      buffer += `${row.join(',')}\n`;
      if (buffer.length > 1 << 20) {
        fs.writeSync(fd, buffer);
        buffer = '';
      }
    }
    fs.writeSync(fd, buffer);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes one CSV per label and per relationship type; returns the import's --nodes and --relationships. */
export function writeImportCsv(graph: GraphRows, dir: string): { nodes: string[]; relationships: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const nodeFiles: string[] = [];
  const labels = [...new Set(graph.nodes.map((node) => node.label))];
  for (const label of labels) {
    const rows = graph.nodes
      .filter((node) => node.label === label)
      .map((node): { id: string; props: Props } => ({
        id: node.id,
        props: {
          ...node.props,
          sources: node.sources,
          ...(node.aliases.length > 0
            ? { aliases: node.aliases.map((a) => a.name), aliasLanguages: node.aliases.map((a) => a.language) }
            : {}),
        },
      }));
    const cols = columns(rows.map((row) => row.props));
    const file = path.join(dir, `nodes-${label}.csv`);
    writeCsv(
      file,
      ['id:ID', ':LABEL', ...cols.map((c) => c.header)],
      rows.map((row) => [csvValue(row.id), `Node;${label}`, ...cols.map((c) => csvValue(row.props[c.key]))]),
    );
    nodeFiles.push(file);
  }
  const relationshipFiles: string[] = [];
  const types = [...new Set(graph.relationships.map((rel) => rel.type))];
  for (const type of types) {
    const rows = graph.relationships
      .filter((rel) => rel.type === type)
      .map((rel): { from: string; to: string; props: Props } => ({
        from: rel.from,
        to: rel.to,
        props: { ...rel.props, sources: rel.sources },
      }));
    const cols = columns(rows.map((row) => row.props));
    const file = path.join(dir, `relationships-${type}.csv`);
    writeCsv(
      file,
      [':START_ID', ':END_ID', ':TYPE', ...cols.map((c) => c.header)],
      rows.map((row) => [csvValue(row.from), csvValue(row.to), type, ...cols.map((c) => csvValue(row.props[c.key]))]),
    );
    relationshipFiles.push(file);
  }
  return { nodes: nodeFiles, relationships: relationshipFiles };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    // The import writes import.report into its working directory: the throwaway home.
    const child = spawn(command, args, { cwd: env.NEO4J_HOME, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** "1m 2s 345ms" (neo4j-admin's way of writing a duration) in seconds. */
export function parseDuration(text: string): number {
  const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let seconds = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|h|m|s)\b/g)) seconds += Number(n) * units[unit!]!;
  return seconds;
}

export interface ImportResult {
  result: LoaderResult;
  /** The import's own time, as it reports it (JVM start not included). */
  toolSeconds: number;
  csvSeconds: number;
  imported: { nodes: number; relationships: number };
}

export async function timeAdminImport(graph: GraphRows, log: (line: string) => void): Promise<ImportResult> {
  // On a fresh clone the import runs before anything else has fetched the jars.
  await ensureJars(log);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-import-'));
  try {
    const csvStarted = process.hrtime.bigint();
    const files = writeImportCsv(graph, path.join(home, 'import'));
    const csvSeconds = Number(process.hrtime.bigint() - csvStarted) / 1e9;
    for (const dir of ['conf', 'data', 'logs', 'run']) fs.mkdirSync(path.join(home, dir), { recursive: true });
    fs.writeFileSync(
      path.join(home, 'conf', 'neo4j.conf'),
      [
        `server.directories.data=${path.join(home, 'data')}`,
        `server.directories.logs=${path.join(home, 'logs')}`,
        `server.directories.run=${path.join(home, 'run')}`,
        `server.directories.lib=${libDir}`,
        'dbms.usage_report.enabled=false',
        '',
      ].join('\n'),
    );
    const args = [
      '-Xmx1g',
      '-cp',
      path.join(libDir, '*'),
      `-Dbasedir=${home}`,
      'org.neo4j.server.startup.Neo4jAdminCommand',
      'database',
      'import',
      'full',
      ...files.nodes.map((file) => `--nodes=${file}`),
      ...files.relationships.map((file) => `--relationships=${file}`),
      `--array-delimiter=${arrayDelimiter}`,
      '--overwrite-destination=true',
      'neo4j',
    ];
    log(
      `neo4j-admin database import full: ${files.nodes.length} node files, ${files.relationships.length} relationship files`,
    );
    const started = process.hrtime.bigint();
    const { code, output } = await run('java', args, {
      ...process.env,
      NEO4J_HOME: home,
      NEO4J_CONF: path.join(home, 'conf'),
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (process.env.BENCH_DEBUG_IMPORT) log(output);
    if (code !== 0) throw new Error(`neo4j-admin import failed (exit ${code}):\n${output.slice(-4000)}`);
    const nodes = Number(/Imported:\s*\n?\s*(\d+) nodes/.exec(output)?.[1] ?? NaN);
    const relationships = Number(/(\d+) relationships/.exec(output)?.[1] ?? NaN);
    if (!Number.isFinite(nodes) || !Number.isFinite(relationships)) {
      throw new Error(`could not read the import's counts from its output:\n${output.slice(-2000)}`);
    }
    const toolSeconds = parseDuration(/IMPORT DONE in ([^.]+)\./.exec(output)?.[1] ?? '');
    return {
      toolSeconds,
      result: loaderResult(
        'neo4j-admin database import full (CSV)',
        nodes + relationships,
        seconds,
        `offline, into a stopped database; wall clock with JVM start (the tool reports ${toolSeconds.toFixed(1)} s: ` +
          `${Math.round((nodes + relationships) / toolSeconds)} records/s); CSV writing (${csvSeconds.toFixed(1)} s) and indexes not included`,
      ),
      csvSeconds,
      imported: { nodes, relationships },
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}
