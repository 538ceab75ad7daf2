/**
 * `npm --prefix bench run loading -- [--preset large] [--variants b5000-c1,b5000-c1-warm,b10000-c2,it10000] [--seed N]`
 *
 * The loading benchmark on its own: times `neo4j-admin database import` of the preset's graph, then
 * each loader variant (load/variants.ts) into a fresh throwaway Neo4j, side by side in one run; then,
 * on the graph the last variant loaded, the ingest of one Geneva-size document (repeated, as further
 * articles about the same event) and of one 5,000-row document through the mutation's code path
 * (validation and loader, no HTTP), and the retraction of single articles. Writes
 * results/loading.{json,md} and prints the markdown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { createLogger } from '../../src/logger.js';
import { ingestDocument, retractArticle } from '../../src/ingest/service.js';
import { repoRoot, seedsDir } from '../../src/paths.js';
import type { SeedDocumentInput } from '../../src/seed/format.js';
import { documentRowsOf } from '../../src/seed/load.js';
import { presets, syntheticDocuments } from '../../src/seed/synthetic.js';
import { checkDocument } from '../../src/seed/validate.js';
import { presetDocuments, startDatabase, type Database } from './database.js';
import { timeAdminImport } from './load/admin-import.js';
import { documentRows, mergedGraph } from './load/rows.js';
import { describeVariant, parseVariant, runVariant } from './load/variants.js';
import { warmLoader } from './load/warm.js';
import { appVersion, machine } from './report.js';
import { threadCpuMeter, threadGroups, type ThreadGroup } from './cpu.js';
import type { StepSeconds } from '../../src/seed/seeder.js';
import { defaultOut } from './options.js';

const log = (line: string) => console.error(`[loading] ${line}`);
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function rowsOfRaw(raw: unknown): number {
  const { document } = checkDocument('bench', raw);
  if (!document) throw new Error('a benchmark document does not validate');
  const { rows } = documentRowsOf(document);
  return rows.nodes.length + rows.relationships.length;
}

/** Further articles about the Geneva talks: the seed with its own article and statement ids. */
function genevaLike(i: number): SeedDocumentInput {
  const doc = parse(fs.readFileSync(path.join(seedsDir, '000_2129ad4d3e752772.yaml'), 'utf8')) as SeedDocumentInput;
  doc.article.id = `article:bench-geneva-${i}`;
  doc.statements = (doc.statements ?? []).map((s) => ({ ...s, id: `${s.id}-bench-${i}` }));
  return doc;
}

/** One document of about `target` rows: synthetic articles not in the preset, merged under one article. */
function bulkDocument(preset: string, seed: number, target: number, index: number): SeedDocumentInput {
  const settings = presets[preset]!;
  const extra = syntheticDocuments({ ...settings, articles: settings.articles + 400 }, seed).slice(
    settings.articles + 1,
  );
  const parts = extra.slice(index * 100, (index + 1) * 100);
  const doc: SeedDocumentInput = {
    article: { ...parts[0]!.article, id: `article:bench-bulk-${index}`, headline: `Bulk document ${index}` },
    meetings: [],
    statements: [],
  };
  for (const part of parts) {
    doc.meetings!.push(...(part.meetings ?? []));
    doc.statements!.push(...(part.statements ?? []));
    if (rowsOfRaw(doc) >= target) break;
  }
  return doc;
}

/**
 * Three synthetic articles of the preset to retract: at the places of articles 100, 5,000 and 10,000
 * of `large` (11,000 articles) in the preset's own range, so every preset has them.
 */
function syntheticSamples(preset: string): string[] {
  const articles = presets[preset]!.articles;
  return [100, 5000, 10000].map((at) => `article:synthetic-${Math.floor((at * articles) / presets.large!.articles)}`);
}

