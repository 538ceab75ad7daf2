/** What the tests share: a real server over the test Neo4j, and a GraphQL client that speaks HTTP. */
import path from 'node:path';
import { expect, inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { seedsDir } from '../src/paths.js';
import { resetGraph } from '../src/seed/load.js';
import { seedDocuments, seedFiles } from '../src/seed/seeder.js';
import { presets, syntheticSeedInputs } from '../src/seed/synthetic.js';
import { startServer, type RunningServer, type ServerOptions } from '../src/server.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface TestApi {
  url: string;
  driver: Driver;
  database?: string;
  /** Sends a GraphQL document over HTTP, as a client would. */
  query<T = any>(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Sends a document and returns the HTTP status and headers with the body. */
  post<T = any>(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; headers: Headers; body: GraphQLResponse<T> }>;
  /** Sends a document and returns its data, failing the test on any GraphQL error. */
  ask<T = any>(document: string, variables?: Record<string, unknown>): Promise<T>;
  /** Runs Cypher directly, to set up or inspect the graph. */
  cypher(statement: string, params?: Record<string, unknown>): Promise<Record<string, any>[]>;
  /** Empties the database (constraints and indexes stay). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export function testDriver(): { driver: Driver; database?: string } {
  const { uri, user, password, database } = inject('neo4j');
  return { driver: createDriver({ uri, user, password, database }), database };
}

/** Server options a test may change (limits, timeouts, CORS). */
export type TestServerOptions = Omit<Partial<ServerOptions>, 'driver' | 'database'>;

export async function startTestApi(options: TestServerOptions = {}): Promise<TestApi> {
  const { driver, database } = testDriver();
  const server: RunningServer = await startServer({
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    ...options,
    driver,
    database,
    port: 0,
    host: '127.0.0.1',
  });
  const cypher = async (statement: string, params: Record<string, unknown> = {}) => {
    const result = await driver.executeQuery(statement, params, { database });
    return result.records.map((record) => record.toObject());
  };
  const post = async (document: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as GraphQLResponse<any>,
    };
  };
  const query = async (document: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    (await post(document, variables, headers)).body;
  return {
    url: server.url,
    driver,
    database,
    query,
    post,
    async ask(document, variables) {
      const response = await query(document, variables);
      expect(response.errors).toBeUndefined();
      return response.data;
    },
    cypher,
    reset: () => resetGraph(driver, database),
    async close() {
      await server.close();
      await driver.close();
    },
  };
}

/** The seed file of the Geneva article, which most tests read. */
export const genevaFile = path.join(seedsDir, '000_2129ad4d3e752772.yaml');

/** Ids from the Geneva article that more than one test file uses. */
export const geneva = {
  article: 'article:2129ad4d3e752772',
  ryabkov: 'person:sergei-ryabkov',
  sherman: 'person:wendy-sherman',
  dialogue: 'meeting:us-russia-security-talks-2022-01',
  informal: 'meeting:ryabkov-sherman-informal-meeting-2022-01-09',
  talks: 'meeting:us-russia-talks-geneva-2022-01-10',
  pressConference: 'meeting:ryabkov-press-conference-geneva-2022-01-10',
} as const;

/** Starts the API over an emptied graph holding the Geneva article and nothing else. */
export async function startGenevaApi(options: TestServerOptions = {}): Promise<TestApi> {
  const api = await startTestApi(options);
  await api.reset();
  await seedFiles(api.driver, [genevaFile], { database: api.database });
  return api;
}

/** The ids of a connection's nodes, in order. */
export const ids = (connection: { nodes: { id: string }[] }) => connection.nodes.map((node) => node.id);

/**
 * The Ryabkov statements made at the press conference on 10 January, in the order the article reports
 * them (the order of date-ordered lists for statements of one occasion).
 */
export const pressConferenceStatements = [
  'statement:ryabkov-no-progress-on-ukraine-nato-membership',
  'statement:ryabkov-ukraine-nato-greatest-difference-with-us',
  'statement:ryabkov-us-says-no-one-can-rule-on-ukraine-nato-membership',
  'statement:ryabkov-ukraine-must-never-join-nato',
  'statement:ryabkov-russia-wants-strong-guarantees',
  'statement:ryabkov-guarantees-must-be-legally-binding',
  'statement:ryabkov-assured-sherman-invasion-fears-unfounded',
  'statement:ryabkov-no-plans-to-attack-ukraine',
  'statement:ryabkov-us-taking-russian-proposals-seriously',
  'statement:ryabkov-moscow-for-continuing-dialogue',
  'statement:ryabkov-military-technical-response-if-talks-fail',
  'statement:ryabkov-moscow-focused-on-diplomacy',
];

/** Starts the API over an empty graph loaded with the tiny synthetic corpus (seed 1). */
export async function startSyntheticApi(): Promise<TestApi> {
  const api = await startTestApi();
  await api.reset();
  await seedDocuments(api.driver, syntheticSeedInputs(presets.tiny!, 1), {
    database: api.database,
    transaction: 'batched',
  });
  return api;
}

/**
 * Every node and relationship of the graph with all their properties, in a stable order: what
 * "the graph is exactly as it was" compares. Retraction audit records are left out (they are kept
 * on purpose); provenance records are included.
 */
export async function dumpGraph(api: Pick<TestApi, 'cypher'>) {
  const nodes = await api.cypher(
    `MATCH (n) WHERE NOT n:Retraction
     RETURN labels(n) AS labels, properties(n) AS props ORDER BY coalesce(n.id, n.article)`,
  );
  const relationships = await api.cypher(
    `MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
     ORDER BY from, type, to, r.title`,
  );
  return { nodes, relationships };
}
