/**
 * A hostile corpus: requests a careless or malicious client could send. Each case asserts the
 * HTTP status and error code it gets, and that the server still answers a normal query afterwards.
 * For each case the longest event-loop stall (measured with perf_hooks) and the time of the
 * normal query after it are printed; only a generous bound is asserted (this is no benchmark),
 * to catch a regression like the 13-second fragment walk.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../src/schema.js';
import { geneva, startGenevaApi, type TestApi } from './helpers.js';

let api: TestApi;
let base: string;
const bodyTimeoutMs = 1_000;

beforeAll(async () => {
  // A 1 MB body limit, as a server configured for small ingested documents would have (the default
  // makes room for MAX_INGEST_BYTES): the body cases below are written against it.
  api = await startGenevaApi({ bodyTimeoutMs, maxBodyBytes: 1024 * 1024 });
  base = new URL(api.url).origin;
});
afterAll(async () => {
  printFigures();
  await api.close();
});

interface Answer {
  status: number;
  body: any;
  text: string;
}

interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

async function send(request: RawRequest): Promise<Answer> {
  const response = await fetch(`${base}${request.path ?? '/graphql'}`, {
    method: request.method ?? 'POST',
    headers: request.headers ?? { 'content-type': 'application/json' },
    body: request.body,
  });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

const post = (query: string, variables?: unknown, extra: Record<string, unknown> = {}) =>
  send({ body: JSON.stringify({ query, variables, ...extra }) });

/** A request written byte by byte on a socket: for framing no fetch would send. */
function rawHttp(head: string, chunks: { data: string; afterMs: number }[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(base);
    const request = http.request({ port: Number(port), host: '127.0.0.1', method: 'POST', path: '/graphql' });
    for (const line of head.split('\n').filter(Boolean)) {
      const [name, ...value] = line.split(':');
      request.setHeader(name!.trim(), value.join(':').trim());
    }
    request.flushHeaders();
    const timers = chunks.map((chunk) => setTimeout(() => request.write(chunk.data), chunk.afterMs));
    request.on('response', (response) => {
      let text = '';
      response.on('data', (data: Buffer) => (text += data.toString()));
      response.on('end', () => {
        timers.forEach(clearTimeout);
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), text });
      });
    });
    request.on('error', (error) => {
      timers.forEach(clearTimeout);
      reject(error);
    });
  });
}

const codes = (answer: Answer): string[] =>
  (answer.body?.errors ?? []).map((error: { extensions?: { code?: string } }) => String(error.extensions?.code));

// ---- documents -------------------------------------------------------------------------------

/** `fragments` fragments, each spreading the next `breadth` times; the last selects `leaf`. */
function fragmentBomb(fragments: number, breadth: number, leaf = '__typename'): string {
  const defs = Array.from({ length: fragments }, (_, i) =>
    i === fragments - 1
      ? `fragment F${i} on Query { ${leaf} }`
      : `fragment F${i} on Query { ${`...F${i + 1} `.repeat(breadth)}}`,
  );
  return `query { ...F0 } ${defs.join(' ')}`;
}

