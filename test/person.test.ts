/**
 * People over the Geneva article: Ryabkov with his aliases, position, meetings, statements and the
 * person he met; typed lookups that answer null for anything else; the `people` list's filters and
 * order; and a second source merging into the same person.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { seedFiles } from '../src/seed/seeder.js';
import { geneva, ids, pressConferenceStatements, startGenevaApi, type TestApi } from './helpers.js';

const secondArticle = path.join(repoRoot, 'test', 'fixtures', 'seeds', 'second-article.yaml');
const { article, ryabkov, sherman, informal, talks, pressConference } = geneva;

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

describe('person(id)', () => {
  it('gives Ryabkov his name, aliases with their language, description and sources', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        person(id: $id) {
          id name description
          aliases { name language }
          sources { totalCount nodes { id } }
        }
      }`,
      { id: ryabkov },
    );
    expect(data.person).toEqual({
      id: ryabkov,
      name: 'Sergei Ryabkov',
      // The article does not say who led either side.
      description: "Russian diplomat; Russia's deputy foreign minister.",
      aliases: [{ name: 'Ryabkov', language: 'id' }],
      sources: { totalCount: 1, nodes: [{ id: article }] },
    });
  });

  it('gives his position: the ministry, with the title in English and as reported, and its source', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        person(id: $id) {
          positions {
            totalCount
            edges {
              title titleAsReported
              startDate { iso } endDate { iso }
              node { id name kind }
              sources { nodes { id } }
            }
          }
        }
      }`,
      { id: ryabkov },
    );
    expect(data.person.positions).toEqual({
      totalCount: 1,
      edges: [
        {
          title: 'Deputy Foreign Minister',
          titleAsReported: 'Wakil Menteri Luar Negeri Rusia',
          startDate: null,
          endDate: null,
          node: {
            id: 'organization:russian-ministry-of-foreign-affairs',
            name: 'Russian Ministry of Foreign Affairs',
            kind: 'MINISTRY',
          },
          sources: { nodes: [{ id: article }] },
        },
      ],
    });
  });

  it('lists his meetings in date order with his role and each date at its precision', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        person(id: $id) {
          meetings {
            totalCount
            edges {
              role
              sources { nodes { id } }
              node { id name date { iso precision earliest latest } }
            }
          }
        }
      }`,
      { id: ryabkov },
    );
    const day = (iso: string) => ({ iso, precision: 'DAY', earliest: iso, latest: iso });
    expect(data.person.meetings).toEqual({
      totalCount: 3,
      edges: [
        {
          role: 'Russian negotiator',
          sources: { nodes: [{ id: article }] },
          node: { id: informal, name: 'Ryabkov–Sherman informal meeting, 9 January 2022', date: day('2022-01-09') },
        },
        {
          role: 'Russian negotiator',
          sources: { nodes: [{ id: article }] },
          node: { id: talks, name: 'US–Russia talks in Geneva, 10 January 2022', date: day('2022-01-10') },
        },
        // The same day, after the talks, as the article says.
        {
          role: 'speaker',
          sources: { nodes: [{ id: article }] },
          node: {
            id: pressConference,
            name: "Ryabkov's press conference in Geneva, 10 January 2022",
            date: day('2022-01-10'),
          },
        },
      ],
    });
  });

  it('lists his statements in date order, the undated one first', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        person(id: $id) { statements { totalCount nodes { id date { iso } } } }
      }`,
      { id: ryabkov },
    );
    const { statements } = data.person;
    expect(statements.totalCount).toBe(13);
    expect(ids(statements)).toEqual(['statement:ryabkov-first-meeting-difficult', ...pressConferenceStatements]);
    expect(statements.nodes[0].date).toBeNull();
    expect(statements.nodes.slice(1).every((s: any) => s.date.iso === '2022-01-10')).toBe(true);
  });

  it('pages through his statements with the cursor, neither losing nor repeating one', async () => {
    const document = `query ($id: ID!, $after: String) {
      person(id: $id) { statements(first: 5, after: $after) { nodes { id } pageInfo { hasNextPage hasPreviousPage endCursor } } }
    }`;
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[][] = [];
    do {
      const data = await api.ask(document, { id: ryabkov, after });
      const page: any = data.person.statements;
      seen.push(...ids(page));
      pages.push([page.pageInfo.hasNextPage, page.pageInfo.hasPreviousPage]);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual([
      [true, false],
      [true, true],
      [false, true],
    ]);
    const all = await api.ask(`query ($id: ID!) { person(id: $id) { statements { nodes { id } } } }`, { id: ryabkov });
    expect(seen).toEqual(ids(all.person.statements));
  });

  it('knows that Ryabkov mentioned Sherman without addressing her, and that nobody addressed or mentioned him', async () => {
    const data = await api.ask(
      `query ($ryabkov: ID!, $sherman: ID!) {
        ryabkov: person(id: $ryabkov) {
          addressedIn { totalCount nodes { id } }
          mentionedIn { totalCount nodes { id } }
        }
        sherman: person(id: $sherman) {
          addressedIn { totalCount nodes { id summary speaker { name } } }
          mentionedIn { totalCount nodes { id } }
        }
      }`,
      { ryabkov, sherman },
    );
    expect(data.ryabkov).toEqual({
      addressedIn: { totalCount: 0, nodes: [] },
      mentionedIn: { totalCount: 0, nodes: [] },
    });
    // He told reporters he had assured Sherman: the statement is about her, said to the reporters.
    expect(data.sherman.addressedIn).toEqual({ totalCount: 0, nodes: [] });
    expect(data.sherman.mentionedIn).toEqual({
      totalCount: 2,
      nodes: [
        { id: 'statement:ryabkov-first-meeting-difficult' },
        { id: 'statement:ryabkov-assured-sherman-invasion-fears-unfounded' },
      ],
    });
  });

  it('knows whom Ryabkov met: Sherman, at two meetings, in date order', async () => {
    const data = await api.ask(
      `query ($id: ID!) {
        person(id: $id) {
          metWith { totalCount edges { meetingCount node { id name } meetings { nodes { id kind } } } }
        }
      }`,
      { id: ryabkov },
    );
    expect(data.person.metWith).toEqual({
      totalCount: 1,
      edges: [
        {
          meetingCount: 2,
          node: { id: sherman, name: 'Wendy Sherman' },
          meetings: {
            nodes: [
              { id: informal, kind: 'INFORMAL_MEETING' },
              { id: talks, kind: 'TALKS' },
            ],
          },
        },
      ],
    });
  });

  it('answers null for the id of an organization', async () => {
    const data = await api.ask(`{ person(id: "organization:russia") { id name } }`);
    expect(data).toEqual({ person: null });
  });

  it('answers null for an id nothing has', async () => {
    const data = await api.ask(`{ person(id: "person:nobody-at-all") { id name } }`);
    expect(data).toEqual({ person: null });
  });
});

describe('people', () => {
  const people = `query ($filter: PersonFilter, $orderBy: PersonOrder) {
    people(filter: $filter, orderBy: $orderBy) { totalCount nodes { id name } }
  }`;

  it('lists everyone by name', async () => {
    const data = await api.ask(people);
    expect(data.people).toEqual({
      totalCount: 2,
      nodes: [
        { id: ryabkov, name: 'Sergei Ryabkov' },
        { id: sherman, name: 'Wendy Sherman' },
      ],
    });
  });

  it('orders by name descending', async () => {
    const data = await api.ask(people, { orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(ids(data.people)).toEqual([sherman, ryabkov]);
  });

  it('filters by name, case-insensitively', async () => {
    const data = await api.ask(people, { filter: { nameContains: 'ryabkov' } });
    expect(data.people).toEqual({ totalCount: 1, nodes: [{ id: ryabkov, name: 'Sergei Ryabkov' }] });
  });

  it('finds nobody for a name nobody has', async () => {
    const data = await api.ask(people, { filter: { nameContains: 'lavrov' } });
    expect(data.people).toEqual({ totalCount: 0, nodes: [] });
  });

  it('filters by the organization a person holds a position in', async () => {
    const russian = await api.ask(people, {
      filter: { organization: 'organization:russian-ministry-of-foreign-affairs' },
    });
    expect(ids(russian.people)).toEqual([ryabkov]);
    const american = await api.ask(people, { filter: { organization: 'organization:us-department-of-state' } });
    expect(ids(american.people)).toEqual([sherman]);
  });

  it('filters by a meeting taken part in', async () => {
    const both = await api.ask(people, { filter: { meeting: talks } });
    expect(ids(both.people)).toEqual([ryabkov, sherman]);
    const alone = await api.ask(people, { filter: { meeting: pressConference } });
    expect(ids(alone.people)).toEqual([ryabkov]);
  });

  it('combines filters: all must hold', async () => {
    const data = await api.ask(people, { filter: { meeting: talks, nameContains: 'sherman' } });
    expect(ids(data.people)).toEqual([sherman]);
    const none = await api.ask(people, { filter: { meeting: pressConference, nameContains: 'sherman' } });
    expect(none.people).toEqual({ totalCount: 0, nodes: [] });
  });
});

// Runs last: it adds a second source to the graph.
describe('a second article naming Ryabkov', () => {
  beforeAll(async () => {
    await seedFiles(api.driver, [secondArticle], { database: api.database });
  });

  it('finds him by the alias only that article uses', async () => {
    const data = await api.ask(
      `{ people(filter: { nameContains: "SERGEY" }) { nodes { id aliases { name language } } } }`,
    );
    expect(data.people.nodes).toEqual([
      {
        id: ryabkov,
        aliases: [
          { name: 'Ryabkov', language: 'id' },
          { name: 'Sergey Ryabkov', language: 'en' },
        ],
      },
    ]);
  });

  it('lists both articles as his sources, in the order they reported him', async () => {
    const data = await api.ask(`{ person(id: "${ryabkov}") { sources { totalCount nodes { id } } } }`);
    expect(data.person.sources).toEqual({
      totalCount: 2,
      nodes: [{ id: article }, { id: 'article:fixture-second-source' }],
    });
  });
});
