/**
 * What every resolver receives. Built fresh for each request, as the dataloader README shows:
 * the loaders' caches and the round-trip counter live exactly as long as one request.
 * The request's credentials and bookmarks come from its headers, whatever the transport.
 */
import type { Driver } from 'neo4j-driver';
import type { AuthorizationContext } from './auth/plugin.js';
import { authenticate, type Tokens } from './auth/tokens.js';
import { BookmarkError, decodeBookmarks } from './db/bookmarks.js';
import { Database } from './db/database.js';
import { createLoaders, type Loaders } from './graph/loaders.js';
import type { IngestLimits } from './ingest/service.js';
import type { Logger } from './logger.js';
import { createPersonLoaders, type PersonContext, type PersonLoaders } from './person/loaders.js';

/** The person resolvers' view and loaders, what the authorization plugin judges, and what writes need. */
export interface Context extends PersonContext, AuthorizationContext {
  logger: Logger;
  driver: Driver;
  database?: string;
  ingestLimits: IngestLimits;
}

export interface ContextDeps {
  driver: Driver;
  database?: string;
  logger: Logger;
  /** Neo4j's timeout for each query of the request (ms). */
  transactionTimeoutMs?: number;
  tokens?: Tokens;
  ingestLimits?: IngestLimits;
}

export const defaultIngestLimits: IngestLimits = { maxBytes: 4 * 1024 * 1024, maxRows: 20_000 };

/** The headers the context reads, as any HTTP integration can give them. */
export interface RequestHeaders {
  authorization?: string;
  bookmark?: string;
}

/**
 * A request's loaders, each group built the first time a resolver asks for one of its members. Most
 * reads are answered by one compiled query (src/query) and use none; building six DataLoaders with
 * their caches for every request cost about a fifth of the request pipeline's own time in process
 * (README, "The request pipeline's floor").
 */
class RequestLoaders implements Loaders, PersonLoaders {
  #shared?: Loaders;
  #person?: PersonLoaders;

  constructor(private readonly db: Database) {}

  private get shared(): Loaders {
    return (this.#shared ??= createLoaders(this.db));
  }
  private get person(): PersonLoaders {
    return (this.#person ??= createPersonLoaders(this.db, this.shared));
  }
  get node() {
    return this.shared.node;
  }
  get prime() {
    return this.shared.prime;
  }
  get expansionPage() {
    return this.shared.expansionPage;
  }
  get expansionCount() {
    return this.shared.expansionCount;
  }
  get metWithPage() {
    return this.person.metWithPage;
  }
  get metWithCount() {
    return this.person.metWithCount;
  }
  get sharedMeetings() {
    return this.person.sharedMeetings;
  }
}

export function createContext(deps: ContextDeps, headers: RequestHeaders = {}): Context {
  let bookmarks: string[] = [];
  let headerProblem: string | undefined;
  try {
    bookmarks = decodeBookmarks(headers.bookmark);
  } catch (error) {
    if (!(error instanceof BookmarkError)) throw error;
    headerProblem = error.message;
  }
  const db = new Database(deps.driver, deps.database, deps.transactionTimeoutMs, bookmarks);
  return {
    db,
    loaders: new RequestLoaders(db),
    logger: deps.logger,
    auth: authenticate(deps.tokens, headers.authorization),
    headerProblem,
    driver: deps.driver,
    database: deps.database,
    ingestLimits: deps.ingestLimits ?? defaultIngestLimits,
  };
}
