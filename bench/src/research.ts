/**
 * `npm run research -- [--preset tiny|small|medium|large] [--seed N] [--uri bolt://…] [--out DIR]`:
 * the researchers' features at scale, each beside its floor, in its own Node process (own heap, own
 * peak RSS), one after the other:
 *
 *   network        newsgraph's who-met-whom network of the whole graph (src/network: its two queries,
 *                  then graphology), PageRank and Louvain
 *   network-floor  the same network loaded straight into graphology from one streamed Cypher query of
 *                  the pairs, then the same PageRank and Louvain
 *   graphml        newsgraph's whole-graph GraphML export (src/export), streamed to a file
 *   graphml-floor  the whole graph loaded into a graphology graph first (two queries, all in memory),
 *                  then written with the same GraphML writer
 *
 * Without --uri it starts its own Neo4j and loads the preset (the large one takes over a minute, much
 * more on a busy machine); with --uri (and NEO4J_PASSWORD if it has one) it uses a loaded one.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDriver, Database as Reads } from '../../src/db/database.js';
import { streamRecords } from '../../src/db/stream.js';
import { nodeAttributes, wholeGraphSource, exportNode, type GraphSource } from '../../src/export/source.js';
import { writeExport } from '../../src/export/run.js';
import { toNodeRecord } from '../../src/graph/records.js';
import { louvain, MultiDirectedGraph, pagerank, UndirectedGraph } from '../../src/network/graphology.js';
import { loadNetwork } from '../../src/network/load.js';
import { NetworkModel } from '../../src/network/model.js';
import { seedDocuments } from '../../src/seed/seeder.js';
import { random } from '../../src/seed/synthetic.js';
import { presetDocuments, settle, startDatabase, type Database } from './database.js';
import { peakRssFromProc } from './memory.js';

const tasks = ['network', 'network-floor', 'graphml', 'graphml-floor'] as const;
type Task = (typeof tasks)[number];

interface TaskResult {
  task: Task;
  seconds: number;
  /** Seconds of each step. */
  steps: Record<string, number>;
  peakRssMb: number;
  loadAverage: { before: number[]; after: number[] };
  /** What was computed, to check that both sides computed the same thing. */
  summary: Record<string, number | string>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultOut = path.resolve(here, '..', 'results');

/** Times the steps of a task. */
function stopwatch() {
  const started = process.hrtime.bigint();
  let last = started;
  const steps: Record<string, number> = {};
  return {
    step(name: string) {
      const now = process.hrtime.bigint();
      steps[name] = Number(now - last) / 1e9;
      last = now;
    },
    done: () => ({ seconds: Number(process.hrtime.bigint() - started) / 1e9, steps }),
  };
}

/** The ten highest PageRanks, as ids: the same on both sides when both computed the same network. */
function top(ranks: Record<string, number>): string {
  return Object.entries(ranks)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, 10)
    .map(([id]) => id)
    .join(' ');
}

async function runTask(task: Task, uri: string, out: string): Promise<Omit<TaskResult, 'loadAverage'>> {
  const driver = createDriver({ uri, password: process.env.NEO4J_PASSWORD });
  const reads = new Reads(driver);
  const watch = stopwatch();
  const summary: Record<string, number | string> = {};
  try {
    if (task === 'network') {
      const data = await loadNetwork((cypher, params) => reads.read(cypher, params), {
        kind: 'WHO_MET_WHOM',
        window: null,
        topic: null,
        articles: null,
        nodeTypes: ['Person', 'Organization'],
        maxNodes: 10_000_000,
        maxRelationships: 100_000_000,
      });
      watch.step('load (2 Cypher queries)');
      const model = new NetworkModel(data, 1);
      watch.step('build graphology graph');
      const ranks = model.pageRank();
      watch.step('PageRank');
      const { modularity, community } = model.louvain();
      watch.step('Louvain');
      Object.assign(summary, {
        nodes: model.graph.order,
        relationships: model.graph.size,
        communities: new Set(community.values()).size,
        modularity: Number(modularity.toFixed(4)),
        top10: top(ranks),
      });
    } else if (task === 'network-floor') {
      const graph = new UndirectedGraph();
      // Each meeting's participants paired up from one list: the quickest way found to get the pairs.
      const pairs = `MATCH (x:Node)-[:PARTICIPATED_IN]->(m:Meeting)
        WITH m, collect(x.id) AS members WHERE size(members) > 1
        UNWIND members AS a UNWIND members AS b
        WITH a, b WHERE a < b
        RETURN a, b, count(*) AS weight`;
      type Pair = { a: string; b: string; weight: number };
      for await (const row of streamRecords<Pair>(driver, undefined, pairs)) {
        graph.mergeNode(row.a);
        graph.mergeNode(row.b);
        graph.addEdge(row.a, row.b, { weight: row.weight });
      }
      watch.step('load into graphology (1 streamed Cypher query)');
      const ranks = pagerank(graph, { getEdgeWeight: 'weight', alpha: 0.85, maxIterations: 1000 });
      watch.step('PageRank');
      const detailed = louvain.detailed(graph, { getEdgeWeight: 'weight', rng: random(1) });
      watch.step('Louvain');
      Object.assign(summary, {
        nodes: graph.order,
        relationships: graph.size,
        communities: detailed.count,
        modularity: Number(detailed.modularity.toFixed(4)),
        top10: top(ranks),
      });
    } else {
      const file = path.join(out, `research-${task}.graphml`);
      let source: GraphSource = wholeGraphSource({ db: reads });
      if (task === 'graphml-floor') {
        const graph = new MultiDirectedGraph();
        const nodes = await reads.read<{ node: Record<string, unknown> }>(
          'MATCH (n:Node) WHERE n.id IS NOT NULL RETURN n {.*, __labels: labels(n)} AS node ORDER BY n.id',
        );
        for (const row of nodes) {
          const node = exportNode(toNodeRecord(row.node));
          graph.addNode(node.id, { label: node.label, ...node.attributes });
        }
        const rels = await reads.read<{ a: string; b: string; type: string; props: Record<string, unknown> }>(
          'MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS a, b.id AS b, type(r) AS type, properties(r) AS props',
        );
        for (const row of rels) {
          graph.addEdge(row.a, row.b, {
            relationship: row.type,
            role: (row.props.role as string | undefined) ?? null,
            title: (row.props.title as string | undefined) ?? null,
            startDate: (row.props.startDate as string | undefined) ?? null,
            endDate: (row.props.endDate as string | undefined) ?? null,
            sources: Array.isArray(row.props.sources) ? row.props.sources.join('; ') : null,
          });
        }
        watch.step('load into graphology (2 Cypher queries, in memory)');
        source = {
          ...source,
          nodes: () => graph.mapNodes((id, { label, ...attributes }) => ({ id, label: label as string, attributes })),
          edges: () => graph.mapEdges((_e, attributes, from, to) => ({ source: from, target: to, attributes })),
        };
      }
      await writeExport(source, 'graphml', 'nodes', fs.createWriteStream(file));
      watch.step(task === 'graphml' ? 'stream from Neo4j and write' : 'write');
      summary.bytes = fs.statSync(file).size;
      summary.nodeAttributes = nodeAttributes.length;
      fs.rmSync(file);
    }
    return { task, ...watch.done(), peakRssMb: (peakRssFromProc(process.pid) ?? 0) / 2 ** 20, summary };
  } finally {
    await driver.close();
  }
}

