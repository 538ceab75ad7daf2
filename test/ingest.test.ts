/**
 * Writes over HTTP: ingesting a document through the seeder's validation and loader, retracting it
 * exactly, bearer tokens, concurrent ingests, read-your-writes bookmarks, and `npm run seed --url`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { parse } from 'yaml';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Tokens } from '../src/auth/tokens.js';
import { encodeBookmark } from '../src/db/bookmarks.js';
import { repoRoot } from '../src/paths.js';
import { seedFiles } from '../src/seed/seeder.js';
import { dumpGraph, geneva, genevaFile, startTestApi, type TestApi } from './helpers.js';

const writer = { name: 'newsroom-bot', token: 'w'.repeat(20) + '-secret-write-token' };
const reader = { name: 'research-reader', token: 'r'.repeat(20) + '-secret-read-token' };
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const asWriter = auth(writer.token);

const followUpFile = path.join(repoRoot, 'test', 'fixtures', 'ingest', 'geneva-follow-up.yaml');
const followUp = parse(fs.readFileSync(followUpFile, 'utf8')) as Record<string, any>;
const followUpId = 'article:fixture-geneva-follow-up';

const ingest = `mutation Ingest($document: JSONObject!) {
  ingestArticle(document: $document) {
    article { id headline ingestedBy ingestedAt }
    outcome nodesCreated nodesMerged relationshipsCreated relationshipsMerged bookmark
    userErrors { path message }
  }
}`;
const retract = `mutation Retract($id: ID!) {
  retractArticle(id: $id) {
    articleId retracted nodesDeleted nodesUpdated relationshipsDeleted relationshipsUpdated
    dependentRelationshipsDeleted bookmark userErrors { path message }
  }
}`;

/** Log lines the server writes, as JSON objects, to check what is (and is not) logged. */
const logLines: string[] = [];
const logger = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString());
      done();
    },
  }),
);

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    tokens: new Tokens([writer], []),
    logger,
    ingestLimits: { maxBytes: 200_000, maxRows: 500 },
    // Writes on a busy shared machine (8 concurrent ingests, first-time query planning) outlast the
    // default 15 s; a request stopped by it would leave its write running into the next test.
    requestTimeoutMs: 180_000,
  });
});
afterAll(async () => api.close());
beforeEach(async () => {
  await api.reset();
  await seedFiles(api.driver, [genevaFile], { database: api.database });
});

