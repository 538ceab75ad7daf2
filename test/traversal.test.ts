/**
 * Traversals over a small hand-made graph whose answers are known:
 *
 *   alice ─PARTICIPATED_IN→ m1 ←PARTICIPATED_IN─ bob ─PARTICIPATED_IN→ m2 ←PARTICIPATED_IN─ carol
 *   alice → m3 ← dave, alice → m4 ← dave, erin → m4            (a diamond alice–dave through m3 and m4)
 *   alice ─HOLDS_POSITION(Minister)→ ministry ←HOLDS_POSITION(Adviser, Spokesperson)─ carol
 *   erin ─HOLDS_POSITION(Adviser, Deputy Minister)→ ministry ─BASED_IN→ capital
 *   article ─PUBLISHED_BY→ trav-news                             (apart from the rest)
 */
import { MultiUndirectedGraph } from 'graphology';
import { bidirectional, singleSourceLength } from 'graphology-shortest-path/unweighted.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDocuments } from '../src/seed/seeder.js';
import { geneva, startGenevaApi, startSyntheticApi, startTestApi, type TestApi } from './helpers.js';

const article = 'article:traversal-fixture';

const document = {
  article: {
    id: article,
    sourceFile: 'traversal-fixture.txt',
    headline: 'A small graph for the traversal tests',
    publisher: 'organization:trav-news',
    published: '2022-01-10',
    language: 'en',
  },
  places: [{ id: 'place:capital', name: 'Capital', kind: 'CITY' }],
  organizations: [
    { id: 'organization:trav-news', name: 'Trav News', kind: 'NEWS_OUTLET' },
    { id: 'organization:ministry', name: 'Ministry', kind: 'MINISTRY', basedIn: 'place:capital' },
  ],
  people: [
    { id: 'person:alice', name: 'Alice', positions: [{ organization: 'organization:ministry', title: 'Minister' }] },
    { id: 'person:bob', name: 'Bob' },
    {
      id: 'person:carol',
      name: 'Carol',
      positions: [
        { organization: 'organization:ministry', title: 'Adviser', start: '2020' },
        { organization: 'organization:ministry', title: 'Spokesperson' },
      ],
    },
    { id: 'person:dave', name: 'Dave' },
    {
      id: 'person:erin',
      name: 'Erin',
      positions: [
        { organization: 'organization:ministry', title: 'Adviser' },
        { organization: 'organization:ministry', title: 'Deputy Minister' },
      ],
    },
  ],
  meetings: [
    {
      id: 'meeting:m1',
      name: 'M1',
      kind: 'TALKS',
      date: '2022-01-01',
      participants: [{ entity: 'person:alice' }, { entity: 'person:bob' }],
    },
    {
      id: 'meeting:m2',
      name: 'M2',
      kind: 'TALKS',
      date: '2022-01-02',
      participants: [{ entity: 'person:bob', role: 'host' }, { entity: 'person:carol' }],
    },
    {
      id: 'meeting:m3',
      name: 'M3',
      kind: 'TALKS',
      date: '2022-01-03',
      participants: [{ entity: 'person:alice' }, { entity: 'person:dave' }],
    },
    {
      id: 'meeting:m4',
      name: 'M4',
      kind: 'TALKS',
      date: '2022-01-04',
      participants: [{ entity: 'person:alice' }, { entity: 'person:dave' }, { entity: 'person:erin' }],
    },
  ],
};

const pathFields = 'length nodes { id } relationships { id }';
const relationshipFields = 'id type from { id } to { id } properties sourceIds';

