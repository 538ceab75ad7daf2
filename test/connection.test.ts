/**
 * Connections as a client pages them: every connection pages on a unique key (two positions of one
 * person in one organization are two edges, each with its own id and cursor), a cursor is bound to the
 * list that gave it, and paging backwards with `last`/`before` gives the same edges as forwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneva, startGenevaApi, type TestApi } from './helpers.js';

let api: TestApi;

const ministry = 'organization:russian-ministry-of-foreign-affairs';

beforeAll(async () => {
  api = await startGenevaApi();
  // A second position of Ryabkov in the same ministry: two HOLDS_POSITION relationships between the same nodes.
  await api.cypher(
    `MATCH (p:Person {id: $person}), (o:Organization {id: $org})
     CREATE (p)-[:HOLDS_POSITION {title: 'Chief Negotiator', sources: [$article]}]->(o)`,
    { person: geneva.ryabkov, org: ministry, article: geneva.article },
  );
});
afterAll(async () => api.close());

describe('two positions of one person in one organization', () => {
  const positions = `
    query ($id: ID!, $after: String) {
      person(id: $id) {
        positions(first: 1, after: $after) {
          edges { cursor title node { id } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }`;

  it('pages one position at a time, each once', async () => {
    const first = (await api.ask(positions, { id: geneva.ryabkov, after: null })).person.positions;
    expect(first.edges).toHaveLength(1);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.ask(positions, { id: geneva.ryabkov, after: first.pageInfo.endCursor })).person.positions;
    expect(second.edges).toHaveLength(1);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges[0].cursor).not.toBe(first.edges[0].cursor);
    expect([first.edges[0].title, second.edges[0].title].sort()).toEqual([
      'Chief Negotiator',
      'Deputy Foreign Minister',
    ]);
  });

  it('pages the members of the organization one position at a time, each once', async () => {
    const titles: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const members: any = (
        await api.ask(
          `query ($id: ID!, $after: String) {
            organization(id: $id) {
              members(first: 1, after: $after) { edges { title node { id } } pageInfo { hasNextPage endCursor } }
            }
          }`,
          { id: ministry, after },
        )
      ).organization.members;
      titles.push(...members.edges.map((edge: any) => `${edge.node.id} ${edge.title}`));
      if (!members.pageInfo.hasNextPage) break;
      after = members.pageInfo.endCursor;
    }
    const rows = await api.cypher(
      'MATCH (p:Person)-[r:HOLDS_POSITION]->(:Organization {id: $id}) RETURN p.id + " " + r.title AS title',
      { id: ministry },
    );
    expect(titles.sort()).toEqual(rows.map((row) => row.title as string).sort());
    expect(titles.length).toBeGreaterThan(1);
  });
});

/** One page of a connection: its edges' cursors and item ids, and its pageInfo. */
interface Page {
  edges: { cursor: string; key: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/** A connection's document: `field` is its selection with `$first`, `$after`, `$last`, `$before` in its arguments. */
type Fetch = (args: { first?: number; after?: string | null; last?: number; before?: string | null }) => Promise<Page>;

/**
 * Pages a connection to its end forwards (`first`/`after`) and backwards (`last`/`before`), checking
 * every page's flags, and returns the edges both ways (the backward ones put back in list order).
 */
async function walkBothWays(fetch: Fetch, size: number) {
  const forward: Page['edges'] = [];
  let after: string | null = null;
  let total = 0;
  for (let i = 0; ; i += 1) {
    const page = await fetch({ first: size, after });
    total = page.totalCount;
    forward.push(...page.edges);
    expect(page.pageInfo.hasPreviousPage, `hasPreviousPage of forward page ${i}`).toBe(i > 0);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    if (!page.pageInfo.hasNextPage) break;
    expect(page.edges).toHaveLength(size);
    after = page.pageInfo.endCursor;
    expect(i).toBeLessThan(200);
  }
  const backward: Page['edges'][] = [];
  let before: string | null = null;
  for (let i = 0; ; i += 1) {
    const page = await fetch({ last: size, before });
    backward.unshift(page.edges);
    expect(page.pageInfo.hasNextPage, `hasNextPage of backward page ${i}`).toBe(i > 0);
    if (!page.pageInfo.hasPreviousPage) break;
    expect(page.edges).toHaveLength(size);
    before = page.pageInfo.startCursor;
    expect(i).toBeLessThan(200);
  }
  return { forward, backward: backward.flat(), total };
}

/** Walks both ways and holds the two walks, the count and the keys' uniqueness against each other. */
async function expectSameBothWays(label: string, fetch: Fetch, size = 2) {
  const { forward, backward, total } = await walkBothWays(fetch, size);
  expect(backward, label).toEqual(forward);
  expect(forward.length, `${label}: totalCount`).toBe(total);
  expect(new Set(forward.map((edge) => edge.cursor)).size, `${label}: cursors`).toBe(forward.length);
  expect(new Set(forward.map((edge) => edge.key)).size, `${label}: items`).toBe(forward.length);
  return forward;
}

const pageVariables = '$first: Int, $after: String, $last: Int, $before: String';
const pageArgs = 'first: $first, after: $after, last: $last, before: $before';
const connectionSelection = (edgeFields = '') =>
  `{ totalCount edges { cursor ${edgeFields} node { __typename ... on Node { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`;

/** Edge keys: the node's id, and the edge's own id when it has one (positions). */
const keyed = (connection: any): Page => ({
  ...connection,
  edges: connection.edges.map((edge: any) => ({
    cursor: edge.cursor,
    key: edge.id ?? edge.node?.id ?? JSON.stringify(edge.node),
  })),
});

describe('every connection of the Geneva graph, paged forwards and backwards', () => {
  it('gives the same edges both ways on every connection field of every node', async () => {
    const { buildSchema, getNamedType, isObjectType } = await import('graphql');
    const { loadTypeDefs } = await import('../src/schema.js');
    const schema = buildSchema(loadTypeDefs().join('\n'));
    const nodes = await api.cypher(
      'MATCH (n:Node) RETURN n.id AS id, [l IN labels(n) WHERE l <> "Node"][0] AS type ORDER BY id',
    );
    let walked = 0;
    for (const { id, type } of nodes) {
      const objectType = schema.getType(type as string);
      if (!isObjectType(objectType)) continue;
      for (const field of Object.values(objectType.getFields())) {
        if (!getNamedType(field.type).name.endsWith('Connection') || field.name === 'metWith') continue;
        const edgeId = ['positions', 'members'].includes(field.name) ? 'id' : '';
        const document = `query ($id: ID!, ${pageVariables}) {
          node(id: $id) { ... on ${type} { list: ${field.name}(${pageArgs}) ${connectionSelection(edgeId)} } }
        }`;
        await expectSameBothWays(`${id} ${field.name}`, async (args) =>
          keyed((await api.ask(document, { id, ...args })).node.list),
        );
        walked += 1;
      }
    }
    expect(walked).toBeGreaterThan(100);
  });

  it('gives the same edges both ways on the root lists, with filters and orders', async () => {
    const lists = [
      'people',
      'organizations',
      'places',
      'meetings',
      'statements',
      'articles',
      'topics',
      'meetings(orderBy: { field: DATE, direction: DESC }',
      'statements(filter: { speaker: "person:sergei-ryabkov" }',
      'statements(orderBy: { field: DATE, direction: DESC }',
      'organizations(orderBy: { field: NAME, direction: DESC }',
    ];
    for (const list of lists) {
      const call = list.includes('(') ? `${list}, ${pageArgs})` : `${list}(${pageArgs})`;
      const document = `query (${pageVariables}) { list: ${call} ${connectionSelection()} }`;
      const edges = await expectSameBothWays(list, async (args) => keyed((await api.ask(document, args)).list), 3);
      expect(edges.length, list).toBeGreaterThan(0);
    }
  });

  it('gives the same edges both ways on timelines, who met whom, shared meetings and sources of edges', async () => {
    const timeline = `query ($of: ID!, ${pageVariables}) { list: timeline(of: $of, ${pageArgs}) {
      totalCount edges { cursor node { ... on Meeting { id } ... on Statement { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    for (const of of [geneva.ryabkov, geneva.sherman, 'place:geneva']) {
      const edges = await expectSameBothWays(`timeline of ${of}`, async (args) =>
        keyed((await api.ask(timeline, { of, ...args })).list),
      );
      expect(edges.length).toBeGreaterThan(0);
    }
    const people = await api.cypher('MATCH (p:Person) RETURN p.id AS id');
    for (const { id } of people) {
      const metWith = `query ($id: ID!, ${pageVariables}) { person(id: $id) { list: metWith(${pageArgs}) ${connectionSelection('meetingCount')} } }`;
      const met = await expectSameBothWays(
        `metWith of ${id}`,
        async (args) => keyed((await api.ask(metWith, { id, ...args })).person.list),
        1,
      );
      const whoMetWhom = `query ($id: ID!, ${pageVariables}) { list: whoMetWhom(person: $id, ${pageArgs}) ${connectionSelection()} }`;
      expect(
        await expectSameBothWays(
          `whoMetWhom ${id}`,
          async (args) => keyed((await api.ask(whoMetWhom, { id, ...args })).list),
          1,
        ),
      ).toEqual(met);
      for (const other of met) {
        const shared = `query ($id: ID!, ${pageVariables}) {
          person(id: $id) { metWith(first: 100) { edges { node { id } list: meetings(${pageArgs}) ${connectionSelection()} } } } }`;
        await expectSameBothWays(
          `meetings of ${id} with ${other.key}`,
          async (args) =>
            keyed(
              (await api.ask(shared, { id, ...args })).person.metWith.edges.find(
                (edge: any) => edge.node.id === other.key,
              ).list,
            ),
          1,
        );
      }
    }
    const participations = `query ($id: ID!, ${pageVariables}) { meeting(id: $id) { participants(first: 100) { edges { node { ... on Node { id } } list: sources(${pageArgs}) ${connectionSelection()} } } } }`;
    const edges = (await api.ask(participations, { id: geneva.talks })).meeting.participants.edges;
    expect(edges.length).toBeGreaterThan(1);
    for (const edge of edges) {
      await expectSameBothWays(
        `sources of participation ${edge.node.id}`,
        async (args) =>
          keyed(
            (await api.ask(participations, { id: geneva.talks, ...args })).meeting.participants.edges.find(
              (e: any) => e.node.id === edge.node.id,
            ).list,
          ),
        1,
      );
    }
  });

  it('gives the same edges both ways on search, with and without types', async () => {
    const search = `query ($text: String!, $types: [SearchableType!], ${pageVariables}) {
      list: search(text: $text, types: $types, ${pageArgs}) ${connectionSelection('score')} }`;
    for (const [text, types] of [
      ['Ryabkov Sherman NATO', null],
      ['Rusia AS talks', null],
      ['Ryabkov Sherman', ['PERSON', 'STATEMENT']],
    ] as const) {
      for (const size of [1, 3]) {
        const edges = await expectSameBothWays(
          `search ${text} ${size}`,
          async (args) => keyed((await api.ask(search, { text, types, ...args })).list),
          size,
        );
        expect(edges.length).toBeGreaterThan(size);
      }
    }
  });

  it('gives the same edges both ways on traversal and network connections', async () => {
    const paths = `query ($from: ID!, $to: ID!, ${pageVariables}) { list: allShortestPaths(from: $from, to: $to, ${pageArgs}) {
      totalCount edges { cursor node { nodes { id } relationships { id } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const common = `query ($a: ID!, $b: ID!, ${pageVariables}) { list: commonConnections(a: $a, b: $b, ${pageArgs}) ${connectionSelection()} }`;
    const pairs = [
      [geneva.sherman, 'organization:nato'],
      [geneva.ryabkov, geneva.sherman],
      [geneva.ryabkov, 'place:geneva'],
    ] as const;
    for (const [a, b] of pairs) {
      const found = await expectSameBothWays(
        `paths ${a} ${b}`,
        async (args) => {
          const list = (await api.ask(paths, { from: a, to: b, ...args })).list;
          return {
            ...list,
            edges: list.edges.map((edge: any) => ({ cursor: edge.cursor, key: JSON.stringify(edge.node) })),
          };
        },
        1,
      );
      expect(found.length).toBeGreaterThan(0);
      await expectSameBothWays(`common ${a} ${b}`, async (args) =>
        keyed((await api.ask(common, { a, b, ...args })).list),
      );
    }
    for (const list of ['nodes', 'relationships', 'communities', 'ranking(by: PAGE_RANK']) {
      const call = list.includes('(') ? `${list}, ${pageArgs})` : `${list}(${pageArgs})`;
      const document = `query (${pageVariables}) { network(kind: WHO_MENTIONS_WHOM) { list: ${call} {
        totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
      await expectSameBothWays(`network ${list}`, async (args) => {
        const connection = (await api.ask(document, args)).network.list;
        return {
          ...connection,
          edges: connection.edges.map((edge: any) => ({ cursor: edge.cursor, key: edge.cursor })),
        };
      });
    }
  });
});

describe('a cursor is bound to the list that gave it', () => {
  async function cursorOf(document: string, variables: Record<string, unknown> = {}) {
    const data = await api.ask(document, variables);
    const connection: any = Object.values(data)[0];
    const found = connection.metWith ?? connection.meetings ?? connection;
    expect(found.pageInfo.endCursor).toEqual(expect.any(String));
    return found.pageInfo.endCursor as string;
  }

  async function expectRefused(document: string, variables: Record<string, unknown>, argument: string) {
    const response = await api.query(document, variables);
    expect(response.errors, JSON.stringify(response.data)).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    expect(response.errors![0]!.message).toContain(`"${argument}"`);
  }

  const people = `query ($after: String, $before: String) {
    people(first: 2, after: $after, before: $before) { nodes { id } pageInfo { hasNextPage } } }`;

  it('refuses a metWith cursor given to people, as after and as before', async () => {
    const cursor = await cursorOf(
      `query ($id: ID!) { person(id: $id) { metWith(first: 1) { pageInfo { endCursor } } } }`,
      { id: geneva.ryabkov },
    );
    await expectRefused(people, { after: cursor }, 'after');
    await expectRefused(people, { before: cursor }, 'before');
  });

  it('refuses a meetings cursor given to people', async () => {
    const cursor = await cursorOf('{ meetings(first: 1) { pageInfo { endCursor } } }');
    await expectRefused(people, { after: cursor }, 'after');
  });

  it('refuses a cursor of another filter or another order of the same list', async () => {
    const filtered = await cursorOf('{ people(first: 1, filter: { nameContains: "e" }) { pageInfo { endCursor } } }');
    await expectRefused(people, { after: filtered }, 'after');
    const plain = await cursorOf('{ people(first: 1) { pageInfo { endCursor } } }');
    await expectRefused(
      `query ($after: String) { people(first: 1, after: $after, orderBy: { field: NAME, direction: DESC }) { nodes { id } } }`,
      { after: plain },
      'after',
    );
    await expectRefused(
      `query ($after: String) { people(first: 1, after: $after, filter: { nameContains: "e" }) { nodes { id } } }`,
      { after: plain },
      'after',
    );
    // The same list accepts it.
    expect((await api.ask(people, { after: plain })).people.nodes.length).toBeGreaterThan(0);
  });

  it("refuses one parent's cursor on another parent's list, and a timeline cursor on another window", async () => {
    const cursor = await cursorOf(
      `query ($id: ID!) { person(id: $id) { meetings(first: 1) { pageInfo { endCursor } } } }`,
      { id: geneva.ryabkov },
    );
    await expectRefused(
      `query ($id: ID!, $after: String) { person(id: $id) { meetings(first: 1, after: $after) { nodes { id } } } }`,
      { id: geneva.sherman, after: cursor },
      'after',
    );
    const timeline = await cursorOf(`{ timeline(of: "${geneva.ryabkov}", first: 1) { pageInfo { endCursor } } }`);
    await expectRefused(
      `query ($after: String) { timeline(of: "${geneva.ryabkov}", from: "2022-01-10", first: 1, after: $after) { nodes { __typename } } }`,
      { after: timeline },
      'after',
    );
  });

  it('refuses a cursor that is not one, and first with last', async () => {
    await expectRefused(people, { after: 'bm90IGEgY3Vyc29y' }, 'after');
    await expectRefused(`{ people(first: 2, last: 2) { nodes { id } } }`, {}, 'last');
  });
});

describe('pageInfo tells the truth in both directions', () => {
  const people = `query ($first: Int, $after: String, $last: Int, $before: String) {
    people(first: $first, after: $after, last: $last, before: $before) {
      nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

  const statements = people.replace('people(', 'statements(');

  it('past the end and before the start, the empty page knows what lies on its other side', async () => {
    const all = (await api.ask(people, { first: 100 })).people;
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    const afterLast = (await api.ask(people, { first: 5, after: all.pageInfo.endCursor })).people;
    expect(afterLast.nodes).toEqual([]);
    expect(afterLast.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const beforeFirst = (await api.ask(people, { last: 5, before: all.pageInfo.startCursor })).people;
    expect(beforeFirst.nodes).toEqual([]);
    expect(beforeFirst.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('between two cursors, pages the window and tells what lies outside it', async () => {
    const all = (await api.ask(`{ statements(first: 100) { edges { cursor node { id } } } }`)).statements.edges;
    expect(all.length).toBeGreaterThan(4);
    const [after, before] = [all[0].cursor, all.at(-1).cursor];
    const inner = all.slice(1, -1).map((edge: any) => edge.node.id);
    const forward = (await api.ask(statements, { first: 100, after, before })).statements;
    expect(forward.nodes.map((node: any) => node.id)).toEqual(inner);
    expect(forward.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const backward = (await api.ask(statements, { last: 2, after, before })).statements;
    expect(backward.nodes.map((node: any) => node.id)).toEqual(inner.slice(-2));
    expect(backward.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });
});