describe('ingestArticle', () => {
  it('loads a document that shares people and organizations with the graph, and records who did it', async () => {
    const { body, status } = await api.post(ingest, { document: followUp }, asWriter);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const payload = body.data.ingestArticle;
    expect(payload.userErrors).toEqual([]);
    expect(payload.outcome).toBe('CREATED');
    expect(payload.article).toMatchObject({ id: followUpId, ingestedBy: writer.name });
    expect(Date.parse(payload.article.ingestedAt)).toBeGreaterThan(Date.now() - 600_000);
    // New: the article, the wire service, Brussels, a topic, a meeting, two statements.
    expect(payload.nodesCreated).toBe(7);
    // Shared with Geneva: a topic, Geneva, Russia, NATO, the ministry, Ryabkov, Sherman, the talks.
    expect(payload.nodesMerged).toBe(8);
    expect(payload.relationshipsCreated).toBeGreaterThan(10);
    expect(payload.relationshipsMerged).toBeGreaterThanOrEqual(5);

    // One node per person, with both sources, the later description and the aliases of both.
    const [ryabkov] = await api.cypher(
      "MATCH (p:Node {id: 'person:sergei-ryabkov'}) RETURN count(*) AS n, collect(p)[0] AS p",
    );
    expect(ryabkov!.n).toBe(1);
    expect(ryabkov!.p.properties.sources).toEqual([geneva.article, followUpId]);
    expect(ryabkov!.p.properties.description).toBe("A fixture's description of Ryabkov.");
    expect(ryabkov!.p.properties.aliases).toEqual(['Ryabkov', 'Sergey Ryabkov']);
    const read = await api.ask(`{ person(id: "person:sergei-ryabkov") { sources { nodes { id } } } }`);
    expect(read.person.sources.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [followUpId, geneva.article].sort(),
    );

    const logged = logLines
      .map((line) => JSON.parse(line))
      .find((l) => l.event === 'ingest' && l.article === followUpId);
    expect(logged).toMatchObject({ by: writer.name, outcome: 'CREATED' });
    expect(logLines.join('\n')).not.toContain(writer.token);
  });

  it('changes nothing when the same document is sent again', async () => {
    await api.post(ingest, { document: followUp }, asWriter);
    const before = await dumpGraph(api);
    const { body } = await api.post(ingest, { document: followUp }, asWriter);
    expect(body.data.ingestArticle).toMatchObject({
      outcome: 'UNCHANGED',
      nodesCreated: 0,
      relationshipsCreated: 0,
      userErrors: [],
    });
    expect(await dumpGraph(api)).toEqual(before);
  });

  it('replaces the earlier version when a document with the same article id changes', async () => {
    await api.post(ingest, { document: followUp }, asWriter);
    const changed = structuredClone(followUp);
    changed.statements = changed.statements.slice(0, 1);
    const { body } = await api.post(ingest, { document: changed }, asWriter);
    expect(body.data.ingestArticle.outcome).toBe('REPLACED');
    const gone = await api.cypher("MATCH (n:Node {id: 'statement:fixture-sherman-door-open'}) RETURN n");
    expect(gone).toEqual([]);
    const kept = await api.cypher(
      "MATCH (n:Node {id: 'statement:fixture-ryabkov-brussels-next'}) RETURN n.sources AS s",
    );
    expect(kept).toEqual([{ s: [followUpId] }]);
  });

  it('reports every problem of a bad document with its path, and writes nothing', async () => {
    const before = await dumpGraph(api);
    const bad = structuredClone(followUp);
    bad.article.published = '2022-02-30';
    bad.people[0].positions[0].organization = 'organization:nowhere';
    bad.statements[1].kind = 'RUMOUR';
    delete bad.meetings[1].name;
    const { body } = await api.post(ingest, { document: bad }, asWriter);
    const payload = body.data.ingestArticle;
    expect(payload.article).toBeNull();
    expect(payload.outcome).toBeNull();
    expect(payload.bookmark).toBeNull();
    const byPath = Object.fromEntries(payload.userErrors.map((e: any) => [e.path.join('.'), e.message]));
    expect(byPath['document.article.published']).toBe('is not a real calendar date');
    expect(byPath['document.statements.1.kind']).toMatch(/DIRECT_QUOTE/);
    expect(byPath['document.meetings.1.name']).toBeDefined();
    expect(await dumpGraph(api)).toEqual(before);

    // References are checked once the shape is right: against the document and the graph.
    const dangling = structuredClone(followUp);
    dangling.people[0].positions[0].organization = 'organization:nowhere';
    const second = (await api.post(ingest, { document: dangling }, asWriter)).body.data.ingestArticle;
    expect(second.userErrors).toEqual([
      {
        path: ['document', 'people', '0', 'positions', '0', 'organization'],
        message: expect.stringContaining('organization:nowhere'),
      },
    ]);
    expect(await dumpGraph(api)).toEqual(before);
  });

  it('refuses documents above the size bounds, naming the bound', async () => {
    const big = structuredClone(followUp);
    big.topics = Array.from({ length: 600 }, (_, i) => ({ id: `topic:fixture-${i}`, name: `Topic ${i}` }));
    const rows = (await api.post(ingest, { document: big }, asWriter)).body.data.ingestArticle;
    expect(rows.userErrors).toEqual([{ path: ['document'], message: expect.stringContaining('MAX_INGEST_ROWS') }]);
    const huge = structuredClone(followUp);
    huge.article.headline = 'x'.repeat(250_000);
    const bytes = await api.post(ingest, { document: huge }, asWriter);
    expect(bytes.body.data.ingestArticle.userErrors[0].message).toContain('MAX_INGEST_BYTES');
    expect(await api.cypher(`MATCH (n:Node {id: $id}) RETURN n`, { id: followUpId })).toEqual([]);
  });
});