async function measureWrites(db: Database, preset: string, seed: number) {
  const target = { driver: db.driver, logger: createLogger('silent') };
  const limits = { maxBytes: 64 * 2 ** 20, maxRows: 100_000 };
  const geneva: { ms: number; rows: number; outcome: string | null }[] = [];
  for (let i = 0; i < 20; i += 1) {
    const doc = genevaLike(i);
    const started = process.hrtime.bigint();
    const result = await ingestDocument(target, doc, 'bench', limits);
    if (result.userErrors.length > 0) throw new Error(JSON.stringify(result.userErrors));
    geneva.push({ ms: seconds(started) * 1000, rows: rowsOfRaw(doc), outcome: result.outcome });
  }
  const bulk: { ms: number; rows: number }[] = [];
  for (let i = 0; i < 3; i += 1) {
    const doc = bulkDocument(preset, seed, 5000, i);
    const started = process.hrtime.bigint();
    const result = await ingestDocument(target, doc, 'bench', limits);
    if (result.userErrors.length > 0) throw new Error(JSON.stringify(result.userErrors.slice(0, 5)));
    bulk.push({ ms: seconds(started) * 1000, rows: rowsOfRaw(doc) });
  }
  const retractions: { article: string; ms: number; nodesDeleted: number; relationshipsDeleted: number }[] = [];
  for (const article of [...syntheticSamples(preset), 'article:bench-geneva-7', 'article:bench-bulk-0']) {
    const started = process.hrtime.bigint();
    const result = await retractArticle(target, article, 'bench');
    if (!result.counts) throw new Error(`${article} was not in the graph`);
    retractions.push({
      article,
      ms: seconds(started) * 1000,
      nodesDeleted: result.counts.nodesDeleted,
      relationshipsDeleted: result.counts.relationshipsDeleted,
    });
  }
  return { geneva, bulk, retractions };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'large' },
      seed: { type: 'string', default: '1' },
      variants: { type: 'string', default: 'b5000-c1,b20000-c1,b10000-c2,it10000' },
      out: { type: 'string', default: defaultOut },
      writes: { type: 'boolean', default: true },
    },
    allowNegative: true,
  });
  const started = Date.now();
  const loadBefore = os.loadavg();
  const seed = Number(values.seed);
  const variants = values.variants.split(',').map((v) => parseVariant(v.trim()));
  const documents = presetDocuments(values.preset, seed);
  let graph: ReturnType<typeof mergedGraph> | null = mergedGraph(documentRows(documents));
  const records = graph.nodes.length + graph.relationships.length;
  log(`preset ${values.preset}: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships`);
  const imported = await timeAdminImport(graph, log);
  graph = null;
  log(`neo4j-admin import: ${Math.round(imported.result.recordsPerSecond)} records/s (wall)`);

  const loaders: {
    variant: string;
    description: string;
    seconds: number;
    recordsPerSecond: number;
    load: number[];
    /** The seeder's own steps (not for the IN TRANSACTIONS variant). */
    steps?: StepSeconds;
    /** CPU seconds during the load: Neo4j's by thread group, and this (the loading) Node process's. */
    neo4jCpu: Partial<Record<ThreadGroup, number>> | null;
    nodeCpu: number;
  }[] = [];
  let writes: Awaited<ReturnType<typeof measureWrites>> | null = null;
  const failures: { variant: string; error: string }[] = [];
  let current: Database | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping Neo4j`);
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  for (const [index, variant] of variants.entries()) {
    const db = await startDatabase(values.preset, log);
    current = db;
    try {
      if (variant.warm) await warmLoader(db.driver, variant.batchSize, log);
      const t0 = process.hrtime.bigint();
      const neo4jThreads = threadCpuMeter(db.pid);
      const nodeCpu = process.cpuUsage();
      let size: Awaited<ReturnType<typeof runVariant>>;
      try {
        size = await runVariant(db.driver, variant, documents);
      } catch (error) {
        // One variant failing (e.g. out of memory) must not cost the others' figures.
        log(`${variant.name} FAILED: ${(error as Error).message}`);
        failures.push({ variant: variant.name, error: (error as Error).message.slice(0, 300) });
        continue;
      }
      const took = seconds(t0);
      const neo4jCpu = neo4jThreads();
      const nodeUsed = process.cpuUsage(nodeCpu);
      if (size.nodes !== imported.imported.nodes || size.relationships !== imported.imported.relationships) {
        throw new Error(
          `${variant.name} built ${size.nodes} nodes and ${size.relationships} relationships, the import ` +
            `${imported.imported.nodes} and ${imported.imported.relationships}`,
        );
      }
      loaders.push({
        variant: variant.name,
        description: describeVariant(variant),
        seconds: took,
        recordsPerSecond: records / took,
        load: os.loadavg(),
        steps: size.steps,
        neo4jCpu: neo4jCpu && Object.fromEntries(neo4jCpu),
        nodeCpu: (nodeUsed.user + nodeUsed.system) / 1e6,
      });
      log(`${variant.name}: ${Math.round(records / took)} records/s (${took.toFixed(1)} s)`);
      if (values.writes && index === variants.length - 1) writes = await measureWrites(db, values.preset, seed);
    } finally {
      await db.stop();
    }
  }

  const admin = imported.result;
  const lines = [
    `## Loading benchmark (${new Date().toISOString()}, preset ${values.preset}, seed ${seed})`,
    '',
    `App commit ${appVersion(repoRoot).commit}; ${machine().cpus} CPUs (${machine().cpuModel}); Neo4j heap/page cache per preset (bench/src/database.ts).`,
    `Load average (1/5/15 min) at start ${loadBefore.map((l) => l.toFixed(2)).join(' / ')}, at end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}: the machine is shared, absolute figures are low; compare within the run.`,
    '',
    `Graph: ${imported.imported.nodes.toLocaleString('en')} nodes + ${imported.imported.relationships.toLocaleString('en')} relationships = ${records.toLocaleString('en')} records.`,
    '',
    '| loader | seconds | records/s | share of neo4j-admin import (wall) | load avg (1 min) after |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| neo4j-admin database import full (offline, no index, CSV writing excluded; tool's own time ${imported.toolSeconds.toFixed(1)} s) | ${admin.seconds.toFixed(1)} | ${Math.round(admin.recordsPerSecond).toLocaleString('en')} | 1.00 | – |`,
    ...loaders.map(
      (l) =>
        `| ${l.variant}: ${l.description} (validation, schema and indexes included) | ${l.seconds.toFixed(1)} | ${Math.round(l.recordsPerSecond).toLocaleString('en')} | ${(l.recordsPerSecond / admin.recordsPerSecond).toFixed(2)} | ${l.load[0]!.toFixed(2)} |`,
    ),
  ];
  const groups: ThreadGroup[] = [...threadGroups.map((g) => g.group), 'other'];
  const cpu = (l: (typeof loaders)[number], group: ThreadGroup) => (l.neo4jCpu?.[group] ?? 0).toFixed(1);
  lines.push(
    '',
    "### Where each load's time goes",
    '',
    "Wall-clock seconds of the seeder's steps (`time:` of `npm run seed`), and CPU seconds during the whole load: Neo4j's threads by what they do (from their names), and the loading Node process's. Two cores are shared by all of them.",
    '',
    `| loader | validation s | schema s | writes s | indexes s | ${groups.map((g) => `Neo4j ${g} CPU s`).join(' | ')} | Node CPU s |`,
    `| --- | ${Array.from({ length: 4 + groups.length + 1 }, () => '---:').join(' | ')} |`,
    ...loaders.map(
      (l) =>
        `| ${l.variant} | ${l.steps ? [l.steps.validation, l.steps.schema, l.steps.writes, l.steps.indexes].map((x) => x.toFixed(1)).join(' | ') : '– | – | – | –'} | ${groups.map((g) => cpu(l, g)).join(' | ')} | ${l.nodeCpu.toFixed(1)} |`,
    ),
  );
  if (writes) {
    const g = writes.geneva;
    const b = writes.bulk;
    lines.push(
      '',
      `### Writes on the loaded ${values.preset} graph (mutation code path: validation, reference check, loader; no HTTP)`,
      '',
      '| what | documents | rows each | median ms | rows/s |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| ingest of a Geneva-size document (the seed as further articles; first created, then merged) | ${g.length} | ${g[0]!.rows} | ${median(g.map((x) => x.ms)).toFixed(0)} | ${Math.round((g.reduce((n, x) => n + x.rows, 0) / g.reduce((n, x) => n + x.ms, 0)) * 1000).toLocaleString('en')} |`,
      `| ingest of a 5,000-row document (synthetic articles merged into one) | ${b.length} | ${b.map((x) => x.rows).join(', ')} | ${median(b.map((x) => x.ms)).toFixed(0)} | ${Math.round((b.reduce((n, x) => n + x.rows, 0) / b.reduce((n, x) => n + x.ms, 0)) * 1000).toLocaleString('en')} |`,
      '',
      '| retraction | ms | nodes deleted | relationships deleted |',
      '| --- | ---: | ---: | ---: |',
      ...writes.retractions.map(
        (r) => `| ${r.article} | ${r.ms.toFixed(0)} | ${r.nodesDeleted} | ${r.relationshipsDeleted} |`,
      ),
    );
  }
  for (const f of failures) lines.push('', `Variant ${f.variant} failed: ${f.error}`);
  lines.push('', `Total run time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  const markdown = lines.join('\n');
  fs.mkdirSync(values.out, { recursive: true });
  fs.writeFileSync(
    path.join(values.out, 'loading.json'),
    JSON.stringify(
      {
        preset: values.preset,
        records,
        adminImport: { ...admin, toolSeconds: imported.toolSeconds },
        loaders,
        writes,
        loadBefore,
        loadAfter: os.loadavg(),
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(values.out, 'loading.md'), `${markdown}\n`);
  console.log(markdown);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[loading] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