/** Runs one task in a child process, whose last line of output is its result. */
function runChild(task: Task, uri: string, out: string): Promise<TaskResult> {
  return new Promise((resolve, reject) => {
    const loadBefore = os.loadavg();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--max-old-space-size=8192',
        fileURLToPath(import.meta.url),
        '--task',
        task,
        '--uri',
        uri,
        '--out',
        out,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`task ${task} exited with ${code}`));
      const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<TaskResult, 'loadAverage'>;
      resolve({ ...result, loadAverage: { before: loadBefore, after: os.loadavg() } });
    });
  });
}

const labels: Record<Task, string> = {
  network: 'newsgraph: who-met-whom network, PageRank, Louvain (src/network)',
  'network-floor': 'floor: the pairs streamed into graphology, same PageRank, Louvain',
  graphml: 'newsgraph: whole-graph GraphML export, streamed (src/export)',
  'graphml-floor': 'floor: whole graph loaded into graphology, then the same writer',
};

function report(preset: string, results: TaskResult[]): string {
  const load = (r: TaskResult) => `${r.loadAverage.before[0]!.toFixed(2)} → ${r.loadAverage.after[0]!.toFixed(2)}`;
  const lines = [
    `Preset \`${preset}\`, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB; load average (1 min) before → after each run.`,
    '',
    '| run | seconds | steps (s) | peak RSS MB | load | what it computed |',
    '| --- | ---: | --- | ---: | --- | --- |',
    ...results.map(
      (r) =>
        `| ${labels[r.task]} | ${r.seconds.toFixed(1)} | ${Object.entries(r.steps)
          .map(([name, s]) => `${name} ${s.toFixed(1)}`)
          .join('; ')} | ${Math.round(r.peakRssMb)} | ${load(r)} | ${Object.entries(r.summary)
          .filter(([name]) => name !== 'top10')
          .map(([name, value]) => `${name} ${value}`)
          .join(', ')} |`,
    ),
  ];
  const [net, floor] = [results.find((r) => r.task === 'network'), results.find((r) => r.task === 'network-floor')];
  if (net && floor) {
    lines.push(
      '',
      `Same ten highest PageRanks on both sides: ${net.summary.top10 === floor.summary.top10 ? 'yes' : 'no'}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      preset: { type: 'string', default: 'large' },
      seed: { type: 'string', default: '1' },
      uri: { type: 'string' },
      out: { type: 'string', default: defaultOut },
      task: { type: 'string' },
      tasks: { type: 'string' },
    },
  });
  const out = path.resolve(values.out);
  fs.mkdirSync(out, { recursive: true });
  if (values.task) {
    if (!values.uri || !(tasks as readonly string[]).includes(values.task)) throw new Error('--task needs --uri');
    console.log(JSON.stringify(await runTask(values.task as Task, values.uri, out)));
    return;
  }
  const chosen = values.tasks ? (values.tasks.split(',') as Task[]) : [...tasks];
  const log = (line: string) => console.error(`[research] ${line}`);
  let db: Database | null = null;
  try {
    let uri = values.uri;
    if (!uri) {
      db = await startDatabase(values.preset, log);
      uri = db.uri;
      const started = Date.now();
      await seedDocuments(db.driver, presetDocuments(values.preset, Number(values.seed)), { transaction: 'batched' });
      log(`loaded the ${values.preset} preset in ${((Date.now() - started) / 1000).toFixed(0)} s`);
      log(`Neo4j settled in ${(await settle(db)).toFixed(1)} s`);
    }
    const results: TaskResult[] = [];
    for (const task of chosen) {
      log(`${task}…`);
      const result = await runChild(task, uri, out);
      log(`${task}: ${result.seconds.toFixed(1)} s, peak RSS ${Math.round(result.peakRssMb)} MB`);
      results.push(result);
    }
    const markdown = report(values.preset, results);
    fs.writeFileSync(path.join(out, `research-${values.preset}.md`), markdown);
    fs.writeFileSync(path.join(out, `research-${values.preset}.json`), JSON.stringify(results, null, 2));
    console.log(markdown);
  } finally {
    await db?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
