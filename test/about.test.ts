import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './helpers.js';

describe('the GraphQL endpoint', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api.close());

  it('answers { __typename } over POST /graphql', async () => {
    expect(await api.query('{ __typename }')).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('is backed by a real Neo4j 5.26 Community server', async () => {
    const response = await api.query('{ about { version neo4jVersion neo4jEdition } }');
    expect(response.errors).toBeUndefined();
    expect(response.data.about.neo4jVersion).toMatch(/^5\.26\./);
    expect(response.data.about.neo4jEdition).toBe('community');
  });

  it('serves the playground to a browser, with no asset from another host', async () => {
    const page = await fetch(api.url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<div id="graphiql"');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1]!)
      .filter((source) => !source.startsWith('data:'));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      // A path of this server: `/…`, not `//host/…` (another host, whatever the scheme).
      expect(source).toMatch(/^\/(?!\/)/);
      const asset = await fetch(new URL(source, api.url));
      expect(asset.status, source).toBe(200);
    }
  });
});
