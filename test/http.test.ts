/**
 * The HTTP surface: GraphQL-over-HTTP conformance (graphql-http's audit, against a bare Apollo
 * Server 5 in the same run), health endpoints, CORS, request ids and the request timeout.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { auditServer, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geneva, startGenevaApi, startTestApi, type TestApi } from './helpers.js';

let api: TestApi;
let base: string;

beforeAll(async () => {
  api = await startGenevaApi({ corsOrigins: ['http://localhost:5173', 'https://news.example'] });
  base = new URL(api.url).origin;
});
afterAll(async () => api.close());

const tally = (results: AuditResult[]) => ({
  mustFailures: results.filter((r) => r.status === 'error').map((r) => r.name),
  shouldWarnings: results.filter((r) => r.status === 'warn').map((r) => r.name),
  notices: results.filter((r) => r.status === 'notice').length,
  ok: results.filter((r) => r.status === 'ok').length,
});

describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  it('has no MUST failure and no more SHOULD warnings than a bare Apollo Server 5', async () => {
    const bare = new ApolloServer({ typeDefs: 'type Query { hello: String }', resolvers: {} });
    const { url: bareUrl } = await startStandaloneServer(bare, { listen: { port: 0, host: '127.0.0.1' } });
    try {
      const ours = tally(await auditServer({ url: api.url }));
      const theirs = tally(await auditServer({ url: bareUrl }));
      console.log(
        `graphql-http audit: newsgraph ${ours.mustFailures.length} MUST failures, ${ours.shouldWarnings.length} SHOULD ` +
          `warnings, ${ours.ok} ok; bare Apollo Server 5: ${theirs.mustFailures.length} MUST failures, ` +
          `${theirs.shouldWarnings.length} SHOULD warnings, ${theirs.ok} ok\n` +
          `  newsgraph warnings: ${ours.shouldWarnings.join(' | ')}\n  Apollo warnings: ${theirs.shouldWarnings.join(' | ')}`,
      );
      expect(ours.mustFailures).toEqual([]);
      expect(ours.shouldWarnings.length).toBeLessThanOrEqual(theirs.shouldWarnings.length);
    } finally {
      await bare.stop();
    }
  });
});

describe('health endpoints', () => {
  it('/healthz answers 200 while the process is up', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 when Neo4j answers', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('/readyz answers 503 with the reason when Neo4j cannot be reached', async () => {
    const { createDriver } = await import('../src/db/database.js');
    const { startServer } = await import('../src/server.js');
    const { createLogger } = await import('../src/logger.js');
    const { freePort } = await import('../src/neo4j/runtime.js');
    // A port where nothing listens: the driver's connection is refused.
    const driver = createDriver({ uri: `bolt://127.0.0.1:${await freePort()}` });
    const server = await startServer({ driver, logger: createLogger('silent'), port: 0 });
    try {
      const response = await fetch(new URL('/readyz', server.url));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('2');
      const body: any = await response.json();
      expect(body.status).toBe('unavailable');
      expect(body.reason).toMatch(/Neo4j/);
      const query = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ person(id: "${geneva.ryabkov}") { name } }` }),
      });
      expect(query.status).toBe(503);
      expect(query.headers.get('retry-after')).toBe('2');
      expect(((await query.json()) as any).errors[0].extensions.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      await server.close();
      await driver.close();
    }
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(api.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('answers the preflight of a listed origin', async () => {
    const response = await preflight('http://localhost:5173');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('gives a listed origin the CORS header on the request itself', async () => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { origin: 'https://news.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://news.example');
  });

  it('gives an unlisted origin no CORS header at all', async () => {
    const response = await preflight('https://evil.example');
    expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const request = await fetch(api.url, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(request.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS header when none is configured', async () => {
    const plain = await startTestApi();
    try {
      const response = await fetch(plain.url, {
        method: 'POST',
        headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await plain.close();
    }
  });

  it('allows any origin with *', async () => {
    const open = await startTestApi({ corsOrigins: '*' });
    try {
      const response = await fetch(open.url, {
        method: 'POST',
        headers: { origin: 'https://anywhere.example', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await open.close();
    }
  });
});

describe('request ids and timeouts', () => {
  it('returns a request id, and keeps a sane one the client sent', async () => {
    const fresh = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42' },
      body: '{"query":"{ __typename }"}',
    });
    expect(given.headers.get('x-request-id')).toBe('trace-42');
  });

  it('answers 504 REQUEST_TIMEOUT when a request runs past REQUEST_TIMEOUT_MS', async () => {
    const hasty = await startTestApi({ requestTimeoutMs: 1 });
    try {
      const response = await fetch(hasty.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ person(id: "${geneva.ryabkov}") { meetings { nodes { participants { nodes { name } } } } } }`,
        }),
      });
      expect(response.status).toBe(504);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
    } finally {
      await hasty.close();
    }
  });
});
