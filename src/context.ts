/**
 * What every resolver receives. Built fresh for each request, as the dataloader README shows:
 * the loaders' caches and the round-trip counter live exactly as long as one request.
 */
import type { Driver } from 'neo4j-driver';
import { Database } from './db/database.js';
import { createLoaders, type Loaders } from './graph/loaders.js';
import type { Logger } from './logger.js';

export interface Context {
  db: Database;
  loaders: Loaders;
  logger: Logger;
}

export interface ContextDeps {
  driver: Driver;
  database?: string;
  logger: Logger;
  /** Neo4j's timeout for each query of the request (ms). */
  transactionTimeoutMs?: number;
}

export function createContext(deps: ContextDeps): Context {
  const db = new Database(deps.driver, deps.database, deps.transactionTimeoutMs);
  return { db, loaders: createLoaders(db), logger: deps.logger };
}
