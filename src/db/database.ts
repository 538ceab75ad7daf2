/**
 * The one place that talks to Neo4j. One driver per process; every request gets its own
 * `Database` view (a counter of round trips, nothing else), so the process keeps no state
 * between requests. Reads run with read routing, so a `neo4j://` URI spreads them over a
 * cluster's readers; writes go to the leader.
 */
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { guarded } from './availability.js';

export interface ConnectionOptions {
  uri: string;
  user?: string;
  password?: string;
  /** The database name; the server's default database when unset. */
  database?: string;
  /** How long opening one connection may take (ms); short, so an outage is noticed quickly. */
  connectionTimeoutMs?: number;
}

export function createDriver(options: ConnectionOptions): Driver {
  const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
  return neo4j.driver(options.uri, auth, {
    // Counts and ids stay far below 2^53; plain numbers keep resolvers simple.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    // Fail fast while Neo4j is down (see ./errors.ts): no retry loop inside a request (its first
    // pause alone is a second; the client gets 503 and Retry-After instead), and a connection that
    // does not open within a couple of seconds is given up. The next request tries again, so the
    // API heals by itself when Neo4j is back.
    connectionTimeout: options.connectionTimeoutMs ?? 2_000,
    maxTransactionRetryTime: 0,
    // Waiting for a free pooled connection is not an outage (Neo4j is up, the pool is busy): wait
    // as long as the driver's default, so a burst queues instead of failing.
    connectionAcquisitionTimeout: 60_000,
    userAgent: 'newsgraph',
  });
}

export type Params = Record<string, unknown>;

/**
 * JavaScript has one number type; Cypher tells integers from floats (LIMIT takes only integers).
 * Whole numbers become Cypher integers, everywhere in a parameter tree.
 */
export function cypherParams<T>(value: T): T {
  if (typeof value === 'number') return (Number.isSafeInteger(value) ? neo4j.int(value) : value) as T;
  if (Array.isArray(value)) return value.map(cypherParams) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cypherParams(v)])) as T;
  }
  return value;
}

export class Database {
  /** Cypher round trips made through this view: the batching test reads it. */
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly database?: string,
    /** Neo4j stops any query of this view running longer than this (ms); none when unset. */
    readonly transactionTimeoutMs?: number,
  ) {}

  private get transactionConfig() {
    return this.transactionTimeoutMs ? { timeout: this.transactionTimeoutMs } : undefined;
  }

  /** Runs one read query in a read transaction (retried on transient errors by the driver). */
  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    this.roundTrips += 1;
    // guarded(): fails at once while Neo4j is known to be down, and translates driver errors.
    const result: QueryResult<T> = await guarded(this.driver, () =>
      this.driver.executeQuery<QueryResult<T>>(cypher, cypherParams(params), {
        routing: neo4j.routing.READ,
        database: this.database,
        // Requests are independent reads: no need to chain them causally with bookmarks.
        bookmarkManager: null,
        transactionConfig: this.transactionConfig,
      }),
    );
    return result.records.map((record) => record.toObject());
  }

  /** Runs one write query in a write transaction. */
  async write<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    this.roundTrips += 1;
    // guarded(): fails at once while Neo4j is known to be down, and translates driver errors.
    const result: QueryResult<T> = await guarded(this.driver, () =>
      this.driver.executeQuery<QueryResult<T>>(cypher, cypherParams(params), {
        routing: neo4j.routing.WRITE,
        database: this.database,
        transactionConfig: this.transactionConfig,
      }),
    );
    return result.records.map((record) => record.toObject());
  }
}
