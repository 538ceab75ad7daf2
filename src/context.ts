/**
 * What every resolver receives. Built fresh for each request, as the dataloader README shows:
 * the loaders' caches and the round-trip counter live exactly as long as one request.
 */
import type { Driver } from 'neo4j-driver';
import { Database } from './db/database.js';
import type { GraphContext } from './graph/context.js';
import { createLoaders } from './graph/loaders.js';
import type { Logger } from './logger.js';
import { createPersonLoaders, type PersonLoaders } from './person/loaders.js';

export interface Context extends GraphContext {
  loaders: GraphContext['loaders'] & PersonLoaders;
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
  const loaders = createLoaders(db);
  return { db, loaders: { ...loaders, ...createPersonLoaders(db, loaders) }, logger: deps.logger };
}
