/**
 * Checking arguments: a bad argument is the client's mistake and gets BAD_USER_INPUT naming it.
 */
import { GraphQLError } from 'graphql';

export function badInput(argument: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argument}" ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName: argument },
  });
}

export function intInRange(
  argument: string,
  value: number | null | undefined,
  min: number,
  max: number,
  fallback: number,
) {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max)
    throw badInput(argument, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

const datePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A date filter bound: YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateArgument(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!datePattern.test(value))
    throw badInput(argument, `must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${value}"`);
  return value;
}

/** Cursors are opaque to clients: base64url of a JSON [sortKey, id] pair. */
export interface Cursor {
  key: string | number;
  id: string;
}

export function encodeCursor(key: string | number, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

export function decodeCursor(argument: string, value: string | null | undefined): Cursor | null {
  if (value === null || value === undefined) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    /* reported below */
  }
  throw badInput(argument, 'is not a cursor this server gave out (use pageInfo.endCursor)');
}

/** The page arguments of every connection field. */
export function pageArguments(args: { first?: number | null; after?: string | null }, defaultFirst = 20) {
  return { first: intInRange('first', args.first, 1, 100, defaultFirst), after: decodeCursor('after', args.after) };
}
