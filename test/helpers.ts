/** What the tests share: a real server over the test Neo4j, and a GraphQL client that speaks HTTP. */
import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/database.js';
import { createLogger } from '../src/logger.js';
import { resetGraph } from '../src/seed/load.js';
import { startServer, type RunningServer } from '../src/server.js';

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
  query<T = any>(document: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
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

export async function startTestApi(): Promise<TestApi> {
  const { driver, database } = testDriver();
  const server: RunningServer = await startServer({
    driver,
    database,
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    port: 0,
    host: '127.0.0.1',
  });
  const cypher = async (statement: string, params: Record<string, unknown> = {}) => {
    const result = await driver.executeQuery(statement, params, { database });
    return result.records.map((record) => record.toObject());
  };
  return {
    url: server.url,
    driver,
    database,
    async query(document, variables) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: document, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    cypher,
    reset: () => resetGraph(driver, database),
    async close() {
      await server.close();
      await driver.close();
    },
  };
}
