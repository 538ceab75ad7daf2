/**
 * Checking arguments: a bad argument is the client's mistake and gets BAD_USER_INPUT naming it.
 */
import { createHash } from 'node:crypto';
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

/**
 * A cursor names a place in one list: the list's scope (a digest of the field, its parent, its
 * filter and its order) and the item's sort key there, the tuple the list is ordered by (its last
 * members the id, and for relationships that can repeat between two nodes, the relationship's key).
 * Opaque to clients: base64url of JSON `[scope, ...key]`.
 */
export type CursorKey = (string | number)[];

/** The scope of a list: a short digest of what identifies it, so a cursor cannot be used on another. */
export function listScope(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

/** A list's scope, or how to compute it when first needed (a digest: most pages never need it). */
export type Scope = string | (() => string);

export const scopeValue = (scope: Scope): string => (typeof scope === 'string' ? scope : scope());

/** A list's scope computed only when a cursor is read or checked, and then once. */
export function lazyScope(...parts: unknown[]): () => string {
  let scope: string | undefined;
  return () => (scope ??= listScope(...parts));
}

export function encodeCursor(scope: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([scope, ...key])).toString('base64url');
}

/** A cursor's scope and key, or a BAD_USER_INPUT naming the argument when it is not one this server gave out. */
export function parseCursor(argument: string, value: string): { scope: string; key: CursorKey } {
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parsed) &&
      parsed.length >= 2 &&
      typeof parsed[0] === 'string' &&
      parsed.slice(1).every((part) => typeof part === 'string' || typeof part === 'number')
    ) {
      return { scope: parsed[0], key: parsed.slice(1) as CursorKey };
    }
  } catch {
    /* reported below */
  }
  throw badInput(argument, 'is not a cursor this server gave out (use pageInfo.endCursor or startCursor)');
}

/**
 * The key of a cursor given to the list of `scope` (null: not checked here, the resolver checks it),
 * or BAD_USER_INPUT naming the argument when it came from another list, filter or order.
 */
export function decodeCursor(
  argument: string,
  value: string | null | undefined,
  scope: Scope | null,
  arity?: number,
): CursorKey | null {
  if (value === null || value === undefined) return null;
  const cursor = parseCursor(argument, value);
  if ((scope !== null && cursor.scope !== scopeValue(scope)) || (arity !== undefined && cursor.key.length !== arity))
    throw badInput(
      argument,
      'is a cursor of another list (another field, parent, filter or order): pass a cursor this list gave out',
    );
  return cursor.key;
}

/** The page arguments of every connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Which part of a list to answer: `size` items from the start of the window between `after` and
 * `before` (forward: `first`), or from its end (backward: `last`).
 */
export interface PageWindow {
  size: number;
  backward: boolean;
  after: CursorKey | null;
  before: CursorKey | null;
}

/**
 * Page sizes when neither `first` nor `last` is given: 20, except for the fields listed here (by
 * `Type.field`); the cost estimate (../http/cost.ts) reads the same table.
 */
const defaultPageSizes: Record<string, number> = {
  sources: 10,
  'Query.search': 10,
  'Query.allShortestPaths': 10,
  'MetWithEdge.meetings': 10,
  'Network.nodes': 100,
  'Network.relationships': 100,
};

export function defaultPageSize(type: string, field: string): number {
  return defaultPageSizes[`${type}.${field}`] ?? defaultPageSizes[field] ?? 20;
}

/**
 * The window of a connection field's arguments, its cursors checked against the list's scope (null:
 * checked later by the resolver) and the arity of its keys.
 */
export function pageWindow(args: PageArgs, scope: Scope | null, defaultSize = 20, arity?: number): PageWindow {
  const hasFirst = args.first !== null && args.first !== undefined;
  const hasLast = args.last !== null && args.last !== undefined;
  if (hasFirst && hasLast)
    throw badInput(
      'last',
      'cannot be combined with "first": page forward with first/after or backward with last/before',
    );
  const size = hasLast
    ? intInRange('last', args.last, 1, 100, defaultSize)
    : intInRange('first', args.first, 1, 100, defaultSize);
  return {
    size,
    backward: hasLast,
    after: decodeCursor('after', args.after, scope, arity),
    before: decodeCursor('before', args.before, scope, arity),
  };
}