describe('retractArticle', () => {
  it('leaves the graph exactly as it was before the article was ingested', async () => {
    const before = await dumpGraph(api);
    await api.post(ingest, { document: followUp }, asWriter);
    expect(await dumpGraph(api)).not.toEqual(before);
    const { body } = await api.post(retract, { id: followUpId }, asWriter);
    const payload = body.data.retractArticle;
    expect(payload).toMatchObject({ articleId: followUpId, retracted: true, userErrors: [] });
    expect(payload.nodesDeleted).toBe(7);
    expect(payload.nodesUpdated).toBe(8);
    expect(payload.relationshipsDeleted).toBeGreaterThan(10);
    expect(payload.relationshipsUpdated).toBeGreaterThanOrEqual(5);
    expect(payload.dependentRelationshipsDeleted).toBe(0);
    expect(await dumpGraph(api)).toEqual(before);

    // Who withdrew it and when stays on record (outside the graph's nodes), and in the log.
    const [audit] = await api.cypher(
      'MATCH (r:Retraction {article: $id}) RETURN r.retractedBy AS by, r.nodesDeleted AS deleted',
      {
        id: followUpId,
      },
    );
    expect(audit).toEqual({ by: writer.name, deleted: 7 });
    expect(logLines.some((l) => l.includes('"event":"retract"') && l.includes(followUpId))).toBe(true);
  });

  it('is a no-op the second time', async () => {
    await api.post(ingest, { document: followUp }, asWriter);
    await api.post(retract, { id: followUpId }, asWriter);
    const after = await dumpGraph(api);
    const audits = await api.cypher('MATCH (r:Retraction) RETURN count(r) AS n');
    const again = (await api.post(retract, { id: followUpId }, asWriter)).body.data.retractArticle;
    expect(again).toMatchObject({ retracted: false, nodesDeleted: 0, relationshipsDeleted: 0, bookmark: null });
    expect(await dumpGraph(api)).toEqual(after);
    expect(await api.cypher('MATCH (r:Retraction) RETURN count(r) AS n')).toEqual(audits);
  });

  it('keeps what another article still supports, with what that article says about it', async () => {
    await api.post(ingest, { document: followUp }, asWriter);
    const { body } = await api.post(retract, { id: geneva.article }, asWriter);
    expect(body.data.retractArticle.retracted).toBe(true);
    const [ryabkov] = await api.cypher("MATCH (p:Node {id: 'person:sergei-ryabkov'}) RETURN properties(p) AS p");
    expect(ryabkov!.p).toMatchObject({
      sources: [followUpId],
      description: "A fixture's description of Ryabkov.",
      aliases: ['Sergey Ryabkov', 'Ryabkov'],
      aliasLanguages: ['en', 'id'],
    });
    const [talks] = await api.cypher(
      'MATCH (m:Node {id: $id}) RETURN properties(m) AS m, COUNT { (m)-[:PART_OF]->() } AS series',
      { id: geneva.talks },
    );
    // The Geneva seed's description and series are gone; the follow-up's duration stays.
    expect(talks!.m.description).toBeUndefined();
    expect(talks!.m.duration).toBe('PT8H');
    expect(talks!.series).toBe(0);
    const [role] = await api.cypher(
      "MATCH (:Node {id: 'person:wendy-sherman'})-[r:PARTICIPATED_IN]->(:Node {id: $id}) RETURN properties(r) AS r",
      { id: geneva.talks },
    );
    expect(role!.r).toEqual({ sources: [followUpId] });
    expect(await api.cypher('MATCH (n:Node {id: $id}) RETURN n', { id: geneva.pressConference })).toEqual([]);
    const [orphans] = await api.cypher('MATCH (n:Node) WHERE size(n.sources) = 0 RETURN count(n) AS n');
    expect(orphans!.n).toBe(0);
  });

  it('answers a malformed id with a user error', async () => {
    const { body } = await api.post(retract, { id: 'person:sergei-ryabkov' }, asWriter);
    expect(body.data.retractArticle.userErrors).toEqual([
      { path: ['id'], message: expect.stringContaining('article:') },
    ]);
  });
});

