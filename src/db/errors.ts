/**
 * Driver failures as a client should see them. "Neo4j cannot be reached" is not a bug in the
 * request: it becomes HTTP 503 with `Retry-After` and the code DATABASE_UNAVAILABLE, so clients
 * and load balancers can tell an outage from a fault. A query stopped by its transaction timeout
 * becomes DATABASE_TIMEOUT (HTTP 504); a bookmark Neo4j refuses, BAD_USER_INPUT (HTTP 400). Anything else
 * is left as it is (an internal error).
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { error as driverErrors, Neo4jError } from 'neo4j-driver';
import { bookmarkHeader } from './bookmarks.js';

/** Seconds a client is asked to wait before trying again while Neo4j is down. */
export const retryAfterSeconds = 2;

export const DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE';
export const DATABASE_TIMEOUT = 'DATABASE_TIMEOUT';

/**
 * True when the error says Neo4j itself could not be reached: a refused, reset or lost connection.
 * Only this marks Neo4j down for the whole process (./availability.ts).
 */
export function isUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (
    error instanceof Neo4jError &&
    (error.code === driverErrors.SERVICE_UNAVAILABLE || error.code === driverErrors.SESSION_EXPIRED)
  ) {
    return true;
  }
  return /connect ECONNREFUSED|ECONNRESET/i.test(error.message);
}

/**
 * True when this one query got no connection because every pooled one was busy: Neo4j is up, the
 * process is just saturated. The request gets a 503 of its own; nothing else is refused because of it.
 */
function isPoolStarved(error: unknown): boolean {
  return error instanceof Error && /Connection acquisition timed out/i.test(error.message);
}

/** True when the client should hear "database unavailable, retry" (503): unreachable or pool starved. */
export function isUnavailable(error: unknown): boolean {
  return isUnreachable(error) || isPoolStarved(error);
}

function isTimeout(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    /^Neo\.(ClientError|TransientError)\.Transaction\.(TransactionTimedOut|TransactionTimedOutClientConfiguration)/.test(
      error.code,
    )
  );
}

/** Neo4j refused a bookmark the client sent back: not one of this database's (another server, a reset one). */
function isUnknownBookmark(error: unknown): boolean {
  return error instanceof Neo4jError && /^Neo\.ClientError\.Transaction\.InvalidBookmark/.test(error.code);
}

/** The GraphQL error a driver error stands for, or the error itself when it is none of ours. */
export function translateDriverError(error: unknown): Error {
  if (isUnknownBookmark(error)) {
    return new GraphQLError(
      `the ${bookmarkHeader} header holds a bookmark this database does not know (one of another server, ` +
        'or of a database since emptied): send only bookmarks this server returned, or none',
      { originalError: error as Error, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
    );
  }
  if (isUnavailable(error)) {
    return new GraphQLError('The database is unavailable right now; try again in a moment.', {
      originalError: error as Error,
      extensions: {
        code: DATABASE_UNAVAILABLE,
        http: { status: 503, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
      },
    });
  }
  if (isTimeout(error)) {
    return new GraphQLError(
      'The database stopped this query because it ran longer than the transaction timeout; ask for less ' +
        '(smaller pages, fewer nested connections, shorter traversals).',
      { originalError: error as Error, extensions: { code: DATABASE_TIMEOUT, http: { status: 504 } } },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
