/**
 * Exports over HTTP, each read back by a parser that is not ours: NetworkX (GraphML and GEXF, as
 * researchers load them), graphology's GraphML, GEXF and JSON readers (as Sigma.js users do),
 * fast-xml-parser for GEXF's structure, and csv-parse for the CSV files a spreadsheet opens.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { MultiDirectedGraph, MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { geneva, startGenevaApi, startSyntheticApi, type TestApi } from './helpers.js';
import { hasNetworkx, python } from './networkx.js';

/** Fetches an export path of the API's server. */
async function get(api: TestApi, pathAndQuery: string) {
  const response = await fetch(new URL(pathAndQuery, api.url));
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Counts of the graph as Neo4j has it. */
async function counts(api: TestApi) {
  const [row] = await api.cypher(
    'MATCH (n:Node) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return { nodes: Number(row!.nodes), relationships: Number(row!.rels) };
}

/** What NetworkX reads from a file: counts, and one node's and one edge's attributes. */
function networkxRead(format: 'graphml' | 'gexf', body: string, node: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-export-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, `graph.${format}`);
  fs.writeFileSync(file, body);
  return python(
    `
import json, sys, networkx as nx
G = nx.read_${format}(${JSON.stringify(file)})
u, v, data = next(iter(G.edges(data=True)))
print(json.dumps({'directed': G.is_directed(), 'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(),
                  'node': G.nodes[${JSON.stringify(node)}], 'edge': data}))
`,
  );
}

describe('exports of the Geneva graph', () => {
  let api: TestApi;
  let graph: { nodes: number; relationships: number };

  beforeAll(async () => {
    api = await startGenevaApi();
    graph = await counts(api);
  });
  afterAll(async () => api.close());

  it('GraphML of the whole graph, read by graphology with every node and relationship', async () => {
    const response = await get(api, '/export/graphml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="newsgraph-graph.graphml"');
    const parsed = parseGraphml(MultiDirectedGraph, response.body);
    expect(parsed.order).toBe(graph.nodes);
    expect(parsed.size).toBe(graph.relationships);
    expect(parsed.getNodeAttributes(geneva.ryabkov)).toEqual({
      label: 'Sergei Ryabkov',
      type: 'Person',
      name: 'Sergei Ryabkov',
      sources: geneva.article,
    });
    expect(parsed.getNodeAttributes(geneva.talks)).toMatchObject({
      type: 'Meeting',
      kind: 'TALKS',
      date: '2022-01-10',
      datePrecision: 'DAY',
    });
  });

  // Reported as skipped, not passed, where python3 has no NetworkX (test/networkx.ts).
  it.skipIf(!hasNetworkx)('GraphML of the whole graph, read back by NetworkX', async () => {
    const response = await get(api, '/export/graphml');
    expect(response.status).toBe(200);
    const read = await networkxRead('graphml', response.body, geneva.dialogue);
    expect(read).toMatchObject({ directed: true, nodes: graph.nodes, edges: graph.relationships });
    expect(read.node).toMatchObject({ type: 'Meeting', date: '2022-01', datePrecision: 'MONTH' });
    expect(read.edge).toHaveProperty('relationship');
  });

  it('GEXF 1.3 of a derived network, structured as Gephi reads it, with measures as attributes', async () => {
    const response = await get(api, '/export/gexf?network=who-met-whom&from=2022-01&to=2022-01');
    expect(response.status).toBe(200);
    const doc = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '',
      isArray: (name) => ['node', 'edge', 'attribute', 'attvalue', 'attributes'].includes(name),
    }).parse(response.body);
    expect(doc.gexf.version).toBe('1.3');
    expect(doc.gexf.xmlns).toBe('http://gexf.net/1.3');
    const g = doc.gexf.graph;
    expect(g.defaultedgetype).toBe('undirected');
    const declared = new Set<string>(
      g.attributes.find((a: { class: string }) => a.class === 'node').attribute.map((a: { id: string }) => a.id),
    );
    expect([...declared]).toEqual(
      expect.arrayContaining(['type', 'name', 'date', 'sources', 'pageRank', 'weightedDegree', 'community']),
    );
    const ids = g.nodes.node.map((n: { id: string }) => n.id);
    expect(ids.sort()).toEqual([
      'organization:other-us-officials-at-geneva-talks',
      'organization:reporters-at-ryabkov-geneva-press-conference',
      'organization:russia',
      'organization:united-states',
      geneva.ryabkov,
      geneva.sherman,
    ]);
    for (const node of g.nodes.node) {
      for (const value of node.attvalues.attvalue) expect(declared.has(value.for)).toBe(true);
    }
    expect(
      g.edges.edge.map((e: { source: string; target: string; weight: string }) => [e.source, e.target, e.weight]),
    ).toEqual([
      [geneva.ryabkov, geneva.sherman, '2'],
      ['organization:other-us-officials-at-geneva-talks', geneva.ryabkov, '1'],
      ['organization:other-us-officials-at-geneva-talks', geneva.sherman, '1'],
      ['organization:reporters-at-ryabkov-geneva-press-conference', geneva.ryabkov, '1'],
      ['organization:russia', 'organization:united-states', '1'],
    ]);
    const parsed = parseGexf(MultiGraph, response.body);
    expect(parsed.getNodeAttribute(geneva.sherman, 'weightedDegree')).toBe(3);
  });

  it.skipIf(!hasNetworkx)('GEXF of a derived network, read back by NetworkX with its measures', async () => {
    const response = await get(api, '/export/gexf?network=who-met-whom&from=2022-01&to=2022-01');
    expect(response.status).toBe(200);
    const read = await networkxRead('gexf', response.body, geneva.ryabkov);
    expect(read).toMatchObject({ directed: false, nodes: 6, edges: 5 });
    expect(read.node).toMatchObject({ label: 'Sergei Ryabkov', type: 'Person', weightedDegree: 4, community: 0 });
    expect(read.node.pageRank).toBeCloseTo(0.2594, 4);
  });

  it('CSV as two files a spreadsheet opens: nodes and edges, quoted where text needs it', async () => {
    const nodes = await get(api, '/export/csv?part=nodes');
    const edges = await get(api, '/export/csv?part=edges');
    expect(nodes.headers.get('content-disposition')).toBe('attachment; filename="newsgraph-graph-nodes.csv"');
    const nodeRows = parseCsv<Record<string, string>>(nodes.body, { columns: true });
    const edgeRows = parseCsv<Record<string, string>>(edges.body, { columns: true });
    expect(nodeRows.length).toBe(graph.nodes);
    expect(edgeRows.length).toBe(graph.relationships);
    expect(Object.keys(nodeRows[0]!)).toEqual([
      'Id',
      'Label',
      'type',
      'name',
      'kind',
      'date',
      'datePrecision',
      'endDate',
      'sources',
    ]);
    // A statement's label is its summary, commas and quotes included.
    const statement = nodeRows.find((row) => row.Id === 'statement:sherman-some-russian-demands-non-starters')!;
    expect(statement.Label).toBe(
      'Sherman dismissed some Russian demands as non-starters, among them a ban on any further eastward expansion of NATO.',
    );
    expect(edgeRows).toContainEqual({
      Source: geneva.ryabkov,
      Target: geneva.talks,
      Type: 'Directed',
      Weight: '1',
      relationship: 'PARTICIPATED_IN',
      role: 'Russian negotiator',
      title: '',
      startDate: '',
      endDate: '',
      sources: geneva.article,
    });
  });

  it('JSON in graphology’s format, and a neighbourhood in a window as the GraphQL query gives it', async () => {
    const window = 'from: "2022-01-10", to: "2022-01-10"';
    const { neighborhood } = await api.ask(
      `{ neighborhood(of: "${geneva.ryabkov}", depth: 1, during: { ${window} }) { nodes { id } relationships { id } } }`,
    );
    const response = await get(
      api,
      `/export/json?neighborhood=${geneva.ryabkov}&depth=1&from=2022-01-10&to=2022-01-10`,
    );
    expect(response.status).toBe(200);
    const parsed = MultiDirectedGraph.from(JSON.parse(response.body));
    expect(parsed.nodes().sort()).toEqual(neighborhood.nodes.map((n: { id: string }) => n.id).sort());
    expect(parsed.size).toBe(neighborhood.relationships.length);
    // The informal meeting of the 9th lies outside the window; the talks of the 10th inside.
    expect(parsed.hasNode(geneva.informal)).toBe(false);
    expect(parsed.hasNode(geneva.talks)).toBe(true);
  });

  it('answers bad parameters with a 400 naming them, and an unknown centre with a 404', async () => {
    const bad = async (query: string, parameter: string, message: RegExp) => {
      const response = await get(api, query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = JSON.parse(response.body);
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.error.parameter, query).toBe(parameter);
      expect(body.error.message, query).toMatch(message);
    };
    await bad('/export/xml', 'format', /^Format "xml" is not one of graphml, gexf, json, csv/);
    await bad('/export/csv', 'part', /"nodes" or "edges"/);
    await bad('/export/graphml?part=nodes', 'part', /only to CSV/);
    await bad('/export/graphml?network=who-knows-whom', 'network', /who-met-whom, who-mentions-whom/);
    await bad('/export/graphml?network=who-met-whom&maxNodes=many', 'maxNodes', /must be an integer/);
    await bad(
      '/export/graphml?network=who-met-whom&maxNodes=0',
      'maxNodes',
      /^Parameter "maxNodes" must be between 1 and 100000/,
    );
    await bad('/export/graphml?network=who-met-whom&from=2022-02&to=2022-01', 'to', /must not be before from/);
    await bad('/export/graphml?network=who-met-whom&nodeTypes=place', 'nodeTypes', /may only be PERSON/);
    await bad(`/export/graphml?neighborhood=${geneva.ryabkov}&depth=9`, 'depth', /between 1 and 3/);
    await bad(
      `/export/graphml?neighborhood=${geneva.ryabkov}&relationshipTypes=KNOWS`,
      'relationshipTypes',
      /unknown type "KNOWS"/,
    );
    await bad('/export/graphml?from=2022', 'from', /the whole graph takes none/);
    await bad('/export/graphml?network=who-met-whom&network=who-mentions-whom', 'network', /given once/);
    const missing = await get(api, '/export/graphml?neighborhood=person:nobody');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.message).toBe('No node has id "person:nobody"');
  });
});

