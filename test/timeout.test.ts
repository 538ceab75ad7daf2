/**
 * One query driven past REQUEST_TIMEOUT_MS on purpose: a server with a 300 ms timeout (its Neo4j
 * transaction timeout too) asked for all shortest paths across a layered graph that has 24^5 (8 million) of
 * them. The client must get a clear 504 (REQUEST_TIMEOUT from the request timer, or
 * DATABASE_TIMEOUT when Neo4j stops the transaction first), Neo4j must drop the transaction (no
 * query left running for nobody), and the server must keep answering.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './helpers.js';

const requestTimeoutMs = 300;
const layers = 5;
const width = 24;
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ requestTimeoutMs });
  await api.reset();
  // from → layer 1 (24 people) → … → layer 5 → to, every node of a layer linked to every node of
  // the next: 24^5 shortest paths of 6 hops (the longest a path may be), which allShortestPaths
  // enumerates and sorts. Left alone, the query ran 41 s here: far past the bound on its end below.
  await api.cypher(
    `UNWIND range(1, toInteger($layers)) AS layer
     UNWIND range(1, toInteger($width)) AS i
     CREATE (:Node:Person {id: 'person:slow-' + layer + '-' + i, name: 'Slow ' + layer + '-' + i})`,
    { layers, width },
  );
  await api.cypher(`CREATE (:Node:Person {id: 'person:slow-from', name: 'From'}),
                           (:Node:Person {id: 'person:slow-to', name: 'To'})`);
  for (let layer = 1; layer < layers; layer++) {
    await api.cypher(
      `MATCH (a:Person) WHERE a.id STARTS WITH 'person:slow-' + toInteger($layer) + '-'
       MATCH (b:Person) WHERE b.id STARTS WITH 'person:slow-' + toInteger($layer + 1) + '-'
       CREATE (a)-[:PARTICIPATED_IN]->(b)`,
      { layer },
    );
  }
  await api.cypher(
    `MATCH (from:Person {id: 'person:slow-from'}), (to:Person {id: 'person:slow-to'})
     MATCH (first:Person) WHERE first.id STARTS WITH 'person:slow-1-'
     MATCH (last:Person) WHERE last.id STARTS WITH 'person:slow-' + toInteger($layers) + '-'
     MERGE (from)-[:PARTICIPATED_IN]->(first)
     MERGE (last)-[:PARTICIPATED_IN]->(to)`,
    { layers },
  );
  // 24 + 4 × 576 + 24 links: the layers are all there.
  const [links] = await api.cypher(`MATCH (:Person)-[r:PARTICIPATED_IN]->(:Person) RETURN count(r) AS n`);
  expect(links!.n).toBe(2 * width + (layers - 1) * width * width);
}, 300_000);

afterAll(async () => {
  await api?.reset();
  await api?.close();
});

const slowQuery = `{ allShortestPaths(from: "person:slow-from", to: "person:slow-to", first: 100) { nodes { nodes { id } } } }`;

async function runningSlowQueries(): Promise<number> {
  const rows = await api.cypher(
    `SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'allShortestPaths' AND NOT currentQuery STARTS WITH 'SHOW' RETURN count(*) AS n`,
  );
  return rows[0]!.n;
}

it('answers 504 with a clear error, stops the transaction and keeps serving', { timeout: 300_000 }, async () => {
  const started = performance.now();
  const response = await fetch(api.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: slowQuery }),
  });
  const answeredMs = performance.now() - started;
  const body: any = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(504);
  const code = body.errors?.[0]?.extensions?.code;
  expect(['REQUEST_TIMEOUT', 'DATABASE_TIMEOUT']).toContain(code);
  expect(body.errors[0].message).toMatch(/ask for less/);

  // Neo4j's transaction timeout stops the query (it checks every 2 s): within 10 s even on a busy
  // machine, where the query left to run would take tens of seconds.
  let goneMs = 0;
  for (const waitStarted = performance.now(); (await runningSlowQueries()) > 0;) {
    goneMs = performance.now() - waitStarted;
    expect(goneMs, 'the query is still running in Neo4j').toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // The server keeps answering; on a busy machine even a lookup can outlast 300 ms, so a few tries.
  let after = await api.query('{ person(id: "person:slow-from") { name } }');
  for (let tries = 1; tries < 20 && after.errors?.[0]?.extensions?.code === 'REQUEST_TIMEOUT'; tries++) {
    after = await api.query('{ person(id: "person:slow-from") { name } }');
  }
  expect(after.errors).toBeUndefined();
  expect(after.data).toEqual({ person: { name: 'From' } });
  console.log(
    `timeout: the slow query was answered ${response.status} ${code} after ${answeredMs.toFixed(0)} ms ` +
      `(timeout ${requestTimeoutMs} ms); Neo4j had dropped its transaction ${goneMs.toFixed(0)} ms later`,
  );
});
