/**
 * Cursor pagination over the synthetic graph: walking a connection page by page with
 * `after: pageInfo.endCursor` returns every item exactly once, in the documented order, with
 * truthful pageInfo; cursors are stable; totalCount matches the graph and costs a query only
 * when asked; bad page arguments are the client's mistake and name the argument.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticApi, type TestApi } from './helpers.js';

let api: TestApi;

beforeAll(async () => {
  api = await startSyntheticApi();
});
afterAll(async () => api.close());

interface Walked<T> {
  items: T[];
  pages: { size: number; hasNextPage: boolean; hasPreviousPage: boolean }[];
}

/** Follows `endCursor` until `hasNextPage` is false; `fetch` returns the connection of one page. */
async function walk<T>(fetch: (after: string | null) => Promise<any>, limit = 100): Promise<Walked<T>> {
  const walked: Walked<T> = { items: [], pages: [] };
  let after: string | null = null;
  for (let page = 0; page < limit; page += 1) {
    const connection = await fetch(after);
    walked.items.push(...(connection.edges as { node: T }[]).map((edge) => edge.node));
    walked.pages.push({
      size: connection.edges.length,
      hasNextPage: connection.pageInfo.hasNextPage,
      hasPreviousPage: connection.pageInfo.hasPreviousPage,
    });
    if (!connection.pageInfo.hasNextPage) return walked;
    expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1).cursor);
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`still a next page after ${limit} pages`);
}

/** Data of a response that must have no errors. */
async function data(document: string, variables?: Record<string, unknown>) {
  const response = await api.query(document, variables);
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** Strings in code-point order, as Cypher compares them. */
const byKeyThenId = (a: [string, string], b: [string, string]) =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;

function expectPageFlags(pages: Walked<unknown>['pages'], size: number) {
  pages.forEach((page, i) => {
    const last = i === pages.length - 1;
    expect(page.hasNextPage, `hasNextPage of page ${i}`).toBe(!last);
    expect(page.hasPreviousPage, `hasPreviousPage of page ${i}`).toBe(i > 0);
    if (!last) expect(page.size).toBe(size);
    else expect(page.size).toBeGreaterThan(0);
  });
}

const peoplePage = `
  query ($after: String) {
    people(first: 7, after: $after) {
      edges { cursor node { id name } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

describe('walking people(first: 7) page by page', () => {
  let walked: Walked<{ id: string; name: string }>;
  beforeAll(async () => {
    walked = await walk(async (after) => (await data(peoplePage, { after })).people);
  });

  it('returns every person exactly once', async () => {
    const rows = await api.cypher('MATCH (p:Person) RETURN p.id AS id');
    const ids = walked.items.map((person) => person.id);
    expect(rows.length).toBe(200);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(rows.map((row) => row.id as string).sort());
  });

  it('returns them by name, then id', async () => {
    const pairs = walked.items.map((person): [string, string] => [person.name, person.id]);
    expect(pairs).toEqual([...pairs].sort(byKeyThenId));
    // The same order as Cypher's.
    const rows = await api.cypher('MATCH (p:Person) RETURN p.id AS id ORDER BY p.name, p.id');
    expect(walked.items.map((person) => person.id)).toEqual(rows.map((row) => row.id));
  });

  it('says there is a next page on every page but the last, and a previous page on every page but the first', () => {
    expect(walked.pages.length).toBe(Math.ceil(200 / 7));
    expectPageFlags(walked.pages, 7);
  });

  it('gives the same cursors when the same page is asked twice', async () => {
    const first = (await data(peoplePage, { after: null })).people;
    const second = await data(peoplePage, { after: first.pageInfo.endCursor });
    const again = await data(peoplePage, { after: first.pageInfo.endCursor });
    expect(again).toEqual(second);
    expect(second.people.edges.map((edge: any) => edge.cursor)).toHaveLength(7);
    expect(second.people.pageInfo.startCursor).toBe(second.people.edges[0].cursor);
    expect(second.people.edges[0].cursor).not.toBe(first.pageInfo.endCursor);
  });
});

describe('walking meetings newest first', () => {
  it('returns every meeting once, dates never increasing', async () => {
    const walked = await walk<{ id: string; date: { iso: string } }>(
      async (after) =>
        (
          await data(
            `query ($after: String) {
              meetings(first: 7, after: $after, orderBy: { field: DATE, direction: DESC }) {
                edges { cursor node { id date { iso } } }
                pageInfo { hasNextPage hasPreviousPage endCursor }
              }
            }`,
            { after },
          )
        ).meetings,
    );
    const rows = await api.cypher('MATCH (m:Meeting) RETURN m.id AS id ORDER BY m.date DESC, m.id DESC');
    expect(rows.length).toBe(100);
    const ids = walked.items.map((meeting) => meeting.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(rows.map((row) => row.id));
    const dates = walked.items.map((meeting) => meeting.date.iso);
    dates.slice(1).forEach((date, i) => expect(date <= dates[i]!, `${date} after ${dates[i]}`).toBe(true));
    expectPageFlags(walked.pages, 7);
  });
});

describe('walking a nested connection', () => {
  it('returns every meeting of the busiest person once, in date order, three at a time', async () => {
    const [busiest] = await api.cypher(
      `MATCH (p:Person) RETURN p.id AS id, COUNT { (p)-[:PARTICIPATED_IN]->(:Meeting) } AS meetings
       ORDER BY meetings DESC, id LIMIT 1`,
    );
    expect(busiest!.meetings).toBeGreaterThan(6);
    const walked = await walk<{ id: string; date: { iso: string } }>(
      async (after) =>
        (
          await data(
            `query ($id: ID!, $after: String) {
              person(id: $id) {
                meetings(first: 3, after: $after) {
                  edges { cursor role node { id date { iso } } }
                  pageInfo { hasNextPage hasPreviousPage endCursor }
                }
              }
            }`,
            { id: busiest!.id, after },
          )
        ).person.meetings,
    );
    const rows = await api.cypher(
      'MATCH (:Person {id: $id})-[:PARTICIPATED_IN]->(m:Meeting) RETURN m.id AS id ORDER BY m.date, m.id',
      { id: busiest!.id },
    );
    expect(walked.items.map((meeting) => meeting.id)).toEqual(rows.map((row) => row.id));
    expect(rows.length).toBe(busiest!.meetings);
    expect(walked.pages.length).toBe(Math.ceil(rows.length / 3));
    expectPageFlags(walked.pages, 3);
    const pairs = walked.items.map((meeting): [string, string] => [meeting.date.iso, meeting.id]);
    expect(pairs).toEqual([...pairs].sort(byKeyThenId));
  });
});

describe('walking the members of the largest employer, where people hold two positions', () => {
  it('returns every position exactly once, 17 at a time, forwards and backwards', async () => {
    const [largest] = await api.cypher(
      `MATCH (:Person)-[r:HOLDS_POSITION]->(o:Organization) WITH o, count(r) AS positions
       RETURN o.id AS id, positions ORDER BY positions DESC, id LIMIT 1`,
    );
    const [{ repeated }] = (await api.cypher(
      `MATCH (p:Person)-[r:HOLDS_POSITION]->(:Organization {id: $id}) WITH p, count(r) AS n WHERE n > 1
       RETURN count(p) AS repeated`,
      { id: largest!.id },
    )) as [{ repeated: number }];
    // People holding two positions there: the case that two edges share (name, id).
    expect(repeated).toBeGreaterThan(0);
    const document = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
      organization(id: $id) {
        members(first: $first, after: $after, last: $last, before: $before) {
          edges { id cursor title node { id } }
          pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        }
      }
    }`;
    const forward = await walk<{ id: string }>(
      async (after) => (await data(document, { id: largest!.id, first: 17, after })).organization.members,
    );
    const positions = forward.items.length;
    expect(positions).toBe(largest!.positions);
    expectPageFlags(forward.pages, 17);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: any = (await data(document, { id: largest!.id, last: 17, before })).organization.members;
      backward.unshift(...page.edges.map((edge: any) => edge.id));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toHaveLength(positions);
    expect(new Set(backward).size).toBe(positions);
  });
});