describe('write authentication', () => {
  it('answers a write without a token with 401 UNAUTHENTICATED and writes nothing', async () => {
    const before = await dumpGraph(api);
    const response = await api.post(ingest, { document: followUp });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.body.data ?? null).toBeNull();
    const retraction = await api.post(retract, { id: geneva.article });
    expect(retraction.status).toBe(401);
    expect(await dumpGraph(api)).toEqual(before);
  });

  it('answers a wrong token with 403 FORBIDDEN and writes nothing', async () => {
    const before = await dumpGraph(api);
    for (const token of ['not-the-token', writer.token.slice(0, -1), `${writer.token}x`]) {
      const response = await api.post(retract, { id: geneva.article }, auth(token));
      expect(response.status, token).toBe(403);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.post(ingest, { document: followUp }, { authorization: 'Basic abc' })).status).toBe(401);
    expect(await dumpGraph(api)).toEqual(before);
    expect(logLines.join('\n')).not.toContain('not-the-token');
  });

  it('leaves reads open unless read tokens are configured', async () => {
    const open = await api.post(`{ article(id: "${geneva.article}") { id } }`);
    expect(open.status).toBe(200);
    expect(open.body.data.article.id).toBe(geneva.article);

    const closed = await startTestApi({ tokens: new Tokens([writer], [reader]) });
    try {
      const query = `{ article(id: "${geneva.article}") { id } }`;
      expect((await closed.post(query)).status).toBe(401);
      expect((await closed.post(query, {}, auth('wrong-token-of-some-length'))).status).toBe(403);
      expect((await closed.post(query, {}, auth(reader.token))).body.data.article.id).toBe(geneva.article);
      expect((await closed.post(query, {}, auth(writer.token))).body.data.article.id).toBe(geneva.article);
      const write = await closed.post(retract, { id: geneva.article }, auth(reader.token));
      expect(write.status).toBe(403);
      expect(write.body.errors?.[0]?.message).toContain(reader.name);
    } finally {
      await closed.close();
    }
  });
});

describe('concurrent ingests', () => {
  it('of 8 overlapping documents end with no duplicate node or relationship', async () => {
    // Each document names the same people, organizations, meeting and topic, and adds its own statement.
    const documents = Array.from({ length: 8 }, (_, i) => {
      const doc = structuredClone(followUp);
      doc.article.id = `article:fixture-concurrent-${i}`;
      doc.article.headline = `Concurrent report ${i}`;
      doc.statements = doc.statements.map((s: any) => ({ ...s, id: `${s.id}-${i}` }));
      doc.people[0].description = `Description from report ${i}`;
      return doc;
    });
    const results = await Promise.all(documents.map((document) => api.post(ingest, { document }, asWriter)));
    for (const result of results) {
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data.ingestArticle.userErrors).toEqual([]);
      expect(result.body.data.ingestArticle.outcome).toBe('CREATED');
    }
    const [duplicates] = await api.cypher(
      'MATCH (n:Node) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n',
    );
    expect(duplicates!.n).toBe(0);
    const [relDuplicates] = await api.cypher(
      `MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.title AS title, count(*) AS c WHERE c > 1 RETURN count(*) AS n`,
    );
    expect(relDuplicates!.n).toBe(0);
    const ids = documents.map((d) => d.article.id);
    const shared = await api.cypher(
      `MATCH (n:Node) WHERE n.id IN ['person:sergei-ryabkov', 'organization:nato', $talks]
       RETURN n.id AS id, n.sources AS sources, size(n.claims) AS claims`,
      { talks: geneva.talks },
    );
    expect(shared).toHaveLength(3);
    for (const node of shared) {
      expect(node.sources.length, node.id).toBe(9);
      expect([...node.sources].sort(), node.id).toEqual([geneva.article, ...ids].sort());
      expect(node.claims, node.id).toBe(9);
    }
    // Ids new to the graph that every document defines: written by whichever ingest came first
    // (the loader's CREATE fast path; the others fail on the constraint and merge), never twice.
    const [brussels] = await api.cypher(
      "MATCH (n:Node {id: 'place:fixture-brussels'}) RETURN count(n) AS n, collect(n.sources)[0] AS sources",
    );
    expect(brussels!.n).toBe(1);
    expect([...brussels!.sources].sort()).toEqual([...ids].sort());
    const [participation] = await api.cypher(
      "MATCH (:Node {id: 'person:sergei-ryabkov'})-[r:PARTICIPATED_IN]->(:Node {id: $id}) RETURN count(r) AS n, collect(r.sources)[0] AS sources",
      { id: geneva.talks },
    );
    expect(participation).toMatchObject({ n: 1 });
    expect(participation!.sources).toHaveLength(9);

    // And retracting them all, concurrently too, brings back the Geneva article alone.
    const retractions = await Promise.all(ids.map((id) => api.post(retract, { id }, asWriter)));
    for (const r of retractions) expect(r.body.data.retractArticle.retracted).toBe(true);
    const [left] = await api.cypher(
      "MATCH (p:Node {id: 'person:sergei-ryabkov'}) RETURN p.sources AS s, p.description AS d",
    );
    expect(left!.s).toEqual([geneva.article]);
    expect(left!.d).toContain('Russian diplomat');
  }, 600_000);
});

