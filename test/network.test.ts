/**
 * Derived networks: on the Geneva article, where the answers are known by reading it, and on the
 * synthetic graph, against networks computed independently from the generator's documents and
 * measures computed by NetworkX.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkModel } from '../src/network/model.js';
import { betweennessOf } from '../src/network/resolvers.js';
import { presets, syntheticDocuments } from '../src/seed/synthetic.js';
import { geneva, startGenevaApi, startSyntheticApi, type TestApi } from './helpers.js';
import { hasNetworkx, python } from './networkx.js';

const nodeFields = 'id weightedDegree weightedInDegree weightedOutDegree pageRank community';
const officials = 'organization:other-us-officials-at-geneva-talks';
const reporters = 'organization:reporters-at-ryabkov-geneva-press-conference';

interface Rel {
  from: { id: string };
  to: { id: string };
  weight: number;
}

const relKey = (rel: Rel) => `${rel.from.id}|${rel.to.id}`;

describe('derived networks on the Geneva article', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startGenevaApi();
  });
  afterAll(async () => api.close());

  async function network(args: string, selection: string) {
    return (await api.ask(`{ network(${args}) { ${selection} } }`)).network;
  }

  const relationships = 'relationships { nodes { from { id } to { id } weight } }';

  it('who met whom: Ryabkov and Sherman (two meetings) at the centre, Russia and the United States apart', async () => {
    const response = await api.query(`{ network(kind: WHO_MET_WHOM) {
      kind directed nodeCount relationshipCount truncated
      ${relationships}
      ranking(by: WEIGHTED_DEGREE, first: 2) { edges { rank node { ${nodeFields} node { ... on Person { name } } } } }
      communities { totalCount nodes { id size members { nodes { id } } } } } }`);
    expect(response.errors).toBeUndefined();
    const net = response.data.network;
    expect(net).toMatchObject({ kind: 'WHO_MET_WHOM', directed: false, nodeCount: 6, relationshipCount: 5 });
    expect(net.truncated).toBe(false);
    expect(net.relationships.nodes).toEqual([
      { from: { id: geneva.ryabkov }, to: { id: geneva.sherman }, weight: 2 },
      { from: { id: officials }, to: { id: geneva.ryabkov }, weight: 1 },
      { from: { id: officials }, to: { id: geneva.sherman }, weight: 1 },
      { from: { id: reporters }, to: { id: geneva.ryabkov }, weight: 1 },
      { from: { id: 'organization:russia' }, to: { id: 'organization:united-states' }, weight: 1 },
    ]);
    // The two negotiators are the most central people of the talks.
    expect(net.ranking.edges).toEqual([
      {
        rank: 1,
        node: {
          id: geneva.ryabkov,
          weightedDegree: 4,
          weightedInDegree: 4,
          weightedOutDegree: 4,
          pageRank: expect.closeTo(0.2594, 4),
          community: 0,
          node: { name: 'Sergei Ryabkov' },
        },
      },
      {
        rank: 2,
        node: expect.objectContaining({ id: geneva.sherman, weightedDegree: 3, node: { name: 'Wendy Sherman' } }),
      },
    ]);
    // Two groups: the talks' side (the negotiators, the other US officials, the press conference's
    // reporters), highest PageRank first; and the two states of the dialogue.
    expect(net.communities).toEqual({
      totalCount: 2,
      nodes: [
        {
          id: 0,
          size: 4,
          members: { nodes: [{ id: geneva.ryabkov }, { id: geneva.sherman }, { id: officials }, { id: reporters }] },
        },
        { id: 1, size: 2, members: { nodes: [{ id: 'organization:russia' }, { id: 'organization:united-states' }] } },
      ],
    });
    // The network is two queries, the page's nodes one more: not one per node.
    expect(response.extensions?.cypherQueries).toBe(3);
  });

  it("is drawn with no per-type fragment: each network node has its node's display name and type", async () => {
    const data = await api.ask(`{ network(kind: WHO_MENTIONS_WHOM, nodeTypes: [PERSON, ORGANIZATION, PLACE, TOPIC]) {
      nodes(first: 100) { nodes { id node { id displayName nodeType } } }
      relationships(first: 100) { nodes { from { node { displayName } } to { node { displayName } } weight } } } }`);
    const nodes = data.network.nodes.nodes as {
      id: string;
      node: { id: string; displayName: string; nodeType: string };
    }[];
    expect(new Set(nodes.map((n) => n.node.nodeType)).size).toBeGreaterThan(1);
    for (const { id, node } of nodes) {
      expect(node.id).toBe(id);
      expect(node.displayName.length).toBeGreaterThan(0);
      expect(node.nodeType).toBe(id.split(':')[0]!.toUpperCase());
    }
    expect(nodes.find((n) => n.id === geneva.ryabkov)?.node.displayName).toBe('Sergei Ryabkov');
    expect(data.network.relationships.nodes.length).toBeGreaterThan(0);
  });

  it('who mentions whom: Ryabkov speaks most, Russia is the most mentioned', async () => {
    const net = await network(
      'kind: WHO_MENTIONS_WHOM',
      `directed nodeCount truncated modularity
       top: ranking(by: WEIGHTED_DEGREE, first: 1) { nodes { ${nodeFields} } }
       people: ranking(by: WEIGHTED_DEGREE, nodeTypes: [PERSON]) { nodes { id weightedOutDegree } }
       mostMentioned: ranking(by: PAGE_RANK, first: 2) { nodes { id weightedInDegree } }
       ${relationships}`,
    );
    expect(net).toMatchObject({ directed: true, nodeCount: 6, truncated: false });
    expect(net.top.nodes[0]).toMatchObject({
      id: geneva.ryabkov,
      weightedDegree: 28,
      weightedInDegree: 0,
      weightedOutDegree: 28,
    });
    expect(net.people.nodes).toEqual([
      { id: geneva.ryabkov, weightedOutDegree: 28 },
      { id: geneva.sherman, weightedOutDegree: 6 },
    ]);
    expect(net.mostMentioned.nodes.map((n: { id: string }) => n.id)).toEqual([
      'organization:russia',
      'organization:ukraine',
    ]);
    // Ryabkov's nine statements mentioning Russia; his two about Sherman (the invasion fears, the first meeting).
    expect(net.relationships.nodes.slice(0, 1)).toEqual([
      { from: { id: geneva.ryabkov }, to: { id: 'organization:russia' }, weight: 9 },
    ]);
    expect(net.relationships.nodes).toContainEqual({
      from: { id: geneva.ryabkov },
      to: { id: geneva.sherman },
      weight: 2,
    });
  });

  it('keeps only meetings wholly inside a date window, honouring their precision', async () => {
    const met = async (during: string) =>
      (await network(`kind: WHO_MET_WHOM, during: ${during}`, relationships)).relationships.nodes as Rel[];
    const pair = (weight: number) => ({ from: { id: geneva.ryabkov }, to: { id: geneva.sherman }, weight });
    const states = { from: { id: 'organization:russia' }, to: { id: 'organization:united-states' }, weight: 1 };
    const tenth = [
      { from: { id: officials }, to: { id: geneva.ryabkov }, weight: 1 },
      { from: { id: officials }, to: { id: geneva.sherman }, weight: 1 },
      { from: { id: reporters }, to: { id: geneva.ryabkov }, weight: 1 },
    ];
    // January as a whole holds all four meetings; the dialogue, dated only "2022-01", lies in no single day.
    expect(await met('{ from: "2022-01", to: "2022-01" }')).toEqual([pair(2), ...tenth, states]);
    expect(await met('{ from: "2022-01-01", to: "2022-01-31" }')).toEqual([pair(2), ...tenth, states]);
    expect(await met('{ from: "2022-01-10", to: "2022-01-10" }')).toEqual([...tenth, pair(1)]);
    expect(await met('{ from: "2022-01-09", to: "2022-01-09" }')).toEqual([pair(1)]);
    expect(await met('{ from: "2022-01-10" }')).toEqual([...tenth, pair(1)]);
    expect(await met('{ to: "2022-01-09" }')).toEqual([pair(1)]);
    expect(await met('{ from: "2021", to: "2021" }')).toEqual([]);
    // Sherman's statements are undated: inside no window.
    const mentions = await network(
      'kind: WHO_MENTIONS_WHOM, during: { from: "2022-01-10", to: "2022-01-10" }',
      'ranking(by: WEIGHTED_DEGREE, nodeTypes: [PERSON]) { nodes { id weightedInDegree weightedOutDegree } }',
    );
    expect(mentions.ranking.nodes).toEqual([
      { id: geneva.ryabkov, weightedInDegree: 0, weightedOutDegree: 27 },
      { id: geneva.sherman, weightedInDegree: 1, weightedOutDegree: 0 },
    ]);
  });

  it('restricts to a topic and to an article set', async () => {
    const byTopic = await network('kind: WHO_MET_WHOM, topic: "topic:ukraine-nato-membership"', relationships);
    expect(byTopic.relationships.nodes.map((rel: Rel) => [relKey(rel), rel.weight])).toEqual([
      [`${officials}|${geneva.ryabkov}`, 1],
      [`${officials}|${geneva.sherman}`, 1],
      [`${reporters}|${geneva.ryabkov}`, 1],
      ['organization:russia|organization:united-states', 1],
      [`${geneva.ryabkov}|${geneva.sherman}`, 1],
    ]);
    const mentionsTopic = await network(
      'kind: WHO_MENTIONS_WHOM, topic: "topic:nato-eastward-expansion", nodeTypes: [PERSON, ORGANIZATION, TOPIC]',
      relationships,
    );
    // Sherman's remark on the non-starters.
    expect(mentionsTopic.relationships.nodes.map(relKey).sort()).toEqual([
      `${geneva.sherman}|organization:nato`,
      `${geneva.sherman}|organization:russia`,
      `${geneva.sherman}|topic:nato-eastward-expansion`,
    ]);
    const all = await network(`kind: WHO_MET_WHOM, articles: ["${geneva.article}"]`, 'nodeCount relationshipCount');
    expect(all).toEqual({ nodeCount: 6, relationshipCount: 5 });
    const none = await network(
      'kind: WHO_MET_WHOM, articles: ["article:elsewhere"]',
      `nodeCount truncated modularity ${relationships}`,
    );
    expect(none).toEqual({ nodeCount: 0, truncated: false, modularity: 0, relationships: { nodes: [] } });
  });

  it('pages through rankings with cursors and keeps the most active nodes when truncated', async () => {
    const page = async (after?: string) =>
      (
        await network(
          'kind: WHO_MENTIONS_WHOM',
          `ranking(by: WEIGHTED_DEGREE, first: 3${after ? `, after: "${after}"` : ''}) {
             totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { rank node { id } } }`,
        )
      ).ranking;
    const one = await page();
    expect(one.totalCount).toBe(6);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await page(one.pageInfo.endCursor);
    expect(two.edges.map((edge: { rank: number }) => edge.rank)).toEqual([4, 5, 6]);
    expect(two.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const ids = [...one.edges, ...two.edges].map((edge: { node: { id: string } }) => edge.node.id);
    expect(new Set(ids).size).toBe(6);

    const small = await network(
      'kind: WHO_MENTIONS_WHOM, maxNodes: 2',
      `nodeCount truncated nodes { nodes { id } } ${relationships}`,
    );
    // Ryabkov and Russia are in the most statements that mention something.
    expect(small).toEqual({
      nodeCount: 2,
      truncated: true,
      nodes: { nodes: [{ id: 'organization:russia' }, { id: geneva.ryabkov }] },
      relationships: { nodes: [{ from: { id: geneva.ryabkov }, to: { id: 'organization:russia' }, weight: 9 }] },
    });
  });

  it('names the argument at fault', async () => {
    const error = async (args: string) => {
      const response = await api.query(`{ network(${args}) { nodeCount } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return response.errors![0]!.message;
    };
    expect(await error('kind: WHO_MET_WHOM, maxNodes: 0')).toBe(
      'Argument "maxNodes" must be between 1 and 5000, got 0',
    );
    expect(await error('kind: WHO_MET_WHOM, nodeTypes: [PLACE]')).toMatch(/^Argument "nodeTypes" may only be PERSON/);
    expect(await error('kind: WHO_MENTIONS_WHOM, nodeTypes: [TOPIC]')).toMatch(/^Argument "nodeTypes" must include/);
    expect(await error('kind: WHO_MET_WHOM, during: { from: "2022-02", to: "2022-01" }')).toBe(
      'Argument "during.to" must not be before during.from ("2022-01" is before "2022-02")',
    );
    expect(await error('kind: WHO_MET_WHOM, during: { from: "10.01.2022" }')).toMatch(
      /^Argument "during.from" must be a date/,
    );
    expect(await error('kind: WHO_MET_WHOM, articles: []')).toMatch(/^Argument "articles" must name/);
    const cursor = await api.query('{ network(kind: WHO_MET_WHOM) { nodes(after: "bm9wZQ") { totalCount } } }');
    expect(cursor.errors?.[0]?.message).toMatch(/^Argument "after" is not a cursor/);
  });

  it('is cost-limited like every other field', async () => {
    const response = await api.query(`{ network(kind: WHO_MET_WHOM) {
      communities(first: 100) { nodes { members(first: 100) { nodes { node { ... on Person {
        statements(first: 100) { nodes { id } } } } } } } } } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });
});

/** The synthetic documents' who-met-whom network, computed here from the generator's output. */
function expectedMeetings(from: string, to: string) {
  const weights = new Map<string, number>();
  const activity = new Map<string, number>();
  for (const doc of syntheticDocuments(presets.tiny!, 1)) {
    for (const meeting of doc.meetings ?? []) {
      const date = meeting.date!;
      if (date < from || date > to) continue;
      const members = [...new Set(meeting.participants!.map((p) => p.entity))].sort();
      if (members.length < 2) continue;
      for (const member of members) activity.set(member, (activity.get(member) ?? 0) + 1);
      members.forEach((a, i) =>
        members.slice(i + 1).forEach((b) => weights.set(`${a}|${b}`, (weights.get(`${a}|${b}`) ?? 0) + 1)),
      );
    }
  }
  return { weights, activity };
}