describe('walking search hits, where thousands share a score', () => {
  it('returns every hit once, by score then id, forwards and backwards, as Lucene scores them', async () => {
    const text = 'synthetic meeting';
    // Independently: every full-text index Neo4j has, each node's best score, ordered by score then id.
    const indexes = await api.cypher("SHOW FULLTEXT INDEXES YIELD name WHERE name STARTS WITH 'search' RETURN name");
    const expected = await api.cypher(
      `UNWIND $indexes AS index
       CALL db.index.fulltext.queryNodes(index, $text) YIELD node, score
       WITH node, max(score) AS score
       RETURN node.id AS id, score ORDER BY score DESC, id`,
      { indexes: indexes.map((row) => row.name), text },
    );
    expect(expected.length).toBeGreaterThan(50);
    const scores = new Set(expected.map((row) => row.score));
    // Ties: far fewer scores than hits, so that the order by id within a score is what is tested.
    expect(scores.size).toBeLessThan(expected.length / 2);
    const document = `query ($after: String, $last: Int, $before: String, $first: Int) {
      search(text: "${text}", first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor score node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const forward = await walk<{ id: string }>(async (after) => (await data(document, { first: 13, after })).search);
    expect(forward.items.map((node) => node.id)).toEqual(expected.map((row) => row.id));
    expectPageFlags(forward.pages, 13);
    const backward: string[] = [];
    let before: string | null = null;
    for (let page = 0; ; page += 1) {
      const connection: any = (await data(document, { last: 13, before })).search;
      expect(connection.totalCount).toBe(expected.length);
      expect(connection.pageInfo.hasNextPage).toBe(page > 0);
      backward.unshift(...connection.edges.map((edge: any) => edge.node.id));
      if (!connection.pageInfo.hasPreviousPage) break;
      before = connection.pageInfo.startCursor;
      expect(page).toBeLessThan(100);
    }
    expect(backward).toEqual(expected.map((row) => row.id));
  });
});

describe('totalCount', () => {
  it('equals the number of nodes in the graph, on root and nested connections', async () => {
    const [counts] = await api.cypher(
      `CALL () { MATCH (p:Person) RETURN count(p) AS people }
       CALL () { MATCH (m:Meeting) RETURN count(m) AS meetings }
       CALL () { MATCH (m:Meeting) WHERE m.date >= '2022' RETURN count(m) AS recent }
       RETURN people, meetings, recent`,
    );
    const [busiest] = await api.cypher(
      `MATCH (p:Person) RETURN p.id AS id, COUNT { (p)-[:PARTICIPATED_IN]->(:Meeting) } AS meetings
       ORDER BY meetings DESC, id LIMIT 1`,
    );
    const answer = await data(
      `query ($id: ID!) {
        people(first: 1) { totalCount }
        meetings(first: 1) { totalCount }
        recent: meetings(first: 1, filter: { from: "2022" }) { totalCount }
        person(id: $id) { meetings(first: 1) { totalCount } }
      }`,
      { id: busiest!.id },
    );
    expect(answer.people.totalCount).toBe(counts!.people);
    expect(answer.meetings.totalCount).toBe(counts!.meetings);
    expect(answer.recent.totalCount).toBe(counts!.recent);
    expect(answer.recent.totalCount).toBeLessThan(counts!.meetings);
    expect(answer.person.meetings.totalCount).toBe(busiest!.meetings);
  });

  it('comes in the same Cypher query as the page', async () => {
    const without = await api.query('{ people(first: 7) { nodes { id } pageInfo { hasNextPage } } }');
    const withCount = await api.query('{ people(first: 7) { nodes { id } pageInfo { hasNextPage } totalCount } }');
    expect(without.errors).toBeUndefined();
    expect(withCount.errors).toBeUndefined();
    expect(without.extensions?.cypherQueries).toBe(1);
    expect(withCount.extensions?.cypherQueries).toBe(1);
    expect(withCount.data.people.nodes).toEqual(without.data.people.nodes);
  });

  it('on a nested connection comes in the same Cypher query, however many parents', async () => {
    const nested = (count: string) =>
      `{ people(first: 20) { nodes { id meetings(first: 2) { nodes { id } ${count} } } } }`;
    const without = await api.query(nested(''));
    const withCount = await api.query(nested('totalCount'));
    expect(without.errors).toBeUndefined();
    expect(withCount.errors).toBeUndefined();
    expect(without.extensions?.cypherQueries).toBe(1);
    expect(withCount.extensions?.cypherQueries).toBe(1);
    expect(withCount.data.people.nodes.map((p: any) => p.meetings.nodes)).toEqual(
      without.data.people.nodes.map((p: any) => p.meetings.nodes),
    );
  });
});

describe('bad page arguments', () => {
  const expectBadInput = (response: Awaited<ReturnType<TestApi['query']>>, argument: string) => {
    expect(response.errors).toHaveLength(1);
    const [error] = response.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error!.extensions?.argumentName).toBe(argument);
    expect(error!.message).toContain(`"${argument}"`);
  };

  it('refuses first: 0 and first: 101, naming "first"', async () => {
    expectBadInput(await api.query('{ people(first: 0) { nodes { id } } }'), 'first');
    expectBadInput(await api.query('{ people(first: 101) { nodes { id } } }'), 'first');
    expectBadInput(await api.query('{ people(first: 1) { nodes { meetings(first: 0) { nodes { id } } } } }'), 'first');
    // The bounds themselves are fine.
    const bounds = await api.query('{ a: people(first: 1) { nodes { id } } b: people(first: 100) { nodes { id } } }');
    expect(bounds.errors).toBeUndefined();
    expect(bounds.data.a.nodes).toHaveLength(1);
    expect(bounds.data.b.nodes).toHaveLength(100);
  });

  it('refuses a cursor it did not give out, naming "after"', async () => {
    expectBadInput(await api.query('{ people(after: "garbage") { nodes { id } } }'), 'after');
    const notAPair = Buffer.from('{"key":1}').toString('base64url');
    expectBadInput(
      await api.query('query ($after: String) { meetings(after: $after) { nodes { id } } }', { after: notAPair }),
      'after',
    );
  });

  it('refuses a date filter that is not a date, naming "filter.from"', async () => {
    expectBadInput(await api.query('{ meetings(filter: { from: "2022-13" }) { nodes { id } } }'), 'filter.from');
  });
});