function sideBySide(fragments: number): string {
  const spreads = Array.from({ length: fragments }, (_, i) => `...F${i}`).join(' ');
  const defs = Array.from({ length: fragments }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ');
  return `query { ${spreads} } ${defs}`;
}

const deep = (levels: number) => `${'{a'.repeat(levels)}${'}'.repeat(levels)}`;
const partOf = (levels: number) =>
  `{ meeting(id: "${geneva.talks}") { ${'partOf { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
const normal = `{ person(id: "${geneva.ryabkov}") { name } }`;

// ---- the corpus -------------------------------------------------------------------------------

interface Case {
  name: string;
  run: () => Promise<Answer>;
  status: number;
  /** The error code expected (among the errors); undefined: no errors at all. */
  code?: string;
  check?: (answer: Answer) => void;
}

const cases: Case[] = [
  // Shape bombs and fragments
  {
    name: 'fragment bomb 7×16 (the 13 s request)',
    run: () => post(fragmentBomb(7, 16)),
    status: 400,
    code: 'TOO_MANY_FRAGMENT_SPREADS',
  },
  { name: 'fragment bomb 5×20', run: () => post(fragmentBomb(5, 20)), status: 400, code: 'TOO_MANY_FRAGMENT_SPREADS' },
  // 28 spreads, the most the spread cap lets through in a chain: 3^9 walks without memoising.
  { name: 'fragment bomb 10×3', run: () => post(fragmentBomb(10, 3)), status: 200 },
  {
    name: 'fragment bomb 30×40',
    run: () => post(fragmentBomb(30, 40)),
    status: 400,
    code: 'TOO_MANY_FRAGMENT_SPREADS',
  },
  {
    name: 'fragment bomb with an alias at the bottom',
    run: () => post(fragmentBomb(10, 3, 'a: about { nodes }')),
    status: 400,
    code: 'TOO_MANY_ALIASES',
  },
  {
    name: 'fragment bomb with a list at the bottom',
    run: () => post(fragmentBomb(10, 3, 'people(first: 10) { nodes { id } }')),
    status: 400,
    code: 'QUERY_TOO_COSTLY',
  },
  {
    name: 'fragment bomb with a directive at the bottom',
    run: () => post(fragmentBomb(10, 3, '__typename @include(if: true)')),
    status: 400,
    code: 'TOO_MANY_DIRECTIVES',
  },
  {
    name: 'fragment bomb on nested fields',
    run: () =>
      post(
        `{ people(first: 2) { nodes { ...P0 } } } ${Array.from({ length: 8 }, (_, i) =>
          i === 7 ? `fragment P7 on Person { name }` : `fragment P${i} on Person { ${`...P${i + 1} `.repeat(4)}}`,
        ).join(' ')}`,
      ),
    status: 200,
  },
  {
    name: 'fragment cycle',
    run: () => post('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'self-spreading fragment',
    run: () => post('query { ...A } fragment A on Query { __typename ...A }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: '30 fragments side by side', run: () => post(sideBySide(30)), status: 200 },
  {
    name: '100 fragments side by side',
    run: () => post(sideBySide(100)),
    status: 400,
    code: 'TOO_MANY_FRAGMENT_SPREADS',
  },
  {
    name: '40 fragments defined, one spread',
    run: () =>
      post(
        `query { ...F0 } ${Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`,
      ),
    status: 400,
    code: 'TOO_MANY_FRAGMENTS',
  },
  {
    name: '400 fragments side by side',
    run: () =>
      post(
        `query { ${Array.from({ length: 400 }, (_, i) => `...F${i}`).join(' ')} } ${Array.from(
          { length: 400 },
          (_, i) => `fragment F${i} on Query { __typename }`,
        ).join(' ')}`,
      ),
    status: 400,
    code: 'TOO_MANY_FRAGMENT_SPREADS',
  },
  { name: 'unknown fragment', run: () => post('{ ...Nope }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'fragment on a wrong type',
    run: () => post('{ ...F } fragment F on Person { name }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  // Token, alias and directive floods
  {
    name: '6,000 tokens',
    run: () => post(`{ __typename ${'!'.repeat(6000)} }`),
    status: 400,
    code: 'TOO_MANY_TOKENS',
  },
  { name: '300 repeated fields', run: () => post(`{ ${'__typename '.repeat(300)}}`), status: 200 },
  {
    name: '2,400 repeated fields',
    run: () => post(`{ ${'__typename '.repeat(2400)}}`),
    status: 400,
    code: 'TOO_MANY_FIELDS',
  },
  {
    name: '1,600 aliases of __typename',
    run: () => post(`{ ${Array.from({ length: 1600 }, (_, i) => `a${i}: __typename`).join(' ')} }`),
    status: 400,
    code: 'TOO_MANY_FIELDS',
  },
  {
    name: '31 aliases',
    run: () => post(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: about { nodes }`).join(' ')} }`),
    status: 400,
    code: 'TOO_MANY_ALIASES',
  },
  {
    name: '60 directives',
    run: () => post(`{ ${Array.from({ length: 60 }, () => '__typename @include(if: true)').join(' ')} }`),
    status: 400,
    code: 'TOO_MANY_DIRECTIVES',
  },
  {
    name: 'repeated directive on one field',
    run: () => post(`{ __typename ${'@skip(if: false) '.repeat(40)}}`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'unknown directives',
    run: () => post(`{ __typename ${'@nope '.repeat(30)}}`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  // Deep nesting
  { name: '2,400-deep selection', run: () => post(deep(2400)), status: 400, code: 'QUERY_TOO_DEEP' },
  { name: '100-deep selection', run: () => post(deep(100)), status: 400, code: 'QUERY_TOO_DEEP' },
  { name: 'depth 17 in real fields', run: () => post(partOf(16)), status: 400, code: 'QUERY_TOO_DEEP' },
  { name: 'depth 11 in real fields', run: () => post(partOf(9)), status: 200 },
  {
    name: '2,000-deep list literal in an argument',
    run: () => post(`{ nodes(ids: ${'['.repeat(2000)}"x"${']'.repeat(2000)}) { id } }`),
    status: 400,
    code: 'QUERY_TOO_DEEP',
  },
  {
    name: '2,000-deep object literal in an argument',
    run: () => post(`{ people(filter: ${'{a:'.repeat(2000)}1${'}'.repeat(2000)}) { totalCount } }`),
    status: 400,
    code: 'QUERY_TOO_DEEP',
  },
  {
    name: '100,000-deep JSON in the variables',
    run: () =>
      send({ body: `{"query":"{ __typename }","variables":{"v":${'['.repeat(100_000)}${']'.repeat(100_000)}}}` }),
    status: 200,
  },
  {
    name: '100,000-deep list for a declared list variable',
    run: () =>
      send({
        body: `{"query":"query ($ids: [ID!]!) { nodes(ids: $ids) { id } }","variables":{"ids":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
      }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  // Huge strings and variables
  {
    name: '900 KB search text',
    run: () => post('query ($t: String!) { search(text: $t) { __typename } }', { t: 'x'.repeat(900_000) }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: '900 KB id literal',
    run: () => post(`{ person(id: "${'p'.repeat(900_000)}") { name } }`),
    status: 200,
    check: (answer) => expect(answer.body.data).toEqual({ person: null }),
  },
  {
    name: '900 KB of whitespace and comments',
    run: () => post(`${'# comment\n'.repeat(45_000)}{ __typename }${' '.repeat(400_000)}`),
    status: 200,
  },
  {
    name: '50,000 unused variables',
    run: () => post('{ __typename }', Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`v${i}`, i]))),
    status: 200,
  },
  {
    name: '20,000 ids',
    run: () =>
      post('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        ids: Array.from({ length: 20_000 }, (_, i) => `x${i}`),
      }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a fraction for an Int',
    run: () => post('query ($n: Int) { people(first: $n) { totalCount } }', { n: 1.5 }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a page of a billion',
    run: () => post('{ people(first: 1000000000) { nodes { id } } }'),
    status: 400,
    code: 'QUERY_TOO_COSTLY',
  },
  {
    name: 'a negative page size',
    run: () => post('{ people(first: -5) { nodes { id } } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  // Malformed JSON
  { name: 'truncated JSON', run: () => send({ body: '{"query": "{ __typename' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'not JSON at all', run: () => send({ body: 'query { __typename }' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty body', run: () => send({ body: '' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null', run: () => send({ body: 'null' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'a JSON string', run: () => send({ body: '"{ __typename }"' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'a JSON number', run: () => send({ body: '42' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'query is a number', run: () => send({ body: '{"query": 5}' }), status: 400, code: 'BAD_REQUEST' },
  { name: 'no query', run: () => send({ body: '{"variables": {}}' }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables is a string',
    run: () => send({ body: '{"query": "{ __typename }", "variables": "x"}' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'operationName is an object',
    run: () => send({ body: '{"query": "{ __typename }", "operationName": {}}' }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'invalid UTF-8 around the JSON',
    run: () => send({ body: Buffer.from([0xff, 0xfe, ...Buffer.from('{"query":"{ __typename }"}')]) }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'syntax error', run: () => post('{'), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'unknown field', run: () => post('{ nope }'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  // Wrong content types
  ...['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/graphql'].map(
    (type): Case => ({
      name: `content type ${type}`,
      run: () => send({ headers: { 'content-type': type }, body: JSON.stringify({ query: '{ __typename }' }) }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    }),
  ),
  {
    name: 'no content type',
    run: () => send({ headers: {}, body: new Blob([JSON.stringify({ query: '{ __typename }' })]) as never }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'content type with charset and capitals',
    run: () =>
      send({ headers: { 'content-type': 'Application/JSON; charset=utf-8' }, body: '{"query":"{ __typename }"}' }),
    status: 200,
  },
  // Batching and operation choice
  {
    name: 'a batch of two',
    run: () => send({ body: JSON.stringify([{ query: normal }, { query: normal }]) }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a batch of 5,000',
    run: () => send({ body: JSON.stringify(Array.from({ length: 5000 }, () => ({ query: normal }))) }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'an empty batch', run: () => send({ body: '[]' }), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'two operations, no operationName',
    run: () => post('query A { __typename } query B { __typename }'),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  {
    name: 'an operationName that is not there',
    run: () => post('query A { __typename }', undefined, { operationName: 'B' }),
    status: 400,
    code: 'OPERATION_RESOLUTION_FAILURE',
  },
  // Oversized bodies
  {
    name: 'body of 1 MB + 1 byte',
    run: () => send({ body: JSON.stringify({ query: `{ __typename }${' '.repeat(1024 * 1024)}` }) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'body of 8 MB',
    run: () => send({ body: JSON.stringify({ query: `{ __typename }${' '.repeat(8 * 1024 * 1024)}` }) }),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: '2 MB chunked, no Content-Length',
    run: () =>
      rawHttp('content-type: application/json\ntransfer-encoding: chunked', [
        { data: `{"query":"{ __typename }${' '.repeat(2 * 1024 * 1024)}`, afterMs: 0 },
      ]),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  // GET and mutation misuse
  {
    name: 'GET with a query',
    run: () =>
      send({
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(normal)}`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    status: 200,
  },
  {
    name: 'GET without a query',
    run: () => send({ method: 'GET', path: '/graphql', headers: { 'apollo-require-preflight': 'true' } }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET without the CSRF header',
    run: () => send({ method: 'GET', path: `/graphql?query=${encodeURIComponent(normal)}`, headers: {} }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET with a mutation the schema does not have',
    run: () =>
      send({
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent('mutation { x }')}`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'GET with malformed variables',
    run: () =>
      send({
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent('{ __typename }')}&variables={nope`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'GET with 6,000 tokens',
    run: () =>
      send({
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent(`{ ${'!'.repeat(6000)} }`)}`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    status: 400,
    code: 'TOO_MANY_TOKENS',
  },
  {
    name: 'GET with a 100 KB address',
    run: () =>
      send({
        method: 'GET',
        path: `/graphql?query=${'x'.repeat(100_000)}`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    status: 431,
    code: 'REQUEST_HEADERS_TOO_LARGE',
  },
  {
    name: 'a mutation the schema does not have',
    run: () => post('mutation { deleteEverything }'),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'a write without a token',
    run: () => post('mutation { retractArticle(id: "article:2129ad4d3e752772") { retracted } }'),
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  { name: 'a subscription', run: () => post('subscription { ticks }'), status: 400, code: 'OPERATION_NOT_SUPPORTED' },
  ...['PUT', 'DELETE', 'PATCH'].map((method): Case => ({
    name: `${method} /graphql`,
    run: () => send({ method, body: JSON.stringify({ query: normal }) }),
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  })),
  { name: 'an unknown path', run: () => send({ method: 'GET', path: '/nope' }), status: 404, code: 'NOT_FOUND' },
  // Slow bodies
  {
    name: 'a body that never comes',
    run: () => rawHttp('content-type: application/json\ncontent-length: 100', []),
    status: 408,
    code: 'REQUEST_BODY_TIMEOUT',
  },
  {
    name: 'a body trickling a byte at a time',
    run: () =>
      rawHttp(
        'content-type: application/json\ncontent-length: 100',
        Array.from({ length: 20 }, (_, i) => ({ data: ' ', afterMs: i * 200 })),
      ),
    status: 408,
    code: 'REQUEST_BODY_TIMEOUT',
  },
  // Many at once
  {
    name: '200 concurrent requests',
    run: async () => {
      const answers = await Promise.all(Array.from({ length: 200 }, () => post(normal)));
      const statuses = [...new Set(answers.map((answer) => answer.status))];
      // Every answer is checked, not one: the first that differs from the expected one is shown.
      const odd = answers.find((answer) => answer.body?.errors || answer.body?.data?.person?.name !== 'Sergei Ryabkov');
      const shown = odd ?? answers[0]!;
      return { status: statuses.length === 1 ? statuses[0]! : 0, body: shown.body, text: shown.text };
    },
    status: 200,
    check: (answer) => {
      expect(answer.body.errors, answer.text.slice(0, 500)).toBeUndefined();
      expect(answer.body.data, answer.text.slice(0, 500)).toEqual({ person: { name: 'Sergei Ryabkov' } });
    },
  },
];

// Injection in every string argument: each String or ID argument of each root field (and of
// each filter) gets Cypher-looking text; nothing may change and nothing may fail inside.
const injections = ["' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //", '"}) MATCH (n) DETACH DELETE n RETURN 1 //'];
const schema = buildSchema(loadTypeDefs().join('\n'));
const fillers: Record<string, string> = { of: geneva.ryabkov, person: geneva.ryabkov, from: geneva.ryabkov };
for (const [fieldName, field] of Object.entries(schema.getQueryType()!.getFields())) {
  const returned = getNamedType(field.type);
  const selection =
    'getFields' in returned
      ? 'nodes' in returned.getFields()
        ? '{ nodes { __typename } }'
        : 'id' in returned.getFields()
          ? '{ id }'
          : '{ __typename }'
      : '{ __typename }';
  const targets: { path: string; type: string; arg: string }[] = [];
  for (const arg of field.args) {
    const named = getNamedType(arg.type);
    if (isScalarType(named) && (named.name === 'String' || named.name === 'ID') && !isListType(arg.type)) {
      targets.push({ path: arg.name, type: String(arg.type), arg: arg.name });
    }
    if (isInputObjectType(named)) {
      for (const inner of Object.values(named.getFields())) {
        const innerNamed = getNamedType(inner.type);
        if (isScalarType(innerNamed) && (innerNamed.name === 'String' || innerNamed.name === 'ID')) {
          targets.push({ path: `${arg.name}.${inner.name}`, type: String(arg.type), arg: arg.name });
        }
      }
    }
  }
  targets.forEach((target, index) => {
    const payload = injections[index % injections.length]!;
    const args = field.args
      .filter((arg) => arg.name === target.arg || isNonNullType(arg.type))
      .map((arg) => {
        const named = getNamedType(arg.type);
        // A required enum (network's `kind`) takes its first value; other required arguments an id.
        if (arg.name !== target.arg && isEnumType(named)) return `${arg.name}: ${named.getValues()[0]!.name}`;
        if (arg.name !== target.arg) return `${arg.name}: ${JSON.stringify(fillers[arg.name] ?? geneva.sherman)}`;
        return `${arg.name}: $v`;
      });
    const [, innerName] = target.path.split('.');
    const value = innerName ? { [innerName]: payload } : payload;
    cases.push({
      name: `injection in ${fieldName}(${target.path})`,
      run: () => post(`query ($v: ${target.type}) { ${fieldName}(${args.join(', ')}) ${selection} }`, { v: value }),
      status: 200,
      check: (answer) => {
        for (const code of codes(answer)) expect(['BAD_USER_INPUT'], JSON.stringify(answer.body)).toContain(code);
      },
    });
  });
}

// ---- running it -------------------------------------------------------------------------------

const figures: { name: string; status: number; stallMs: number; normalMs: number }[] = [];

function printFigures() {
  if (figures.length === 0) return;
  const worst = figures.reduce((a, b) => (b.stallMs > a.stallMs ? b : a));
  const slowest = figures.reduce((a, b) => (b.normalMs > a.normalMs ? b : a));
  console.log(
    [
      `hostile corpus: ${figures.length} cases`,
      ...figures.map(
        (f) =>
          `  ${f.name.padEnd(58)} ${String(f.status).padStart(3)}  stall ${f.stallMs.toFixed(1).padStart(7)} ms` +
          `  normal query after ${f.normalMs.toFixed(1).padStart(7)} ms`,
      ),
      `longest event-loop stall: ${worst.stallMs.toFixed(1)} ms (${worst.name})`,
      `slowest normal query after a case: ${slowest.normalMs.toFixed(1)} ms (${slowest.name})`,
    ].join('\n'),
  );
}

describe('the hostile corpus', () => {
  it('has at least 60 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  let nodesBefore: number;
  beforeAll(async () => {
    // Warm up (the first request pays for connections and compilation), so figures compare cases.
    await post(normal);
    nodesBefore = (await api.cypher('MATCH (n) RETURN count(n) AS n'))[0]!.n;
  });

  it.each(cases)('$name', async (testCase) => {
    const monitor = monitorEventLoopDelay({ resolution: 5 });
    monitor.enable();
    const answer = await testCase.run();
    monitor.disable();
    const stallMs = monitor.max / 1e6;

    expect(answer.status, answer.text.slice(0, 500)).toBe(testCase.status);
    if (testCase.code) expect(codes(answer), answer.text.slice(0, 500)).toContain(testCase.code);
    else if (answer.body && !testCase.check) expect(answer.body.errors, answer.text.slice(0, 500)).toBeUndefined();
    testCase.check?.(answer);
    // Never HTML, never a stack trace or a path of this machine.
    expect(answer.text).not.toMatch(/<html|<!doctype|\bat .*\(|\/node_modules\/|\/src\//i);

    const started = performance.now();
    const after = await post(normal);
    const normalMs = performance.now() - started;
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual({ person: { name: 'Sergei Ryabkov' } });

    figures.push({ name: testCase.name, status: answer.status, stallMs, normalMs });
    // A guard against the 13-second stall, not a benchmark: the measured figure is printed.
    expect(stallMs).toBeLessThan(2_000);
  });

  it('left the graph as it was', async () => {
    expect((await api.cypher('MATCH (n) RETURN count(n) AS n'))[0]!.n).toBe(nodesBefore);
  });
});