describe('derived networks on the synthetic graph', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startSyntheticApi();
  });
  afterAll(async () => api.close());

  /** Every relationship of a network, page by page. */
  async function allRelationships(args: string): Promise<Rel[]> {
    const out: Rel[] = [];
    let after: string | null = null;
    for (;;) {
      const { network }: { network: any } = await api.ask(
        `query ($after: String) { network(${args}) { relationships(first: 100, after: $after) {
           pageInfo { hasNextPage endCursor } nodes { from { id } to { id } weight } } } }`,
        { after },
      );
      out.push(...network.relationships.nodes);
      if (!network.relationships.pageInfo.hasNextPage) return out;
      after = network.relationships.pageInfo.endCursor;
    }
  }

  it('matches who met whom computed from the generated documents, in a window', async () => {
    const { weights } = expectedMeetings('2021-01-01', '2021-12-31');
    const got = await allRelationships('kind: WHO_MET_WHOM, during: { from: "2021", to: "2021" }, maxNodes: 5000');
    expect(got.length).toBeGreaterThan(50);
    expect(new Map(got.map((rel) => [relKey(rel), rel.weight]))).toEqual(weights);
    // Heaviest first, then by ids.
    const order = got.map((rel) => [-rel.weight, rel.from.id, rel.to.id] as const);
    const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || compare(x[1], y[1]) || compare(x[2], y[2])));
  });

  it('keeps the most active nodes when truncated', async () => {
    const { activity } = expectedMeetings('0000', '9999');
    const top = [...activity].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    // A clean cut: the 20th is more active than the 21st, so the top 20 are unambiguous.
    const cut = top.findIndex((entry, i) => i >= 20 && entry[1] < top[i - 1]![1]);
    const { network } = await api.ask(`{ network(kind: WHO_MET_WHOM, maxNodes: ${cut}) {
      nodeCount truncated nodes(first: 100) { nodes { id } } } }`);
    expect(network.truncated).toBe(true);
    expect(network.nodeCount).toBe(cut);
    expect(network.nodes.nodes.map((n: { id: string }) => n.id)).toEqual(
      top
        .slice(0, cut)
        .map(([id]) => id)
        .sort(),
    );
  });

  it('gives the same communities for the same seed, and communities worth the name', async () => {
    const query = (seed: number) =>
      api.ask(`{ network(kind: WHO_MENTIONS_WHOM, maxNodes: 300, seed: ${seed}) {
        modularity communities(first: 100) { nodes { id size members(first: 100) { nodes { id } } } } } }`);
    const [a, b] = [await query(7), await query(7)];
    expect(a).toEqual(b);
    expect(a.network.modularity).toBeGreaterThan(0.1);
    expect(a.network.communities.nodes.length).toBeGreaterThan(1);
  });

  it.skipIf(!hasNetworkx)('computes PageRank, betweenness and degrees as NetworkX does', async () => {
    // Both networks are fetched before Python runs: a long pause between requests would let the server
    // close the kept-alive connection just as the next request reuses it.
    const fetched = [];
    for (const kind of ['WHO_MET_WHOM', 'WHO_MENTIONS_WHOM'] as const) {
      const args = `kind: ${kind}, maxNodes: 150`;
      const rels = await allRelationships(args);
      const nodes: { id: string; weightedDegree: number; pageRank: number; betweenness: number }[] = [];
      let after: string | null = null;
      for (;;) {
        const { network }: { network: any } = await api.ask(
          `query ($after: String) { network(${args}) { nodes(first: 100, after: $after) {
             pageInfo { hasNextPage endCursor } nodes { id weightedDegree pageRank betweenness } } } }`,
          { after },
        );
        nodes.push(...network.nodes.nodes);
        if (!network.nodes.pageInfo.hasNextPage) break;
        after = network.nodes.pageInfo.endCursor;
      }
      fetched.push({ kind, rels, nodes });
    }
    for (const { kind, rels, nodes } of fetched) {
      const expected = await python<Record<string, { degree: number; pagerank: number; betweenness: number }>>(
        `
import json, sys, networkx as nx
data = json.load(sys.stdin)
G = nx.DiGraph() if data['directed'] else nx.Graph()
G.add_nodes_from(data['nodes'])
for s, t, w in data['edges']: G.add_edge(s, t, weight=w)
pr = nx.pagerank(G, alpha=0.85, weight='weight', tol=1e-10, max_iter=1000)
bc = nx.betweenness_centrality(G, normalized=True)
print(json.dumps({n: {'degree': G.degree(n, weight='weight'), 'pagerank': pr[n], 'betweenness': bc[n]} for n in G}))
`,
        JSON.stringify({
          directed: kind === 'WHO_MENTIONS_WHOM',
          nodes: nodes.map((n) => n.id),
          edges: rels.map((rel) => [rel.from.id, rel.to.id, rel.weight]),
        }),
      );
      expect(nodes.length).toBeGreaterThan(100);
      for (const node of nodes) {
        const want = expected[node.id]!;
        expect(node.weightedDegree, node.id).toBe(want.degree);
        expect(node.pageRank, `${kind} pageRank ${node.id}`).toBeCloseTo(want.pagerank, 4);
        expect(node.betweenness, `${kind} betweenness ${node.id}`).toBeCloseTo(want.betweenness, 6);
      }
    }
  });
});

describe('the betweenness guard', () => {
  it('refuses a network whose nodes × relationships exceed the budget, naming maxNodes', () => {
    const star = (leaves: number) =>
      new NetworkModel({
        kind: 'WHO_MET_WHOM',
        directed: false,
        truncated: false,
        nodes: Array.from({ length: leaves + 1 }, (_, i) => ({
          id: `person:p${String(i).padStart(5, '0')}`,
          type: 'Person' as const,
        })),
        relationships: Array.from({ length: leaves }, (_, i) => ({
          source: 'person:p00000',
          target: `person:p${String(i + 1).padStart(5, '0')}`,
          weight: 1,
        })),
      });
    // 4,001 × 4,000 = 16 million: computed, the centre lies on every path between leaves.
    const small = star(4000);
    expect(betweennessOf(small).measure(small.node('person:p00000'), 'BETWEENNESS')).toBeCloseTo(1, 6);
    // 5,001 × 5,000 = 25 million: refused before any work.
    expect(() => betweennessOf(star(5000))).toThrow(
      'Argument "maxNodes" gives a network of 5001 nodes and 5000 relationships, too large for betweenness',
    );
  });
});
