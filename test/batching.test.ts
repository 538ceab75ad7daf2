/**
 * THE round-trip test: the number of Cypher queries a request takes is bounded by the depth of
 * the query, not by the length of its lists. One request for 100 people with their positions,
 * meetings (with participants and theirs), and statements (with speaker and mentions) takes as
 * many queries as the same request for 10 people or for 1. And nodes met more than once in an
 * answer say the same thing each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyntheticApi, type TestApi } from './helpers.js';

let api: TestApi;

beforeAll(async () => {
  api = await startSyntheticApi();
});
afterAll(async () => api.close());

/**
 * Seven levels: people; their positions; their meetings; the meetings' participants; the
 * participants' positions; their statements with each statement's speaker; each statement's
 * mentions. The root field is compiled with everything below it into one Cypher query, each level
 * a subquery with its own ORDER BY and LIMIT (src/query/).
 */
const deepPeople = `
  query ($first: Int!, $after: String) {
    people(first: $first, after: $after) {
      edges { cursor }
      nodes {
        id
        name
        positions(first: 3) { edges { title node { id name kind } } }
        meetings(first: 5) {
          edges {
            role
            node {
              id
              name
              date { iso }
              participants(first: 5) {
                edges {
                  role
                  node {
                    __typename
                    id
                    name
                    ... on Person { positions(first: 2) { edges { title node { id name kind } } } }
                  }
                }
              }
            }
          }
        }
        statements(first: 5) {
          nodes {
            id
            summary
            speaker { __typename id name }
            mentions(first: 5) { nodes { __typename ... on Person { id name } ... on Organization { id name kind } } }
          }
        }
      }
    }
  }`;

/** One root field, one query, however many levels and items. */
const expectedQueries = 1;

async function run(first: number, after: string | null = null) {
  const response = await api.query(deepPeople, { first, after });
  expect(response.errors).toBeUndefined();
  return { people: response.data.people, queries: response.extensions?.cypherQueries as number };
}

describe('Cypher round trips of one deep request', () => {
  let hundred: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    hundred = await run(100);
  });

  it('answers 100 people, with every branch of the query filled somewhere', () => {
    const people = hundred.people.nodes as any[];
    expect(people).toHaveLength(100);
    const meetings = people.flatMap((person) => person.meetings.edges);
    const participants = meetings.flatMap((edge) => edge.node.participants.edges);
    const statements = people.flatMap((person) => person.statements.nodes);
    expect(people.every((person) => person.positions.edges.length > 0)).toBe(true);
    expect(meetings.length).toBeGreaterThan(100);
    expect(participants.some((edge) => edge.node.positions?.edges.length > 0)).toBe(true);
    expect(statements.length).toBeGreaterThan(10);
    expect(statements.every((statement) => statement.mentions.nodes.length > 0)).toBe(true);
  });

  it(`takes exactly ${expectedQueries} Cypher query for 100 people: one per root field, not one per level or item`, () => {
    expect(hundred.queries).toBe(expectedQueries);
  });

  it('takes the same number for 10 people and for 1 as for 100', async () => {
    // Start the short pages at the busiest speaker, so that every level of the query has work.
    const [busiest] = await api.cypher(
      `MATCH (p:Person)-[:STATED]->(:Statement) WITH p, count(*) AS statements
       WHERE EXISTS { (p)-[:PARTICIPATED_IN]->(:Meeting) }
       RETURN p.id AS id ORDER BY statements DESC, id LIMIT 1`,
    );
    const all = await api.query('{ people(first: 100) { edges { cursor node { id } } } }');
    const more = await api.query(
      'query ($after: String) { people(first: 100, after: $after) { edges { cursor node { id } } } }',
      {
        after: all.data.people.edges.at(-1).cursor,
      },
    );
    const edges = [...all.data.people.edges, ...more.data.people.edges];
    const index = edges.findIndex((edge: any) => edge.node.id === busiest!.id);
    expect(index).toBeGreaterThanOrEqual(0);
    const after = index > 0 ? edges[index - 1].cursor : null;

    const ten = await run(10, after);
    const one = await run(1, after);
    expect(one.people.nodes[0].id).toBe(busiest!.id);
    expect(one.people.nodes[0].statements.nodes.length).toBeGreaterThan(0);
    expect(ten.people.nodes).toHaveLength(10);
    expect({ ten: ten.queries, one: one.queries }).toEqual({ ten: hundred.queries, one: hundred.queries });
  });
});