describe('exports of the synthetic graph', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startSyntheticApi();
  });
  afterAll(async () => api.close());

  it('streams the whole graph in every format with every node and relationship', async () => {
    const graph = await counts(api);
    expect(graph.relationships).toBeGreaterThan(1500);
    const graphml = await get(api, '/export/graphml');
    // Streamed: no length known in advance.
    expect(graphml.headers.get('transfer-encoding')).toBe('chunked');
    const fromGraphml = parseGraphml(MultiDirectedGraph, graphml.body);
    expect([fromGraphml.order, fromGraphml.size]).toEqual([graph.nodes, graph.relationships]);
    const fromJson = MultiDirectedGraph.from(JSON.parse((await get(api, '/export/json')).body));
    expect([fromJson.order, fromJson.size]).toEqual([graph.nodes, graph.relationships]);
    const fromGexf = parseGexf(MultiDirectedGraph, (await get(api, '/export/gexf')).body);
    expect([fromGexf.order, fromGexf.size]).toEqual([graph.nodes, graph.relationships]);
    const edges = parseCsv<Record<string, string>>((await get(api, '/export/csv?part=edges')).body, { columns: true });
    expect(edges.length).toBe(graph.relationships);
  });

  it('npm run export writes the same files from the command line', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-export-cli-'));
    onTestFinished(() => fs.rmSync(out, { recursive: true, force: true }));
    const { uri, user, password, database } = inject('neo4j');
    const env = Object.fromEntries(
      Object.entries({
        ...process.env,
        NEO4J_URI: uri,
        NEO4J_USER: user,
        NEO4J_PASSWORD: password,
        NEO4J_DATABASE: database,
      }).filter(([, value]) => value !== undefined),
    );
    const run = (args: string[]) =>
      spawnSync('npx', ['tsx', 'src/export/cli.ts', ...args], { env, encoding: 'utf8', timeout: 300_000 });
    const graphml = run([
      'graphml',
      '--network',
      'who-mentions-whom',
      '--maxNodes',
      '50',
      '--out',
      path.join(out, 'm.graphml'),
    ]);
    expect(graphml.stderr).toMatch(/wrote .*m\.graphml/);
    expect(graphml.status).toBe(0);
    const parsed = parseGraphml(MultiDirectedGraph, fs.readFileSync(path.join(out, 'm.graphml'), 'utf8'));
    expect(parsed.order).toBe(50);
    expect(parsed.getNodeAttribute(parsed.nodes()[0]!, 'pageRank')).toEqual(expect.any(Number));
    const csv = run(['csv', '--out', path.join(out, 'csv')]);
    expect(csv.status).toBe(0);
    expect(fs.readdirSync(path.join(out, 'csv')).sort()).toEqual(['edges.csv', 'nodes.csv']);
    const wrong = run(['graphml', '--depth', '2']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Parameter "depth" is not known for this export/);
  });
});
