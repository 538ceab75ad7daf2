/**
 * The README's frontend client (examples/frontend/) run as a frontend would run it, against the real
 * server: fragments on Node, a normalised cache configured from the schema, paging to the end of a
 * list, and CORS for an origin from CORS_ORIGINS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getNamedType, buildSchema, isInterfaceType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { parseCorsOrigins } from '../src/http/cors.js';
import { repoRoot } from '../src/paths.js';
import { loadTypeDefs } from '../src/schema.js';
import {
  connectionsRepeatingNodes,
  identifiedOutsideNode,
  idIsNotIdentity,
  keys,
  resolvers,
  valueTypes,
} from '../examples/frontend/cache.js';
import {
  createNewsgraphClient,
  ensureData,
  label,
  loadAll,
  PeopleQuery,
  SearchQuery,
  PersonPageQuery,
  type PersonPage,
} from '../examples/frontend/client.js';
import { geneva, startGenevaApi, type TestApi } from './helpers.js';

const frontendOrigin = 'http://localhost:5173';
let api: TestApi;

beforeAll(async () => {
  // As `CORS_ORIGINS=http://localhost:5173,https://news.example npm start` would configure it.
  api = await startGenevaApi({ corsOrigins: parseCorsOrigins(`${frontendOrigin},https://news.example`) });
});
afterAll(async () => {
  await api?.close();
});

/** Every request the client makes, with the answer's status and headers. */
interface Exchange {
  operationName: string;
  requestHeaders: Headers;
  status: number;
  responseHeaders: Headers;
}

function recordingClient(headers?: Record<string, string>) {
  const exchanges: Exchange[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { operationName?: string }) : {};
    exchanges.push({
      operationName: body.operationName ?? '',
      requestHeaders: new Headers(init?.headers),
      status: response.status,
      responseHeaders: response.headers,
    });
    return response;
  };
  return { client: createNewsgraphClient({ url: api.url, headers, fetch: recordingFetch }), exchanges };
}

// graphcache warns on the console (outside production) about anything its configuration does not
// cover: an object without a key, a fragment it cannot match, a type or field the schema lacks.
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn');
});
afterEach(() => {
  expect(warn.mock.calls).toEqual([]);
  warn.mockRestore();
});

describe('the cache configuration, read from the schema', () => {
  const schema = buildSchema(loadTypeDefs().join('\n'));
  const roots = new Set([schema.getQueryType(), schema.getMutationType()].map((type) => type?.name));
  const objects = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLObjectType => isObjectType(type) && !type.name.startsWith('__') && !roots.has(type.name),
  );

  it('stores every object type without an id as a value, and only those and the listed exceptions', () => {
    const idless = objects.filter((type) => !('id' in type.getFields())).map((type) => type.name);
    expect(idless.length).toBeGreaterThan(30);
    for (const name of idless) expect(keys[name]?.({ __typename: name }), name).toBeNull();
    expect([...valueTypes].sort()).toEqual([...idless, ...Object.keys(idIsNotIdentity)].sort());
  });

  it('keys every Node by its id, and decides for every other type with an id', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('Node must be an interface');
    const nodes = new Set(schema.getPossibleTypes(node).map((type) => type.name));
    for (const name of nodes) expect(keys[name], name).toBeUndefined();
    const otherWithId = objects.filter((type) => 'id' in type.getFields() && !nodes.has(type.name));
    expect(otherWithId.map((type) => type.name).sort()).toEqual(
      [...Object.keys(idIsNotIdentity), ...Object.keys(identifiedOutsideNode)].sort(),
    );
    for (const name of Object.keys(identifiedOutsideNode)) expect(keys[name], name).toBeUndefined();
  });

  it('merges the pages of every paginated connection but those whose edges can repeat a node', () => {
    const paged: string[] = [];
    const repeating: string[] = [];
    for (const type of [schema.getQueryType()!, ...objects]) {
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type).name;
        if (!target.endsWith('Connection') || !field.args.some((arg) => arg.name === 'after')) continue;
        (target in connectionsRepeatingNodes ? repeating : paged).push(`${type.name}.${field.name}`);
      }
    }
    const configured = Object.entries(resolvers).flatMap(([type, fields]) =>
      Object.keys(fields ?? {}).map((field) => `${type}.${field}`),
    );
    expect(configured.sort()).toEqual(paged.sort());
    expect(repeating).toContain('Person.positions');
    expect(repeating).toContain('Organization.members');
  });
});

