/**
 * How the API fails: an unknown id is null, not an error; too many ids is the client's mistake;
 * a request that could return too much, or nests too deep, is refused before any Cypher runs;
 * and a fault inside the server reaches the client as "Internal server error", nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../src/db/database.js';
import { startGenevaApi, type TestApi } from './helpers.js';

let api: TestApi;

beforeAll(async () => {
  api = await startGenevaApi();
});
afterAll(async () => api.close());

/** POSTs a document and keeps the HTTP status, which `api.query` does not show. */
async function post(document: string, variables?: Record<string, unknown>) {
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document, variables }),
  });
  return { status: response.status, text: await response.text() };
}

describe('unknown ids', () => {
  it('answer null without an error', async () => {
    const response = await api.query(
      '{ person(id: "person:nobody") { name } node(id: "meeting:never") { id } nodes(ids: ["person:nobody", "person:sergei-ryabkov"]) { id } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ person: null, node: null, nodes: [null, { id: 'person:sergei-ryabkov' }] });
  });

  it('answer null when the id names a node of another type', async () => {
    const response = await api.query('{ person(id: "place:geneva") { name } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ person: null });
  });
});

describe('nodes(ids:)', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `person:someone-${i}`);

  it('takes 100 ids', async () => {
    const response = await api.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(100) });
    expect(response.errors).toBeUndefined();
    expect(response.data.nodes).toHaveLength(100);
  });

  it('refuses 101 ids, naming "ids"', async () => {
    const response = await api.query('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ids(101) });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'ids' });
    expect(response.errors![0]!.message).toContain('"ids"');
  });
});

describe('the cost limit', () => {
  const costly =
    '{ people(first: 100) { nodes { meetings(first: 100) { nodes { participants(first: 100) { nodes { name } } } } } } }';

  it('refuses a request that could return a million objects, with HTTP 400, before running any Cypher', async () => {
    const { status, text } = await post(costly);
    expect(status).toBe(400);
    const body = JSON.parse(text);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COSTLY');
    expect(body.errors[0].extensions.maxCost).toBe(50_000);
    expect(body.errors[0].extensions.cost).toBeGreaterThan(1_000_000);
    expect(body.errors[0].message).toMatch(/more than the limit of 50000/);
    expect(body.extensions?.cypherQueries ?? 0).toBe(0);
  });

  it('counts `last` like `first`, and a connection given neither at its default page size', async () => {
    const backward = await api.query(
      '{ people(last: 100) { nodes { meetings(last: 100) { nodes { participants(last: 100) { nodes { name } } } } } } }',
    );
    expect(backward.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(backward.errors?.[0]?.extensions?.cost).toBeGreaterThan(1_000_000);
    expect(backward.extensions?.cypherQueries ?? 0).toBe(0);
    // 20 people, 20 meetings each, 20 participants each, 20 positions each: 20 + 400 + 8,000 + 160,000 objects.
    const defaults = await api.query(
      '{ people { nodes { meetings { nodes { participants { nodes { ... on Person { positions { nodes { id } } } } } } } } } }',
    );
    expect(defaults.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(defaults.errors?.[0]?.extensions?.cost).toBeGreaterThanOrEqual(160_000);
  });

  it('counts page sizes given in variables', async () => {
    const response = await api.query(
      'query ($n: Int) { people(first: $n) { nodes { meetings(first: $n) { nodes { participants(first: $n) { nodes { name } } } } } } }',
      { n: 100 },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(response.extensions?.cypherQueries ?? 0).toBe(0);
  });

  it('counts page sizes given by the defaults of variables, and lets a variable’s default through', async () => {
    const costlyByDefault = await api.query(
      'query ($n: Int = 100) { people(first: $n) { nodes { meetings(first: $n) { nodes { participants(first: $n) { nodes { name } } } } } } }',
    );
    expect(costlyByDefault.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
    const byDefault = await api.query('query ($id: ID! = "person:sergei-ryabkov") { person(id: $id) { name } }');
    expect(byDefault.errors).toBeUndefined();
    expect(byDefault.data).toEqual({ person: { name: 'Sergei Ryabkov' } });
  });

  it('lets the same shape through with small pages', async () => {
    const response = await api.query(
      '{ people(first: 10) { nodes { meetings(first: 10) { nodes { participants(first: 10) { nodes { name } } } } } } }',
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.people.nodes).toHaveLength(2);
    expect(response.extensions?.cypherQueries).toBe(1);
  });
});

describe('the depth limit', () => {
  /** A meeting's partOf, nested: one object per level, so the cost stays tiny. */
  const nested = (levels: number) =>
    `{ meeting(id: "meeting:us-russia-talks-geneva-2022-01-10") { ${'partOf { '.repeat(levels)}id${' }'.repeat(levels)} } }`;

  it('lets a query 10 levels deep through', async () => {
    const response = await api.query(nested(9));
    expect(response.errors).toBeUndefined();
    expect(response.data.meeting.partOf).toEqual({ partOf: null });
  });

  it('refuses a query 21 levels deep, before running any Cypher', async () => {
    const { status, text } = await post(nested(20));
    const body = JSON.parse(text);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/depth/i);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
    expect(status).toBe(400);
    expect(body.extensions?.cypherQueries ?? 0).toBe(0);
  });
});

describe('an internal error', () => {
  beforeAll(async () => {
    // A statement without a speaker: the seeder never writes one, so the server has no answer.
    await api.cypher(
      `CREATE (:Node:Statement {id: 'statement:broken', kind: 'DIRECT_QUOTE', text: 'x', summary: 'x', language: 'en'})`,
    );
  });

  it('is masked as "Internal server error", with no stack trace, Cypher or detail', async () => {
    const { status, text } = await post('{ statement(id: "statement:broken") { id speaker { name } } }');
    const body = JSON.parse(text);
    expect(status).toBe(200);
    expect(body.data).toEqual({ statement: null });
    expect(body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['statement', 'speaker'],
        locations: [expect.objectContaining({ line: 1 })],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    for (const leak of ['stacktrace', 'at ', '.ts', 'MATCH', 'statement:broken', 'speaker ']) {
      expect(text, leak).not.toContain(leak);
    }
  });

  it('leaves the rest of the answer alone', async () => {
    const response = await api.query(
      '{ broken: statement(id: "statement:broken") { speaker { name } } person(id: "person:sergei-ryabkov") { name } }',
    );
    expect(response.data).toEqual({ broken: null, person: { name: 'Sergei Ryabkov' } });
    expect(response.errors?.map((error) => error.message)).toEqual(['Internal server error']);
  });
});

describe('a read that fails', () => {
  // Reads start their query without the driver's copy of the caller's stack (src/db/database.ts):
  // the stack a failure is logged with is taken when it fails, and still names who asked.
  it('carries the stack of the code that asked for it, and the message of the database', async () => {
    async function askTheImpossible() {
      return await new Database(api.driver, api.database).read('RETURN 1 / 0 AS x');
    }
    const error: Error = await askTheImpossible().then(
      () => {
        throw new Error('the read succeeded');
      },
      (failure: Error) => failure,
    );
    expect(error.message).toContain('/ by zero');
    expect(error.stack).toMatch(/^Neo4jError: \/ by zero\n/);
    expect(error.stack).toContain('askTheImpossible');
    expect(error.stack).toContain('errors.test.ts');
  });

  it('leaves the stack traces of other errors alone', async () => {
    await new Database(api.driver, api.database).read('RETURN 1 AS x');
    expect(new Error('after a read').stack).toContain('errors.test.ts');
  });
});