const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe('traversals', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    await api.reset();
    await seedDocuments(api.driver, [{ file: 'traversal-fixture', raw: document }], { database: api.database });
  });
  afterAll(async () => api.close());

  /** The data of a query that must succeed. */
  async function data(query: string, variables?: Record<string, unknown>) {
    const response = await api.query(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  async function shortest(from: string, to: string, extra = '') {
    const result = await data(`{ shortestPath(from: "${from}", to: "${to}"${extra}) { ${pathFields} } }`);
    return result.shortestPath;
  }

  describe('shortestPath', () => {
    it('follows the one shortest path, with each relationship as stored, in one query', async () => {
      const response = await api.query(
        `{ shortestPath(from: "person:bob", to: "person:carol") {
             length nodes { __typename id ... on Person { name } } relationships { ${relationshipFields} } } }`,
      );
      expect(response.errors).toBeUndefined();
      expect(response.data.shortestPath).toEqual({
        length: 2,
        nodes: [
          { __typename: 'Person', id: 'person:bob', name: 'Bob' },
          { __typename: 'Meeting', id: 'meeting:m2' },
          { __typename: 'Person', id: 'person:carol', name: 'Carol' },
        ],
        relationships: [
          {
            id: 'person:bob|PARTICIPATED_IN|meeting:m2',
            type: 'PARTICIPATED_IN',
            from: { id: 'person:bob' },
            to: { id: 'meeting:m2' },
            properties: { role: 'host' },
            sourceIds: [article],
          },
          {
            // Path order, the relationship's own direction.
            id: 'person:carol|PARTICIPATED_IN|meeting:m2',
            type: 'PARTICIPATED_IN',
            from: { id: 'person:carol' },
            to: { id: 'meeting:m2' },
            properties: {},
            sourceIds: [article],
          },
        ],
      });
      // The endpoints were primed from the path: no query beyond the path's own.
      expect(response.extensions?.cypherQueries).toBe(1);
    });

    it('takes the shortcut through the ministry unless only PARTICIPATED_IN is followed', async () => {
      expect(ids((await shortest('person:alice', 'person:carol')).nodes)).toEqual([
        'person:alice',
        'organization:ministry',
        'person:carol',
      ]);
      const meetingsOnly = await shortest('person:alice', 'person:carol', ', relationshipTypes: [PARTICIPATED_IN]');
      expect(meetingsOnly).toEqual({
        length: 4,
        nodes: [
          { id: 'person:alice' },
          { id: 'meeting:m1' },
          { id: 'person:bob' },
          { id: 'meeting:m2' },
          { id: 'person:carol' },
        ],
        relationships: [
          { id: 'person:alice|PARTICIPATED_IN|meeting:m1' },
          { id: 'person:bob|PARTICIPATED_IN|meeting:m1' },
          { id: 'person:bob|PARTICIPATED_IN|meeting:m2' },
          { id: 'person:carol|PARTICIPATED_IN|meeting:m2' },
        ],
      });
    });

    it('finds a six-hop chain within the default maxHops and none within five', async () => {
      const types = ', relationshipTypes: [PARTICIPATED_IN]';
      const chain = await shortest('person:erin', 'person:carol', types);
      expect(chain.length).toBe(6);
      expect(ids(chain.nodes)).toEqual([
        'person:erin',
        'meeting:m4',
        'person:alice',
        'meeting:m1',
        'person:bob',
        'meeting:m2',
        'person:carol',
      ]);
      expect(await shortest('person:erin', 'person:carol', `${types}, maxHops: 5`)).toBeNull();
      // Without the filter, the ministry is two hops away from both.
      expect((await shortest('person:erin', 'person:carol', ', maxHops: 2')).length).toBe(2);
    });

    it('returns null when the filter leaves no way through', async () => {
      expect((await shortest('person:dave', 'place:capital')).length).toBe(4);
      expect(await shortest('person:dave', 'place:capital', ', relationshipTypes: [PARTICIPATED_IN]')).toBeNull();
      expect(await shortest('person:alice', 'organization:trav-news')).toBeNull();
    });

    it('returns a path of length 0 from a node to itself, and null for unknown ids', async () => {
      expect(await shortest('person:alice', 'person:alice')).toEqual({
        length: 0,
        nodes: [{ id: 'person:alice' }],
        relationships: [],
      });
      expect(await shortest('person:nobody', 'person:nobody')).toBeNull();
      expect(await shortest('person:nobody', 'person:alice')).toBeNull();
      expect(await shortest('person:alice', 'person:nobody')).toBeNull();
    });
  });

  describe('allShortestPaths', () => {
    const all = async (args: string) =>
      (await data(`{ allShortestPaths(${args}) { nodes { ${pathFields} } } }`)).allShortestPaths.nodes as {
        length: number;
        nodes: { id: string }[];
        relationships: { id: string }[];
      }[];

    it('returns exactly the two sides of the diamond, in node-id order', async () => {
      const paths = await all('from: "person:alice", to: "person:dave"');
      expect(paths.map((path) => ids(path.nodes))).toEqual([
        ['person:alice', 'meeting:m3', 'person:dave'],
        ['person:alice', 'meeting:m4', 'person:dave'],
      ]);
      expect(paths.map((path) => path.length)).toEqual([2, 2]);
      expect((await all('from: "person:alice", to: "person:dave", first: 1')).map((p) => ids(p.nodes))).toEqual([
        ['person:alice', 'meeting:m3', 'person:dave'],
      ]);
    });

    it('tells apart two positions between the same person and organization by title', async () => {
      const paths = await all('from: "person:alice", to: "person:carol"');
      expect(paths.map((path) => path.relationships.map((r) => r.id)).sort()).toEqual([
        [
          'person:alice|HOLDS_POSITION|organization:ministry|Minister',
          'person:carol|HOLDS_POSITION|organization:ministry|Adviser',
        ],
        [
          'person:alice|HOLDS_POSITION|organization:ministry|Minister',
          'person:carol|HOLDS_POSITION|organization:ministry|Spokesperson',
        ],
      ]);
    });

    it('follows only the given relationship types and gives [] when nothing connects', async () => {
      const paths = await all('from: "person:alice", to: "person:carol", relationshipTypes: [PARTICIPATED_IN]');
      expect(paths.map((path) => ids(path.nodes))).toEqual([
        ['person:alice', 'meeting:m1', 'person:bob', 'meeting:m2', 'person:carol'],
      ]);
      expect(
        await all('from: "person:alice", to: "person:carol", relationshipTypes: [PARTICIPATED_IN], maxHops: 3'),
      ).toEqual([]);
      expect(await all('from: "person:alice", to: "person:nobody"')).toEqual([]);
      expect(await all('from: "person:alice", to: "person:alice"')).toEqual([
        { length: 0, nodes: [{ id: 'person:alice' }], relationships: [] },
      ]);
    });
  });

  describe('neighborhood', () => {
    const around = async (args: string) => {
      const response = await api.query(
        `{ neighborhood(${args}) { nodes { id } relationships { id from { id } to { id } } truncated } }`,
      );
      expect(response.errors).toBeUndefined();
      const subgraph = response.data.neighborhood;
      return subgraph === null
        ? null
        : {
            nodes: ids(subgraph.nodes),
            relationships: (subgraph.relationships as { id: string }[]).map((r) => r.id),
            truncated: subgraph.truncated as boolean,
            queries: response.extensions?.cypherQueries as number,
            raw: subgraph,
          };
    };

    const aliceRelationships = [
      'person:alice|HOLDS_POSITION|organization:ministry|Minister',
      'person:alice|PARTICIPATED_IN|meeting:m1',
      'person:alice|PARTICIPATED_IN|meeting:m3',
      'person:alice|PARTICIPATED_IN|meeting:m4',
    ];

    it('gives the direct neighbours at depth 1, centre first', async () => {
      const subgraph = await around('of: "person:alice"');
      expect(subgraph).toMatchObject({
        nodes: ['person:alice', 'meeting:m1', 'meeting:m3', 'meeting:m4', 'organization:ministry'],
        relationships: aliceRelationships,
        truncated: false,
        queries: 3,
      });
    });

    it('adds the second ring at depth 2, with every relationship among the nodes and none beyond', async () => {
      const subgraph = await around('of: "person:alice", depth: 2');
      expect(subgraph!.nodes).toEqual([
        'person:alice',
        'meeting:m1',
        'meeting:m3',
        'meeting:m4',
        'organization:ministry',
        'person:bob',
        'person:carol',
        'person:dave',
        'person:erin',
        'place:capital',
      ]);
      expect(subgraph!.relationships.sort()).toEqual(
        [
          ...aliceRelationships,
          'organization:ministry|BASED_IN|place:capital',
          'person:bob|PARTICIPATED_IN|meeting:m1',
          'person:carol|HOLDS_POSITION|organization:ministry|Adviser',
          'person:carol|HOLDS_POSITION|organization:ministry|Spokesperson',
          'person:dave|PARTICIPATED_IN|meeting:m3',
          'person:dave|PARTICIPATED_IN|meeting:m4',
          'person:erin|HOLDS_POSITION|organization:ministry|Adviser',
          'person:erin|HOLDS_POSITION|organization:ministry|Deputy Minister',
          'person:erin|PARTICIPATED_IN|meeting:m4',
        ].sort(),
      );
      // bob → m2 leads out of the subgraph: it is not drawn.
      expect(subgraph!.relationships).not.toContain('person:bob|PARTICIPATED_IN|meeting:m2');
      expect(subgraph!.truncated).toBe(false);
      // Two levels, then the nodes and the relationships; from/to were primed.
      expect(subgraph!.queries).toBe(4);
    });

    it('cuts the answer at `limit` and says so, nearest first', async () => {
      const subgraph = await around('of: "person:alice", depth: 2, limit: 7');
      expect(subgraph!.nodes).toEqual([
        'person:alice',
        'meeting:m1',
        'meeting:m3',
        'meeting:m4',
        'organization:ministry',
        'person:bob',
        'person:carol',
      ]);
      expect(subgraph!.truncated).toBe(true);
      expect(subgraph!.relationships.sort()).toEqual(
        [
          ...aliceRelationships,
          'person:bob|PARTICIPATED_IN|meeting:m1',
          'person:carol|HOLDS_POSITION|organization:ministry|Adviser',
          'person:carol|HOLDS_POSITION|organization:ministry|Spokesperson',
        ].sort(),
      );
      const returned = new Set(subgraph!.nodes);
      for (const rel of subgraph!.raw.relationships) {
        expect(returned.has(rel.from.id) && returned.has(rel.to.id)).toBe(true);
      }
    });

    it('is not truncated when the limit holds exactly what lies within reach', async () => {
      const exact = await around('of: "person:alice", depth: 2, limit: 10');
      expect(exact!.nodes).toHaveLength(10);
      expect(exact!.truncated).toBe(false);
      // One hop further lies m2 (through bob and carol): the eleventh node.
      const further = await around('of: "person:alice", depth: 3, limit: 10');
      expect(further!.nodes).toHaveLength(10);
      expect(further!.truncated).toBe(true);
      const all = await around('of: "person:alice", depth: 3, limit: 11');
      expect(all!.nodes.at(-1)).toBe('meeting:m2');
      expect(all!.truncated).toBe(false);
      // A limit of 1 keeps the centre alone.
      expect(await around('of: "person:alice", limit: 1')).toMatchObject({
        nodes: ['person:alice'],
        relationships: [],
        truncated: true,
      });
    });

    it('follows only the given relationship types', async () => {
      const subgraph = await around('of: "person:alice", depth: 2, relationshipTypes: [HOLDS_POSITION]');
      expect(subgraph!.nodes).toEqual(['person:alice', 'organization:ministry', 'person:carol', 'person:erin']);
      expect(subgraph!.relationships).toEqual([
        'person:alice|HOLDS_POSITION|organization:ministry|Minister',
        'person:carol|HOLDS_POSITION|organization:ministry|Adviser',
        'person:carol|HOLDS_POSITION|organization:ministry|Spokesperson',
        'person:erin|HOLDS_POSITION|organization:ministry|Adviser',
        'person:erin|HOLDS_POSITION|organization:ministry|Deputy Minister',
      ]);
    });

    it('is null for an unknown centre', async () => {
      expect(await around('of: "person:nobody", depth: 2')).toBeNull();
    });
  });

  describe('whoMetWhom', () => {
    it('lists the people met, most shared meetings first, with those meetings', async () => {
      const result = await data(
        `{ whoMetWhom(person: "person:alice") {
             totalCount edges { meetingCount node { id } meetings { totalCount nodes { id } } } } }`,
      );
      expect(result.whoMetWhom).toEqual({
        totalCount: 3,
        edges: [
          {
            meetingCount: 2,
            node: { id: 'person:dave' },
            meetings: { totalCount: 2, nodes: [{ id: 'meeting:m3' }, { id: 'meeting:m4' }] },
          },
          { meetingCount: 1, node: { id: 'person:bob' }, meetings: { totalCount: 1, nodes: [{ id: 'meeting:m1' }] } },
          { meetingCount: 1, node: { id: 'person:erin' }, meetings: { totalCount: 1, nodes: [{ id: 'meeting:m4' }] } },
        ],
      });
    });

    it('pages with first and after', async () => {
      const first = await data(
        '{ whoMetWhom(person: "person:alice", first: 2) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
      );
      expect(ids(first.whoMetWhom.edges.map((e: any) => e.node))).toEqual(['person:dave', 'person:bob']);
      expect(first.whoMetWhom.pageInfo.hasNextPage).toBe(true);
      const rest = await data(
        'query ($after: String) { whoMetWhom(person: "person:alice", after: $after) { edges { node { id } } } }',
        {
          after: first.whoMetWhom.pageInfo.endCursor,
        },
      );
      expect(ids(rest.whoMetWhom.edges.map((e: any) => e.node))).toEqual(['person:erin']);
    });

    it('is null for an unknown id and for a node that is not a person', async () => {
      const result = await data(
        `{ unknown: whoMetWhom(person: "person:nobody") { totalCount }
           meeting: whoMetWhom(person: "meeting:m1") { totalCount } }`,
      );
      expect(result).toEqual({ unknown: null, meeting: null });
    });
  });

  describe('commonConnections', () => {
    const common = async (args: string) =>
      (
        await data(
          `{ commonConnections(${args}) { edges { node { id } relationshipsToA { id } relationshipsToB { id } } } }`,
        )
      ).commonConnections.edges.map((c: any) => ({
        node: c.node.id,
        toA: c.relationshipsToA.map((r: any) => r.id),
        toB: c.relationshipsToB.map((r: any) => r.id),
      }));

    it('gives the meetings both attended', async () => {
      expect(await common('a: "person:alice", b: "person:dave"')).toEqual([
        {
          node: 'meeting:m3',
          toA: ['person:alice|PARTICIPATED_IN|meeting:m3'],
          toB: ['person:dave|PARTICIPATED_IN|meeting:m3'],
        },
        {
          node: 'meeting:m4',
          toA: ['person:alice|PARTICIPATED_IN|meeting:m4'],
          toB: ['person:dave|PARTICIPATED_IN|meeting:m4'],
        },
      ]);
    });

    it('puts the node with most relationships first, and filters by type', async () => {
      expect(await common('a: "person:alice", b: "person:erin"')).toEqual([
        {
          node: 'organization:ministry',
          toA: ['person:alice|HOLDS_POSITION|organization:ministry|Minister'],
          toB: [
            'person:erin|HOLDS_POSITION|organization:ministry|Adviser',
            'person:erin|HOLDS_POSITION|organization:ministry|Deputy Minister',
          ],
        },
        {
          node: 'meeting:m4',
          toA: ['person:alice|PARTICIPATED_IN|meeting:m4'],
          toB: ['person:erin|PARTICIPATED_IN|meeting:m4'],
        },
      ]);
      expect(
        (await common('a: "person:alice", b: "person:erin", relationshipTypes: [PARTICIPATED_IN]')).map(
          (c: any) => c.node,
        ),
      ).toEqual(['meeting:m4']);
      expect((await common('a: "person:alice", b: "person:erin", first: 1')).map((c: any) => c.node)).toEqual([
        'organization:ministry',
      ]);
    });

    it('gives the properties of the relationships and [] when there is nothing in common', async () => {
      const result = await data(
        `{ commonConnections(a: "person:alice", b: "person:carol") {
             edges { node { id } relationshipsToB { type properties sourceIds } } } }`,
      );
      expect(result.commonConnections.edges).toEqual([
        {
          node: { id: 'organization:ministry' },
          relationshipsToB: [
            {
              type: 'HOLDS_POSITION',
              properties: { title: 'Adviser', startDate: '2020' },
              sourceIds: [article],
            },
            { type: 'HOLDS_POSITION', properties: { title: 'Spokesperson' }, sourceIds: [article] },
          ],
        },
      ]);
      expect(await common('a: "person:bob", b: "person:dave"')).toEqual([]);
      expect(await common('a: "person:alice", b: "person:nobody"')).toEqual([]);
    });
  });

  describe('bad arguments', () => {
    it.each([
      ['maxHops', '{ shortestPath(from: "person:alice", to: "person:bob", maxHops: 11) { length } }'],
      ['maxHops', '{ allShortestPaths(from: "person:alice", to: "person:bob", maxHops: 0) { totalCount } }'],
      ['first', '{ allShortestPaths(from: "person:alice", to: "person:bob", first: 101) { totalCount } }'],
      ['depth', '{ neighborhood(of: "person:alice", depth: 4) { truncated } }'],
      ['limit', '{ neighborhood(of: "person:alice", limit: 0) { truncated } }'],
      ['limit', '{ neighborhood(of: "person:alice", limit: 1001) { truncated } }'],
      ['first', '{ whoMetWhom(person: "person:alice", first: 101) { totalCount } }'],
      ['after', '{ whoMetWhom(person: "person:alice", after: "nonsense") { totalCount } }'],
      ['first', '{ commonConnections(a: "person:alice", b: "person:dave", first: 101) { totalCount } }'],
      ['first', '{ commonConnections(a: "person:alice", b: "person:dave", first: 0) { totalCount } }'],
      ['last', '{ commonConnections(a: "person:alice", b: "person:dave", last: 101) { totalCount } }'],
      ['before', '{ allShortestPaths(from: "person:alice", to: "person:dave", before: "nonsense") { totalCount } }'],
    ])('rejects a bad %s with BAD_USER_INPUT naming it', async (argument, query) => {
      const response = await api.query(query);
      expect(response.errors).toHaveLength(1);
      expect(response.errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors![0]!.message).toContain(`"${argument}"`);
    });

    it('rejects a relationship type that does not exist before resolving', async () => {
      const response = await api.query(
        '{ shortestPath(from: "person:alice", to: "person:bob", relationshipTypes: [KNOWS]) { length } }',
      );
      expect(response.errors![0]!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });
  describe('date windows', () => {
    const paths = async (args: string) =>
      (
        (await data(`{ allShortestPaths(${args}) { nodes { nodes { id } } } }`)).allShortestPaths.nodes as {
          nodes: { id: string }[];
        }[]
      ).map((path) => ids(path.nodes));

    it('passes only through meetings inside the window, at the precision of each date', async () => {
      const both = [
        ['person:alice', 'meeting:m3', 'person:dave'],
        ['person:alice', 'meeting:m4', 'person:dave'],
      ];
      expect(await paths('from: "person:alice", to: "person:dave", during: { from: "2022-01" }')).toEqual(both);
      expect(await paths('from: "person:alice", to: "person:dave", during: { from: "2022", to: "2022" }')).toEqual(
        both,
      );
      expect(await paths('from: "person:alice", to: "person:dave", during: { from: "2022-01-04" }')).toEqual([both[1]]);
      expect(
        await paths('from: "person:alice", to: "person:dave", during: { from: "2022-01-03", to: "2022-01-03" }'),
      ).toEqual([both[0]]);
      // Outside every meeting, alice and dave have nothing else in common.
      expect(await paths('from: "person:alice", to: "person:dave", during: { from: "2023" }')).toEqual([]);
    });

    it('bounds shortestPath: a chain through m4 is cut when the window ends before it', async () => {
      const types = 'relationshipTypes: [PARTICIPATED_IN]';
      expect((await shortest('person:erin', 'person:carol', `, ${types}, during: { to: "2022-01-04" }`)).length).toBe(
        6,
      );
      expect(await shortest('person:erin', 'person:carol', `, ${types}, during: { to: "2022-01-03" }`)).toBeNull();
      // A meeting named as an end is the caller's choice, inside the window or not.
      expect(
        (await shortest('meeting:m4', 'person:bob', `, ${types}, during: { from: "2022-01-01", to: "2022-01-01" }`))
          .length,
      ).toBe(3);
    });

    it('bounds neighborhood: meetings outside the window are neither reached nor passed', async () => {
      const result = await data(
        '{ neighborhood(of: "person:alice", depth: 2, during: { from: "2022-01-02" }) { nodes { id } } }',
      );
      expect(ids(result.neighborhood.nodes).sort()).toEqual(
        [
          'person:alice',
          'meeting:m3',
          'meeting:m4',
          'organization:ministry',
          'person:dave',
          'person:erin',
          'person:carol',
          'place:capital',
        ].sort(),
      );
    });

    it('names a bad window', async () => {
      const response = await api.query(
        '{ shortestPath(from: "person:alice", to: "person:dave", during: { from: "2022-13" }) { length } }',
      );
      expect(response.errors?.[0]?.message).toBe(
        'Argument "during.from" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "2022-13"',
      );
    });
  });
});

/**
 * Time-bounded traversals on the synthetic graph, checked against an independent computation: the
 * whole graph read into graphology, meetings and statements outside the window removed, then
 * breadth-first search there.
 */
describe('time-bounded traversals on the synthetic graph', () => {
  let api: TestApi;
  /** Undirected, one edge per relationship (so parallel ones count as distinct paths, as in Neo4j). */
  let whole: MultiUndirectedGraph;
  const window = { from: '2021-03', to: '2021-08' };
  const during = `during: { from: "${window.from}", to: "${window.to}" }`;
  const inside = (date: string | undefined) => date !== undefined && date >= '2021-03-01' && date <= '2021-08-31~';

  /** The graph with the meetings and statements outside the window removed, the ends kept. */
  function windowed(graph: MultiUndirectedGraph, keep: string[], types?: string[], bounded = true) {
    const filtered = new MultiUndirectedGraph();
    graph.forEachNode((node, attributes) => {
      const dated = attributes.label === 'Meeting' || attributes.label === 'Statement';
      if (!bounded || !dated || inside(attributes.date as string | undefined) || keep.includes(node)) {
        filtered.addNode(node, attributes);
      }
    });
    graph.forEachEdge((_edge, attributes, source, target) => {
      if (
        filtered.hasNode(source) &&
        filtered.hasNode(target) &&
        (!types || types.includes(attributes.type as string))
      ) {
        filtered.addEdge(source, target, attributes);
      }
    });
    return filtered;
  }

  /** How many shortest paths join two nodes, counting parallel relationships apart. */
  function countShortestPaths(graph: MultiUndirectedGraph, from: string, to: string): number {
    const distance = singleSourceLength(graph, from);
    const count = new Map<string, number>([[from, 1]]);
    const order = Object.keys(distance).sort((a, b) => distance[a]! - distance[b]!);
    for (const node of order) {
      if (node === from) continue;
      let total = 0;
      graph.forEachEdge(node, (_edge, _attributes, source, target) => {
        const other = source === node ? target : source;
        if (distance[other] === distance[node]! - 1) total += count.get(other) ?? 0;
      });
      count.set(node, total);
    }
    return count.get(to) ?? 0;
  }

  beforeAll(async () => {
    api = await startSyntheticApi();
    whole = new MultiUndirectedGraph();
    for (const row of await api.cypher('MATCH (n:Node) RETURN n.id AS id, labels(n) AS labels, n.date AS date')) {
      whole.addNode(row.id, { label: (row.labels as string[]).find((l) => l !== 'Node'), date: row.date ?? undefined });
    }
    for (const row of await api.cypher('MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS a, b.id AS b, type(r) AS type')) {
      whole.addEdge(row.a, row.b, { type: row.type });
    }
  });
  afterAll(async () => api.close());

  const people = Array.from({ length: 8 }, (_, i) => `person:person-${i * 23 + 5}`);
  const pairs = people.flatMap((a, i) => people.slice(i + 1, i + 3).map((b) => [a, b] as const));

  it('shortestPath has the length of the shortest path in the window-filtered graph, and stays inside it', async () => {
    let changed = 0;
    for (const types of [undefined, ['PARTICIPATED_IN']]) {
      const typeArg = types ? `relationshipTypes: [${types.join(', ')}],` : '';
      for (const [from, to] of pairs) {
        const expected = bidirectional(windowed(whole, [from, to], types), from, to);
        const result = await api.ask(
          `{ shortestPath(from: "${from}", to: "${to}", maxHops: 10, ${typeArg} ${during}) {
               length nodes { id } } }`,
        );
        const path = result.shortestPath as { length: number; nodes: { id: string }[] } | null;
        expect(path?.length ?? null, `${from} → ${to} ${typeArg}`).toBe(expected === null ? null : expected.length - 1);
        if (!path) continue;
        for (const [i, node] of path.nodes.entries()) {
          const attributes = whole.getNodeAttributes(node.id);
          if (i > 0 && i < path.nodes.length - 1 && ['Meeting', 'Statement'].includes(attributes.label as string)) {
            expect(inside(attributes.date as string), `${node.id} on ${from} → ${to}`).toBe(true);
          }
          if (i > 0) expect(whole.areNeighbors(path.nodes[i - 1]!.id, node.id)).toBe(true);
        }
        const unbounded = bidirectional(windowed(whole, [], types, false), from, to);
        if (unbounded === null || expected === null || unbounded.length !== expected.length) changed += 1;
      }
    }
    // The window made a difference somewhere, or this test would prove nothing about it.
    expect(changed).toBeGreaterThan(0);
  });

  it('allShortestPaths finds as many paths as there are in the window-filtered graph', async () => {
    // The most active people (the generator favours low numbers) through meetings only; others by any way.
    const hubs = [0, 1, 2, 3].map((i) => `person:person-${i}`);
    const cases = [
      ...hubs.flatMap((a, i) => hubs.slice(i + 1).map((b) => [a, b, ['PARTICIPATED_IN']] as const)),
      ...pairs.slice(0, 4).map(([a, b]) => [a, b, undefined] as const),
    ];
    const counts: number[] = [];
    for (const [from, to, types] of cases) {
      const filtered = windowed(whole, [from, to], types ? [...types] : undefined);
      const all = countShortestPaths(filtered, from, to);
      const expected = Math.min(100, all);
      const typeArg = types ? 'relationshipTypes: [PARTICIPATED_IN],' : '';
      const result = await api.ask(
        `{ allShortestPaths(from: "${from}", to: "${to}", maxHops: 10, first: 100, ${typeArg} ${during}) { totalCount nodes { length } } }`,
      );
      expect(result.allShortestPaths.nodes.length, `${from} → ${to} ${typeArg}`).toBe(expected);
      expect(result.allShortestPaths.totalCount, `${from} → ${to} ${typeArg}`).toBe(all);
      counts.push(expected);
    }
    // Several paths join some pairs: the count is a real check, not 0 = 0.
    expect(Math.max(...counts)).toBeGreaterThan(1);
  });

  it('neighborhood reaches what breadth-first search reaches in the window-filtered graph', async () => {
    for (const centre of people.slice(2, 6)) {
      const filtered = windowed(whole, [centre]);
      const distance = singleSourceLength(filtered, centre);
      const expected = Object.keys(distance).filter((node) => distance[node]! <= 2);
      const result = await api.ask(
        `{ neighborhood(of: "${centre}", depth: 2, limit: 1000, ${during}) { truncated nodes { id } } }`,
      );
      expect(result.neighborhood.truncated).toBe(false);
      expect(expected.length).toBeGreaterThan(5);
      expect(ids(result.neighborhood.nodes).sort()).toEqual(expected.sort());
    }
  });
});

/**
 * Drawing a path or a neighbourhood of the Geneva article with one query that selects only fields of
 * `Node` and `GraphRelationship`: no fragment per type, typed relationship properties, and provenance as
 * the `sources` connection every node has.
 */
describe('drawing Geneva with no per-type fragment', () => {
  let api: TestApi;
  const ministry = 'organization:russian-ministry-of-foreign-affairs';
  const nodeFields = 'id displayName nodeType';
  const drawnRelationship = `id type from { ${nodeFields} } to { ${nodeFields} }
    title titleAsReported startDate { iso } endDate { iso } role paragraph offset
    sources { totalCount nodes { id displayName } }`;

  interface DrawnNode {
    id: string;
    displayName: string;
    nodeType: string;
  }

  beforeAll(async () => {
    api = await startGenevaApi();
  });
  afterAll(async () => api.close());

  /** Every node carries a non-empty display name and the type its id names. */
  function expectDrawable(nodes: DrawnNode[]) {
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.displayName.length, node.id).toBeGreaterThan(0);
      expect(node.displayName.length, node.id).toBeLessThanOrEqual(80);
      expect(node.nodeType, node.id).toBe(node.id.split(':')[0]!.toUpperCase());
    }
  }

  /** The display names the rule gives, read with one fragment per type (as a client had to before). */
  async function namesByFragment(nodeIds: string[]): Promise<Map<string, string>> {
    const data = await api.ask(
      `query ($ids: [ID!]!) {
        nodes(ids: $ids) {
          id
          ... on Person { name } ... on Organization { name } ... on Place { name } ... on Meeting { name }
          ... on Topic { name } ... on Statement { summary } ... on Article { headline }
        }
      }`,
      { ids: nodeIds },
    );
    return new Map(
      (data.nodes as { id: string; name?: string; summary?: string; headline?: string }[]).map((node) => [
        node.id,
        (node.name ?? node.summary ?? node.headline)!,
      ]),
    );
  }

  it('draws a path: display names, types and typed relationship properties (a position, two roles)', async () => {
    const document = `{
      shortestPath(from: "${geneva.sherman}", to: "${ministry}", relationshipTypes: [PARTICIPATED_IN, HOLDS_POSITION]) {
        length
        nodes { ${nodeFields} }
        relationships { ${drawnRelationship} }
      }
    }`;
    expect(document).not.toContain('... on');
    const { shortestPath: path } = await api.ask(document);
    expect(path.length).toBe(3);
    expectDrawable(path.nodes);
    expect(path.nodes[0]).toEqual({ id: geneva.sherman, displayName: 'Wendy Sherman', nodeType: 'PERSON' });
    expect(path.nodes[2]).toEqual({ id: geneva.ryabkov, displayName: 'Sergei Ryabkov', nodeType: 'PERSON' });
    expect(path.nodes[3]).toMatchObject({ id: ministry, nodeType: 'ORGANIZATION' });
    expect(path.nodes[1].nodeType).toBe('MEETING');
    const [shermanThere, ryabkovThere, position] = path.relationships;
    const source = { totalCount: 1, nodes: [{ id: geneva.article, displayName: expect.any(String) }] };
    expect(shermanThere).toMatchObject({
      type: 'PARTICIPATED_IN',
      role: 'US negotiator',
      title: null,
      sources: source,
    });
    expect(ryabkovThere).toMatchObject({ type: 'PARTICIPATED_IN', role: 'Russian negotiator', sources: source });
    expect(position).toEqual({
      id: `${geneva.ryabkov}|HOLDS_POSITION|${ministry}|Deputy Foreign Minister`,
      type: 'HOLDS_POSITION',
      from: { id: geneva.ryabkov, displayName: 'Sergei Ryabkov', nodeType: 'PERSON' },
      to: { id: ministry, displayName: path.nodes[3].displayName, nodeType: 'ORGANIZATION' },
      title: 'Deputy Foreign Minister',
      titleAsReported: 'Wakil Menteri Luar Negeri Rusia',
      startDate: null,
      endDate: null,
      role: null,
      paragraph: null,
      offset: null,
      sources: source,
    });
    // The display names are the rule's: what the per-type fragments read.
    const names = await namesByFragment(ids(path.nodes));
    for (const node of path.nodes as DrawnNode[]) expect(node.displayName).toBe(names.get(node.id));
  });

  it('draws a neighbourhood, its relationships with their sources in one batched query', async () => {
    const withoutSources = await api.query(`{
      neighborhood(of: "${geneva.ryabkov}", depth: 1, limit: 100) {
        nodes { ${nodeFields} }
        relationships { id type from { ${nodeFields} } to { ${nodeFields} } title role paragraph }
      }
    }`);
    const response = await api.query(`{
      neighborhood(of: "${geneva.ryabkov}", depth: 1, limit: 100) {
        nodes { ${nodeFields} }
        relationships { ${drawnRelationship} }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const { nodes, relationships } = response.data.neighborhood;
    expectDrawable(nodes);
    expect(relationships.length).toBeGreaterThan(5);
    const names = await namesByFragment(ids(nodes));
    for (const node of nodes as DrawnNode[]) {
      const expected = names.get(node.id)!;
      // A statement's summary longer than 80 characters is shortened at a word, with "…".
      if (expected.length <= 80) expect(node.displayName).toBe(expected);
      else expect(expected.startsWith(node.displayName.slice(0, -1))).toBe(true);
    }
    // Ryabkov's statements are among the nodes, and are called by their summary.
    expect((nodes as DrawnNode[]).filter((node) => node.nodeType === 'STATEMENT').length).toBeGreaterThan(3);
    for (const rel of relationships) {
      expect(rel.sources.nodes.map((article: { id: string }) => article.id)).toEqual([geneva.article]);
      expectDrawable([rel.from, rel.to]);
    }
    const position = relationships.find((rel: { type: string }) => rel.type === 'HOLDS_POSITION');
    expect(position).toMatchObject({ title: 'Deputy Foreign Minister', to: { id: ministry } });
    const roles = relationships
      .filter((rel: { type: string }) => rel.type === 'PARTICIPATED_IN')
      .map((rel: { role: string }) => rel.role);
    expect(roles).toContain('Russian negotiator');
    expect(roles).toContain('speaker');
    // The sources of every relationship cost one query in all, however many relationships there are.
    const queries = (r: { extensions?: Record<string, unknown> }) => r.extensions?.cypherQueries as number;
    expect(queries(response)).toBe(queries(withoutSources) + 1);
  });

  it('draws what a statement mentions through the Mentionable interface, in one compiled query', async () => {
    const response = await api.query(`{
      statements(first: 100) {
        nodes { id displayName nodeType mentions(first: 20) { nodes { ${nodeFields} } } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.cypherQueries).toBe(1);
    const statements = response.data.statements.nodes as (DrawnNode & { mentions: { nodes: DrawnNode[] } })[];
    expectDrawable(statements);
    const mentioned = statements.flatMap((statement) => statement.mentions.nodes);
    expectDrawable(mentioned);
    expect(new Set(mentioned.map((node) => node.nodeType)).size).toBeGreaterThan(1);
    const names = await namesByFragment([...new Set(mentioned.map((node) => node.id))]);
    for (const node of mentioned) expect(node.displayName).toBe(names.get(node.id));
  });
});