describe('read-your-writes', () => {
  it('returns a bookmark that later reads may send back', async () => {
    const { body } = await api.post(ingest, { document: followUp }, asWriter);
    const bookmark = body.data.ingestArticle.bookmark as string;
    expect(bookmark).toMatch(/^[A-Za-z0-9_-]+$/);
    const read = await api.post(
      `{ article(id: "${followUpId}") { headline } }`,
      {},
      { 'newsgraph-bookmark': bookmark },
    );
    expect(read.status).toBe(200);
    expect(read.body.data.article.headline).toBe(followUp.article.headline);
    const retraction = (await api.post(retract, { id: followUpId }, asWriter)).body.data.retractArticle;
    const both = `${bookmark}, ${retraction.bookmark}`;
    const gone = await api.post(`{ article(id: "${followUpId}") { id } }`, {}, { 'newsgraph-bookmark': both });
    expect(gone.body.data.article).toBeNull();
  });

  // On one server a committed write is visible to every later read, bookmark or not: what shows
  // that the header's bookmarks reach Neo4j with the read is Neo4j refusing one it never gave.
  it("hands the header's bookmarks to Neo4j with the read", async () => {
    const response = await api.post(
      `{ article(id: "${geneva.article}") { id } }`,
      {},
      { 'newsgraph-bookmark': encodeBookmark(['FB:not-one-of-neo4js']) },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.body.data?.article ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toContain('newsgraph-bookmark');
  });

  it('refuses a header that is not a bookmark this server gave', async () => {
    const response = await api.post(
      `{ article(id: "${geneva.article}") { id } }`,
      {},
      { 'newsgraph-bookmark': 'nonsense!' },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toContain('newsgraph-bookmark');
  });
});

describe('npm run seed -- --url', () => {
  it('sends seed files to a running server through the mutation', async () => {
    // Asynchronously: the server under test runs in this process and must keep answering.
    const run = (args: string[]) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/seed/cli.ts', ...args],
          { cwd: repoRoot, env: { ...process.env, NEWSGRAPH_TOKEN: '' } },
        );
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('error', reject);
        child.once('close', (status) => resolve({ status, stdout, stderr }));
      });
    const sent = await run(['--url', api.url, '--token', writer.token, followUpFile]);
    expect(sent.status, sent.stderr).toBe(0);
    expect(sent.stdout).toContain(`${followUpId}: created`);
    const again = await run(['--url', api.url, '--token', writer.token, followUpFile]);
    expect(again.stdout).toContain(`${followUpId}: unchanged`);
    const refused = await run(['--url', api.url, '--token', 'wrong-token-of-some-length', followUpFile]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('403');
    const invalid = await run(['--url', api.url, '--token', writer.token, 'test/fixtures/seeds/invalid-fields.yaml']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain(
      'test/fixtures/seeds/invalid-fields.yaml at article.published: is not a real calendar date',
    );
  }, 600_000);
});

describe('the README write examples', () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const send = async (body: string, headers: Record<string, string>) => {
    const response = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return (await response.json()) as any;
  };

  it('ingest, read with the bookmark and retract as written, leaving the graph as it was', async () => {
    const before = await dumpGraph(api);
    const ingestBody = /--data @- <<'JSON'\n([\s\S]*?)\nJSON\n/.exec(readme)?.[1];
    const bodies = [...readme.matchAll(/ -d '([^']+)'/g)].map((m) => m[1]!);
    const retractBody = bodies.find((b) => b.includes('retractArticle'));
    const readBody = bodies.find((b) => b.includes('article(id:'));
    expect(ingestBody && retractBody && readBody).toBeTruthy();

    const ingested = (await send(ingestBody!, asWriter)).data.ingestArticle;
    expect(ingested).toMatchObject({ outcome: 'CREATED', userErrors: [], article: { ingestedBy: writer.name } });
    const read = await send(readBody!, { 'newsgraph-bookmark': ingested.bookmark });
    expect(read.data.article.headline).toBe('Ryabkov says Moscow will wait for written answers');
    const retracted = (await send(retractBody!, asWriter)).data.retractArticle;
    expect(retracted).toMatchObject({ retracted: true, userErrors: [] });
    expect(await dumpGraph(api)).toEqual(before);
  });
});
