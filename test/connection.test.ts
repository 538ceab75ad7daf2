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
    const second = (await api.ask(positions, { id: geneva.ryabkov, after: first.pageInfo.endCursor })).person
      .positions;
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