describe('to-one fields of list items', () => {
  it('come with the list: meetings with their place and larger event, statements with speaker and occasion', async () => {
    const response = await api.query(`{
      meetings(first: 50) {
        nodes {
          id
          place { name locatedIn { name } }
          partOf { id }
          statements(first: 5) { nodes { id speaker { id } occasion { id } reportedIn { article { id } offset } } }
        }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const meetings = response.data.meetings.nodes;
    expect(meetings.every((m: any) => m.place?.name && m.place.locatedIn?.name)).toBe(true);
    expect(meetings.some((m: any) => m.partOf !== null)).toBe(true);
    expect(meetings.flatMap((m: any) => m.statements.nodes).length).toBeGreaterThan(0);
    // The list with place and partOf, the places' countries, the statements with speaker, occasion and article.
    expect(response.extensions?.cypherQueries).toBe(1);
  });
});

describe('nodes met more than once in one answer', () => {
  let people: any[];
  beforeAll(async () => {
    people = (await run(100)).people.nodes;
  });

  it('give the same meeting the same name and date wherever it appears', () => {
    const seen = new Map<string, unknown>();
    let repeats = 0;
    for (const person of people) {
      for (const { node } of person.meetings.edges) {
        const view = { name: node.name, date: node.date };
        if (seen.has(node.id)) {
          repeats += 1;
          expect(view, node.id).toEqual(seen.get(node.id));
        } else seen.set(node.id, view);
      }
    }
    expect(repeats).toBeGreaterThan(0);
  });

  it('give a person met as a participant the name and positions it has at the top of the list', () => {
    const top = new Map(people.map((person) => [person.id, person]));
    let compared = 0;
    for (const person of people) {
      for (const meeting of person.meetings.edges) {
        for (const { node } of meeting.node.participants.edges) {
          const same = top.get(node.id);
          if (node.__typename !== 'Person' || !same) continue;
          compared += 1;
          expect(node.name).toBe(same.name);
          // Two positions are the first two of three, in the same order.
          expect(node.positions.edges).toEqual(same.positions.edges.slice(0, 2));
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("name each person as the speaker of that person's statements", () => {
    let checked = 0;
    for (const person of people) {
      for (const statement of person.statements.nodes) {
        checked += 1;
        expect(statement.speaker).toEqual({ __typename: 'Person', id: person.id, name: person.name });
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('list each meeting among its own participants', () => {
    let checked = 0;
    for (const person of people) {
      for (const { node: meeting } of person.meetings.edges) {
        const ids = meeting.participants.edges.map((edge: any) => edge.node.id);
        // The page holds five participants at most; the person is among them or among the rest.
        if (ids.length < 5) {
          checked += 1;
          expect(ids, meeting.id).toContain(person.id);
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('agree with the graph on who spoke and what was mentioned', async () => {
    const statements = people.flatMap((person) => person.statements.nodes);
    const rows = await api.cypher(
      `UNWIND $ids AS id
       MATCH (speaker)-[:STATED]->(s:Statement {id: id})
       RETURN id, speaker.id AS speaker, COUNT { (s)-[:MENTIONS]->() } AS mentions`,
      { ids: statements.map((statement) => statement.id) },
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const statement of statements) {
      expect(statement.speaker.id).toBe(byId.get(statement.id)?.speaker);
      expect(statement.mentions.nodes).toHaveLength(Math.min(5, byId.get(statement.id)?.mentions));
    }
  });
});

/**
 * search, nodes(ids) and timeline are compiled like lookups and lists: the page and everything its
 * items select in one query (search first asks which language indexes exist), however many items.
 */
describe('Cypher round trips of search, nodes and timeline', () => {
  const eventFields = `
    __typename
    ... on Node { id }
    ... on Meeting { name participants(first: 5) { nodes { __typename id name } } place { name } }
    ... on Statement { summary speaker { __typename id name } mentions(first: 5) { totalCount nodes { __typename ... on Node { id } } } }`;
  const itemFields = `${eventFields}
    ... on Person { name positions(first: 3) { edges { title node { id name } } } }`;

  async function busiest() {
    const [row] = await api.cypher(
      `MATCH (p:Person)
       WITH p, COUNT { (p)-[:STATED]->() } + COUNT { (p)-[:PARTICIPATED_IN]->() } AS items
       RETURN p.id AS id ORDER BY items DESC, id LIMIT 1`,
    );
    return row!.id as string;
  }

  it('timeline: one query for 2 items and for 40, with their nested fields and the count', async () => {
    const of = await busiest();
    const run = async (first: number) => {
      const response = await api.query(
        `query ($of: ID!, $first: Int!) {
          timeline(of: $of, first: $first) { totalCount edges { date { iso } node { ${eventFields} } } }
        }`,
        { of, first },
      );
      expect(response.errors).toBeUndefined();
      return { timeline: response.data.timeline, queries: response.extensions?.cypherQueries };
    };
    const [two, forty] = [await run(2), await run(40)];
    expect(two.timeline.edges).toHaveLength(2);
    expect(forty.timeline.edges.length).toBeGreaterThan(2);
    expect(forty.timeline.edges.length).toBe(Math.min(40, forty.timeline.totalCount));
    expect(forty.timeline.edges.every((edge: any) => typeof edge.date.iso === 'string')).toBe(true);
    const statements = forty.timeline.edges.filter((edge: any) => edge.node.__typename === 'Statement');
    expect(statements.every((edge: any) => edge.node.speaker.id)).toBe(true);
    expect({ two: two.queries, forty: forty.queries }).toEqual({ two: 1, forty: 1 });
  });

  it('nodes(ids): one query for 1 id and for 60, in the order asked, with their nested fields', async () => {
    const rows = await api.cypher(
      `MATCH (n:Node) WHERE n:Person OR n:Meeting OR n:Statement RETURN n.id AS id ORDER BY id LIMIT 60`,
    );
    const ids = [...rows.map((row) => row.id as string), 'person:nobody'];
    const run = async (asked: string[]) => {
      const response = await api.query(`query ($ids: [ID!]!) { nodes(ids: $ids) { ${itemFields} } }`, {
        ids: asked,
      });
      expect(response.errors).toBeUndefined();
      return { nodes: response.data.nodes, queries: response.extensions?.cypherQueries };
    };
    const [one, many] = [await run(ids.slice(0, 1)), await run(ids)];
    expect(many.nodes.map((node: any) => node?.id ?? null)).toEqual([...ids.slice(0, -1), null]);
    expect(many.nodes.some((node: any) => node?.__typename === 'Meeting' && node.participants.nodes.length > 0)).toBe(
      true,
    );
    expect({ one: one.queries, many: many.queries }).toEqual({ one: 1, many: 1 });
  });

  it('search: one query for 2 hits and for 40, with their nested fields, the count and a page after a cursor', async () => {
    const run = async (first: number, after: string | null = null) => {
      const response = await api.query(
        `query ($first: Int!, $after: String) {
          search(text: "synthetic meeting", first: $first, after: $after) {
            totalCount pageInfo { endCursor } edges { score node { ${itemFields} } }
          }
        }`,
        { first, after },
      );
      expect(response.errors).toBeUndefined();
      return {
        hits: response.data.search.edges,
        end: response.data.search.pageInfo.endCursor,
        queries: response.extensions?.cypherQueries,
      };
    };
    const [two, forty] = [await run(2), await run(40)];
    const next = await run(40, two.end);
    expect(next.hits).toHaveLength(40);
    expect(next.hits[0].node.id).toBe(forty.hits[2].node.id);
    expect(two.hits).toHaveLength(2);
    expect(forty.hits).toHaveLength(40);
    expect(forty.hits.some((hit: any) => hit.node.participants?.nodes.length > 0)).toBe(true);
    expect(forty.hits.every((hit: any) => hit.node.__typename !== 'Statement' || hit.node.speaker.id)).toBe(true);
    expect({ two: two.queries, forty: forty.queries, next: next.queries }).toEqual({ two: 1, forty: 1, next: 1 });
  });

  it('shortestPath: one query for a short path and a long one, with its nodes’ nested fields and its relationships’ ends', async () => {
    const [near] = await api.cypher(
      `MATCH (a:Person)-[:PARTICIPATED_IN]->(:Meeting)<-[:PARTICIPATED_IN]-(b:Person) WHERE a.id < b.id
       RETURN a.id AS from, b.id AS to ORDER BY from, to LIMIT 1`,
    );
    const [far] = await api.cypher(
      `MATCH (a:Node {id: $from}), (b:Person) WHERE b <> a
       MATCH p = shortestPath((a)-[*..6]-(b))
       WITH b, p WHERE length(p) >= 4
       RETURN b.id AS to LIMIT 1`,
      { from: near!.from },
    );
    const run = async (from: string, to: string) => {
      const response = await api.query(
        `query ($from: ID!, $to: ID!) {
          shortestPath(from: $from, to: $to) {
            length
            nodes { __typename id ... on Person { name positions(first: 2) { nodes { id } } } }
            relationships { type from { id } to { id } }
          }
        }`,
        { from, to },
      );
      expect(response.errors).toBeUndefined();
      return { path: response.data.shortestPath, queries: response.extensions?.cypherQueries };
    };
    const [short, long] = [
      await run(near!.from as string, near!.to as string),
      await run(near!.from as string, far!.to as string),
    ];
    expect(short.path.length).toBe(2);
    expect(long.path.length).toBeGreaterThanOrEqual(4);
    for (const { path } of [short, long]) {
      expect(path.nodes).toHaveLength(path.length + 1);
      expect(path.relationships).toHaveLength(path.length);
      // Each relationship joins the nodes on either side of it, whichever way it points.
      path.relationships.forEach((rel: any, i: number) =>
        expect([rel.from.id, rel.to.id].sort()).toEqual([path.nodes[i].id, path.nodes[i + 1].id].sort()),
      );
    }
    const person = long.path.nodes.find((node: any) => node.__typename === 'Person' && node.positions.nodes.length > 0);
    const alone = await api.query(`query ($id: ID!) { person(id: $id) { positions(first: 2) { nodes { id } } } }`, {
      id: person.id,
    });
    expect(person.positions).toEqual(alone.data.person.positions);
    expect({ short: short.queries, long: long.queries }).toEqual({ short: 1, long: 1 });
  });
});
