/**
 * Timelines over the Geneva article: what a person did (meetings attended, statements made), what
 * happened about a topic, what was held in a place, in date order with each item's date on the
 * edge; narrowed by from/to, paginated by cursor, and counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneva, pressConferenceStatements, startGenevaApi, type TestApi } from './helpers.js';

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

const timelineQuery = `
  query ($of: ID!, $date: DateRange, $first: Int, $after: String) {
    timeline(of: $of, date: $date, first: $first, after: $after) {
      edges {
        cursor
        date { iso precision }
        node { __typename ... on Meeting { id kind } ... on Statement { id } }
      }
      pageInfo { hasNextPage hasPreviousPage endCursor }
      totalCount
    }
  }`;

interface Edge {
  cursor: string;
  date: { iso: string; precision: string };
  node: { __typename: 'Meeting' | 'Statement'; id: string; kind?: string };
}

async function timeline(of: string, args: { from?: string; to?: string; first?: number; after?: string } = {}) {
  const { from, to, ...page } = args;
  const date = from === undefined && to === undefined ? undefined : { from, to };
  const data = await api.ask(timelineQuery, { of, first: 100, date, ...page });
  return data.timeline as { edges: Edge[]; pageInfo: any; totalCount: number };
}

const ids = (edges: Edge[]) => edges.map((edge) => edge.node.id);

function expectDateOrder(edges: Edge[]) {
  edges.slice(1).forEach((edge, i) => {
    const before = edges[i]!;
    expect(before.date.iso <= edge.date.iso, `${before.node.id} (${before.date.iso}) before ${edge.node.id}`).toBe(
      true,
    );
  });
}

describe("a person's timeline", () => {
  const { ryabkov } = geneva;

  it('holds the meetings attended and the dated statements made, in date order, then in the order of the article', async () => {
    const result = await timeline(ryabkov);
    // On 10 January: the talks, then the press conference that followed them ("setelah lebih dari tujuh
    // jam negosiasi"), then what was said there in the order the article reports it.
    expect(ids(result.edges)).toEqual([
      'meeting:ryabkov-sherman-informal-meeting-2022-01-09',
      'meeting:us-russia-talks-geneva-2022-01-10',
      'meeting:ryabkov-press-conference-geneva-2022-01-10',
      ...pressConferenceStatements,
    ]);
    expectDateOrder(result.edges);
    expect(result.edges[0]!.node).toEqual({
      __typename: 'Meeting',
      id: 'meeting:ryabkov-sherman-informal-meeting-2022-01-09',
      kind: 'INFORMAL_MEETING',
    });
    const byType = (type: string) => result.edges.filter((edge) => edge.node.__typename === type);
    expect(byType('Meeting')).toHaveLength(3);
    expect(byType('Statement')).toHaveLength(12);
    // The undated remark about the first meeting has no place in time.
    expect(ids(result.edges)).not.toContain('statement:ryabkov-first-meeting-difficult');
  });

  it("carries each item's own date on the edge", async () => {
    const result = await timeline(ryabkov);
    for (const edge of result.edges) {
      expect(edge.date.precision).toBe('DAY');
      expect(edge.date.iso).toMatch(/^2022-01-(09|10)$/);
    }
    const [row] = await api.cypher('MATCH (s:Statement {id: $id}) RETURN s.date AS date', {
      id: 'statement:ryabkov-no-progress-on-ukraine-nato-membership',
    });
    const edge = result.edges.find((e) => e.node.id === 'statement:ryabkov-no-progress-on-ukraine-nato-membership');
    expect(edge?.date.iso).toBe(row!.date);
  });

  it('counts the dated items', async () => {
    const result = await timeline(ryabkov, { first: 2 });
    expect(result.edges).toHaveLength(2);
    expect(result.totalCount).toBe(15);
  });

  it('is narrowed by to and from', async () => {
    const before = await timeline(ryabkov, { to: '2022-01-09' });
    expect(ids(before.edges)).toEqual(['meeting:ryabkov-sherman-informal-meeting-2022-01-09']);
    expect(before.totalCount).toBe(1);
    const after = await timeline(ryabkov, { from: '2022-01-10' });
    expect(after.edges).toHaveLength(14);
    expect(after.totalCount).toBe(14);
    expect(after.edges.every((edge) => edge.date.iso >= '2022-01-10')).toBe(true);
    // A month includes its days.
    expect((await timeline(ryabkov, { from: '2022-01', to: '2022-01' })).totalCount).toBe(15);
    expect((await timeline(ryabkov, { from: '2022-02' })).edges).toEqual([]);
  });

  it('is paginated by cursor without loss or repeat', async () => {
    const all = await timeline(ryabkov);
    const walked: Edge[] = [];
    const flags: [boolean, boolean][] = [];
    let after: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await timeline(ryabkov, { first: 4, after });
      walked.push(...result.edges);
      flags.push([result.pageInfo.hasPreviousPage, result.pageInfo.hasNextPage]);
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(ids(walked)).toEqual(ids(all.edges));
    expect(flags).toEqual([
      [false, true],
      [true, true],
      [true, true],
      [true, false],
    ]);
  });
});

describe("a topic's timeline", () => {
  it('holds the meetings and dated statements about it, the month-long dialogue first', async () => {
    const topic = 'topic:ukraine-nato-membership';
    const result = await timeline(topic);
    const rows = await api.cypher(`MATCH (:Topic {id: $id})<-[:ABOUT]-(x) WHERE x.date IS NOT NULL RETURN x.id AS id`, {
      id: topic,
    });
    expect(ids(result.edges)).toEqual([
      'meeting:us-russia-security-talks-2022-01',
      'meeting:us-russia-talks-geneva-2022-01-10',
      'meeting:ryabkov-press-conference-geneva-2022-01-10',
      ...pressConferenceStatements.filter((id) => rows.some((row) => row.id === id)),
    ]);
    expect(result.totalCount).toBe(rows.length);
    expectDateOrder(result.edges);
    expect(result.edges[0]).toMatchObject({
      date: { iso: '2022-01', precision: 'MONTH' },
      node: { __typename: 'Meeting', id: 'meeting:us-russia-security-talks-2022-01', kind: 'DIALOGUE' },
    });
    expect(result.edges.filter((edge) => edge.node.__typename === 'Statement').length).toBe(6);
  });
});

describe("a place's timeline", () => {
  it('is the meetings held there', async () => {
    const result = await timeline('place:geneva');
    expect(result.edges.every((edge) => edge.node.__typename === 'Meeting')).toBe(true);
    // The same date: the talks first, then the press conference the article says followed them.
    expect(ids(result.edges)).toEqual([
      'meeting:us-russia-talks-geneva-2022-01-10',
      'meeting:ryabkov-press-conference-geneva-2022-01-10',
    ]);
    expect(result.totalCount).toBe(2);
    const place = await api.query('{ place(id: "place:geneva") { meetings { nodes { id } } } }');
    expect(place.data.place.meetings.nodes.map((m: any) => m.id)).toEqual(ids(result.edges));
  });
});

describe('bad timeline arguments', () => {
  it('refuses a date that is not one, naming "date.from" or "date.to"', async () => {
    for (const [bound, value] of [
      ['from', '2022-1-10'],
      ['from', 'yesterday'],
      ['to', '2022-01-32'],
    ] as const) {
      const response = await api.query(timelineQuery, { of: 'person:sergei-ryabkov', date: { [bound]: value } });
      expect(response.errors, `${bound}: ${value}`).toHaveLength(1);
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: `date.${bound}` });
      expect(response.errors![0]!.message).toContain(`"date.${bound}"`);
    }
  });

  it('still takes the deprecated from/to, alone', async () => {
    const old = await api.ask(
      `{ timeline(of: "person:sergei-ryabkov", from: "2022-01-10", first: 100) { totalCount } }`,
    );
    expect(old.timeline.totalCount).toBe(14);
    const both = await api.query(
      `{ timeline(of: "person:sergei-ryabkov", from: "2022-01-10", date: { to: "2022-01-10" }) { totalCount } }`,
    );
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'date' });
  });

  it('refuses a cursor it did not give out, naming "after"', async () => {
    const response = await api.query(timelineQuery, { of: 'person:sergei-ryabkov', after: 'nonsense' });
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });
});