describe('the README', () => {
  it('shows the client code as it is in examples/frontend/', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## For frontends'), readme.indexOf('## For researchers'));
    const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    // Prettier formats code in Markdown a little differently: compare without whitespace.
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    const code = ['client.ts', 'cache.ts']
      .map((file) => squeeze(fs.readFileSync(path.join(repoRoot, 'examples/frontend', file), 'utf8')))
      .join('');
    for (const block of blocks) expect(code, block).toContain(squeeze(block));
  });
});

describe('the frontend client against the server', () => {
  it('fetches a person through a fragment on Node, with the fragment matched on the statements too', async () => {
    const { client } = recordingClient();
    const data = ensureData(await client.query(PersonPageQuery, { id: geneva.ryabkov, first: 5 }).toPromise());
    const person = data.person!;
    expect(person).toMatchObject({ __typename: 'Person', id: geneva.ryabkov, nodeType: 'PERSON' });
    expect(label(person)).toBe('Sergei Ryabkov');
    expect(person.aliases.map((alias) => `${alias.name} (${alias.language})`)).toContain('Ryabkov (id)');
    expect(person.statements.edges).toHaveLength(5);
    for (const { node } of person.statements.edges) {
      expect(node.__typename).toBe('Statement');
      expect(node.nodeType).toBe('STATEMENT');
      expect(label(node).length).toBeGreaterThan(0);
    }
  });

  it("pages a person's statements and the list of people forward to the end, with no duplicate or gap", async () => {
    const { client, exchanges } = recordingClient();
    const statements = (
      await loadAll(client, PersonPageQuery, { id: geneva.ryabkov, first: 3 }, (d) => d.person!.statements)
    ).person!.statements;
    const allStatements = await api.ask(
      `query($id: ID!) { person(id: $id) { statements(first: 100) { totalCount nodes { id } } } }`,
      { id: geneva.ryabkov },
    );
    const expected: string[] = allStatements.person.statements.nodes.map((node: { id: string }) => node.id);
    expect(expected.length).toBeGreaterThan(9);
    expect(statements.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(statements.totalCount).toBe(expected.length);
    expect(statements.pageInfo.hasNextPage).toBe(false);
    expect(exchanges.filter((e) => e.operationName === 'PersonPage')).toHaveLength(Math.ceil(expected.length / 3));

    const people = (await loadAll(client, PeopleQuery, { first: 1 }, (d) => d.people)).people;
    const allPeople = await api.ask(`{ people(first: 100) { totalCount nodes { id } } }`);
    const everyone: string[] = allPeople.people.nodes.map((node: { id: string }) => node.id);
    expect(everyone.length).toBeGreaterThan(1);
    expect(allPeople.people.totalCount).toBe(everyone.length);
    expect(people.edges.map((edge) => edge.node.id)).toEqual(everyone);
    expect(new Set(people.edges.map((edge) => edge.cursor)).size).toBe(everyone.length);
  });

  it("pages a person's statements and the list of people backward from the end, in list order", async () => {
    const { client, exchanges } = recordingClient();
    const statements = (
      await loadAll(client, PersonPageQuery, { id: geneva.ryabkov, last: 3 }, (d) => d.person!.statements)
    ).person!.statements;
    const allStatements = await api.ask(
      `query($id: ID!) { person(id: $id) { statements(first: 100) { nodes { id } } } }`,
      { id: geneva.ryabkov },
    );
    const expected: string[] = allStatements.person.statements.nodes.map((node: { id: string }) => node.id);
    expect(statements.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(statements.pageInfo.hasPreviousPage).toBe(false);
    expect(exchanges.filter((e) => e.operationName === 'PersonPage')).toHaveLength(Math.ceil(expected.length / 3));

    const people = (await loadAll(client, PeopleQuery, { last: 1 }, (d) => d.people)).people;
    const allPeople = await api.ask(`{ people(first: 100) { nodes { id } } }`);
    expect(people.edges.map((edge) => edge.node.id)).toEqual(
      allPeople.people.nodes.map((node: { id: string }) => node.id),
    );
  });

  it('pages search hits forward and backward through the cache, as one large page orders them', async () => {
    const { client, exchanges } = recordingClient();
    const text = 'Ryabkov Sherman NATO';
    const all = await api.ask('query ($text: String!) { search(text: $text, first: 100) { nodes { id } } }', { text });
    const expected: string[] = all.search.nodes.map((node: { id: string }) => node.id);
    expect(expected.length).toBeGreaterThan(6);
    const forward = (await loadAll(client, SearchQuery, { text, first: 4 }, (d) => d.search)).search;
    expect(forward.edges.map((edge) => edge.node.id)).toEqual(expected);
    expect(forward.totalCount).toBe(expected.length);
    expect(forward.edges.every((edge) => edge.score > 0 && edge.matchedField !== null)).toBe(true);
    expect(exchanges.filter((e) => e.operationName === 'Search')).toHaveLength(Math.ceil(expected.length / 4));
    const backward = (await loadAll(client, SearchQuery, { text, last: 4 }, (d) => d.search)).search;
    expect(backward.edges.map((edge) => edge.node.id)).toEqual(expected);
  });

  it('stores a node once: a change seen through one query shows in another without asking again', async () => {
    const { client, exchanges } = recordingClient();
    const variables = { id: geneva.ryabkov, first: 3 };
    const seen: PersonPage[] = [];
    const subscription = client.query(PersonPageQuery, variables).subscribe((result) => {
      if (result.data && !result.stale) seen.push(result.data);
    });
    try {
      await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 60_000 });
      const before = seen[0]!.person!.description;
      expect(before).toContain('deputy foreign minister');

      const changed = 'Russian diplomat (description changed by the frontend test).';
      await api.cypher('MATCH (p:Person {id: $id}) SET p.description = $changed', { id: geneva.ryabkov, changed });
      const people = ensureData(
        await client.query(PeopleQuery, { first: 100 }, { requestPolicy: 'network-only' }).toPromise(),
      ).people;
      expect(people.edges.find((edge) => edge.node.id === geneva.ryabkov)?.node.description).toBe(changed);

      // The person page's query is answered again from the cache, with the new description.
      await vi.waitFor(() => expect(seen.at(-1)!.person!.description).toBe(changed), { timeout: 60_000 });
      expect(client.readQuery(PersonPageQuery, variables)?.data?.person?.description).toBe(changed);
      expect(exchanges.map((e) => e.operationName)).toEqual(['PersonPage', 'People']);
    } finally {
      subscription.unsubscribe();
      await api.cypher('MATCH (p:Person {id: $id}) SET p.description = $before', {
        id: geneva.ryabkov,
        before: "Russian diplomat; Russia's deputy foreign minister.",
      });
    }
  });

  it('is answered with CORS headers for an origin listed in CORS_ORIGINS, preflight included', async () => {
    const { client, exchanges } = recordingClient({ origin: frontendOrigin });
    ensureData(await client.query(PeopleQuery, { first: 2 }).toPromise());
    const [exchange] = exchanges;
    expect(exchange!.status).toBe(200);
    expect(exchange!.responseHeaders.get('access-control-allow-origin')).toBe(frontendOrigin);

    // What a browser asks first: may this origin POST with the headers this client sends?
    const sent = [...exchange!.requestHeaders.keys()].filter((name) => !['accept', 'origin'].includes(name));
    expect(sent).toContain('content-type');
    const preflight = await fetch(api.url, {
      method: 'OPTIONS',
      headers: {
        origin: frontendOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': sent.join(', '),
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(frontendOrigin);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const name of sent) expect(allowed).toContain(name);

    // An origin not listed gets an answer a browser would refuse to hand over.
    const { client: stranger, exchanges: strangers } = recordingClient({ origin: 'https://elsewhere.example' });
    ensureData(await stranger.query(PeopleQuery, { first: 2 }).toPromise());
    expect(strangers[0]!.responseHeaders.get('access-control-allow-origin')).toBeNull();
  });
});
