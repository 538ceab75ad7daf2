/**
 * The one place that talks to Neo4j. One driver per process; every request gets its own
 * `Database` view (a counter of round trips, nothing else), so the process keeps no state
 * between requests. Reads run with read routing, so a `neo4j://` URI spreads them over a
 * cluster's readers; writes go to the leader.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
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

/** How often a read is tried when Neo4j reports a transient error (a leader switch, a deadlock), and the first pause. */
const readAttempts = 4;
const retryDelayMs = 50;

/** A transient error of a running Neo4j (Neo.TransientError.*), not an unreachable one. */
const isTransient = (error: unknown) =>
  neo4j.isRetryableError(error) &&
  (error as { code?: string }).code !== 'ServiceUnavailable' &&
  (error as { code?: string }).code !== 'SessionExpired';

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

/**
 * Starts a query without the driver's copy of the caller's stack trace. The driver captures and
 * formats one for every query, only to put it on the error should the query fail: on a lookup that
 * was about 35 µs of the driver's 240 µs of CPU per read (in process, 10 reads in flight; README,
 * "The driver's stack trace per query"). The query starts synchronously, so the limit is back
 * before any other code runs; a failed read gets its caller's stack from withCallerStack instead.
 */
function withoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A failed query's error with the stack of the code that awaited it, taken only now that it failed:
 * V8's async stack trace names the resolver (or loader) that asked for the read.
 */
function withCallerStack(error: unknown): unknown {
  if (error instanceof Error) {
    const frames = new Error().stack?.split('\n').slice(2).join('\n');
    if (frames) error.stack = `${String(error)}\n${frames}`;
  }
  return error;
}

export class Database {
  /** Cypher round trips made through this view: the batching test reads it. */
  roundTrips = 0;

  constructor(
    readonly driver: Driver,
    readonly database?: string,
    /** Neo4j stops any query of this view running longer than this (ms); none when unset. */
    readonly transactionTimeoutMs?: number,
    /** Bookmarks the client sent (see bookmarks.ts): reads wait until they are applied. */
    private bookmarks: string[] = [],
  ) {}

  /** Later reads of this request also wait for these (a mutation's own writes). */
  addBookmarks(bookmarks: string[]): void {
    this.bookmarks = [...this.bookmarks, ...bookmarks];
  }

  private get transactionConfig() {
    return this.transactionTimeoutMs ? { timeout: this.transactionTimeoutMs } : undefined;
  }

  /**
   * Runs one read query as an auto-commit query in READ access mode: RUN and PULL in one round trip,
   * where a managed read transaction adds BEGIN and COMMIT (a second round trip). Read routing is kept
   * (the session's access mode). Transient errors of a running Neo4j (a deadlock, a leader switch)
   * are retried here, as managed transactions did; an unavailable Neo4j is not (see availability.ts).
   */
  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    this.roundTrips += 1;
    const parameters = cypherParams(params);
    // guarded(): fails at once while Neo4j is known to be down, and translates driver errors.
    return guarded(this.driver, async () => {
      for (let attempt = 1; ; attempt += 1) {
        // Requests are independent reads: no causal chaining unless the client sent a bookmark.
        const session = this.driver.session({
          defaultAccessMode: neo4j.session.READ,
          database: this.database,
          bookmarks: this.bookmarks.length > 0 ? this.bookmarks : undefined,
        });
        try {
          const result = await withoutCallerStack(() => session.run<T>(cypher, parameters, this.transactionConfig));
          return result.records.map((record) => record.toObject());
        } catch (error) {
          if (attempt >= readAttempts || !isTransient(error)) throw withCallerStack(error);
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** (attempt - 1)));
        } finally {
          await session.close();
        }
      }
    });
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

/** Transient errors a write retries: deadlocks and other lock or leader conflicts, not an unreachable database. */
function retriable(error: unknown): boolean {
  if (!neo4j.isRetryableError(error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return code.startsWith('Neo.TransientError.') && !code.startsWith('Neo.TransientError.General.DatabaseUnavailable');
}

/**
 * The write path's managed write transaction (ingest, retraction, loading). The driver is set not to
 * retry (requests fail fast while Neo4j is down), so transient conflicts between concurrent writers
 * (deadlocks) are retried here: the whole transaction function again, with backoff, for up to a minute.
 * Returns the result and the transaction's bookmarks.
 */
export async function writeTransaction<T>(
  driver: Driver,
  database: string | undefined,
  work: (tx: ManagedTransaction) => Promise<T>,
  options: { timeoutMs?: number; retryForMs?: number } = {},
): Promise<{ result: T; bookmarks: string[] }> {
  const deadline = Date.now() + (options.retryForMs ?? 60_000);
  for (let attempt = 0; ; attempt += 1) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      const result = await session.executeWrite(work, options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
      return { result, bookmarks: session.lastBookmarks() };
    } catch (error) {
      if (!retriable(error) || Date.now() > deadline) throw error;
      const pause = Math.min(2_000, 100 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, pause));
    } finally {
      await session.close();
    }
  }
}
