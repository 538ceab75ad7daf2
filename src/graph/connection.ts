/**
 * Relay connections, lazily: a connection resolves to a record that knows how to fetch its page
 * and its count, and only does what the query selects (`totalCount` costs nothing unless asked).
 * Every list pages on a unique key (its sort key, the item's id, and for relationships that can
 * repeat between two nodes the relationship's key), in both directions, and its cursors carry the
 * list's scope so that no other list accepts them.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { relationshipTypes, traversals, type Label, type TraversalName } from '../model/graph.js';
import {
  badInput,
  encodeCursor,
  listScope,
  scopeValue,
  type Scope,
  pageWindow,
  type CursorKey,
  type PageArgs,
  type PageWindow,
} from './arguments.js';
import type { GraphContext as Context } from './context.js';
import {
  isRecordOf,
  prefetchedPages,
  relationshipId,
  type ArticleRecord,
  type EdgeProperties,
  type NodeRecordBase,
  type EdgeRecord,
  type NodeRecord,
  type Prefetched,
  type Probes,
} from './records.js';

export interface Page<N extends NodeRecordBase<Label> = NodeRecord> {
  edges: EdgeRecord<N>[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/**
 * A connection whose nodes are records of type N. A page (or count) a compiled query already
 * fetched is also there as a plain value, so that its fields resolve without a promise each.
 */
export interface ConnectionRecord<N extends NodeRecordBase<Label> = NodeRecord> {
  page(): Promise<Page<N>>;
  count(): Promise<number>;
  known?: Page<N>;
  knownCount?: number;
}

function once<T>(fetch: () => T): () => T {
  let value: { of: T } | undefined;
  return () => (value ??= { of: fetch() }).of;
}

export function connection<N extends NodeRecordBase<Label>>(
  page: () => Promise<Page<N>>,
  count: () => Promise<number>,
): ConnectionRecord<N> {
  return { page: once(page), count: once(count) };
}

/** A connection whose page (and count, when given) are known already. */
function knownConnection<N extends NodeRecordBase<Label>>(
  page: Page<N>,
  count: number | (() => Promise<number>),
): ConnectionRecord<N> {
  const known: ConnectionRecord<N> = {
    page: () => Promise.resolve(page),
    count: typeof count === 'number' ? () => Promise.resolve(count) : once(count),
    known: page,
  };
  if (typeof count === 'number') known.knownCount = count;
  return known;
}

/**
 * A row of a page as a query returns it: the item, the relationship's properties, its key tuple
 * (absent when the query was compiled for a selection that reads no cursor).
 */
export interface PageRow<N extends NodeRecordBase<Label> = NodeRecord> {
  node: N;
  rel?: EdgeProperties;
  key?: CursorKey;
}

/**
 * An edge whose cursor is encoded, and whose relationship identity (`identify`, for edges that are
 * relationships) is computed, only if a client asks for it (most queries never do). A class, so that
 * its getters live once on the prototype rather than as two closures on every edge.
 */
class LazyEdge<N extends NodeRecordBase<Label>> implements EdgeRecord<N> {
  readonly node: N;
  readonly rel: EdgeProperties;

  constructor(
    private readonly scope: Scope,
    private readonly row: PageRow<N>,
    private readonly identify?: (row: PageRow<N>) => string,
  ) {
    this.node = row.node;
    this.rel = row.rel ?? {};
  }

  get id(): string | undefined {
    return this.identify?.(this.row);
  }

  get cursor(): string {
    const { key } = this.row;
    if (!key) throw new Error(`the page holding ${this.node.id} was fetched without cursors`);
    return encodeCursor(scopeValue(this.scope), key);
  }
}

const edge = <N extends NodeRecordBase<Label>>(
  scope: Scope,
  row: PageRow<N>,
  identify?: (row: PageRow<N>) => string,
): EdgeRecord<N> => new LazyEdge(scope, row, identify);

/**
 * Turns the `size + 1` rows of a keyset query (in the window's direction: from its end when
 * backward) into a page; `probes` tell whether items lie at or before `after` and at or after `before`.
 */
export function pageFromRows<N extends NodeRecordBase<Label>>(
  rows: PageRow<N>[],
  window: PageWindow,
  scope: Scope,
  probes: Probes = {},
  identify?: (row: PageRow<N>) => string,
): Page<N> {
  const { kept, hasNextPage, hasPreviousPage } = windowRows(rows, window, probes);
  return { edges: kept.map((row) => edge(scope, row, identify)), hasNextPage, hasPreviousPage };
}

/** The rows of a page in list order, and whether items precede and follow it (see pageFromRows). */
export function windowRows<T>(rows: readonly T[], window: PageWindow, probes: Probes) {
  const more = rows.length > window.size;
  const kept = rows.slice(0, window.size);
  if (window.backward) kept.reverse();
  const precedes = window.after !== null && probes.precedes === true;
  const follows = window.before !== null && probes.follows === true;
  return {
    kept,
    hasNextPage: window.backward ? follows : more || follows,
    hasPreviousPage: window.backward ? more || precedes : precedes,
  };
}

/**
 * A connection answered whole by one query (paths, common neighbours): edges built by `edgeOf`
 * from rows with their key tuples, and the count the same query gave. Cursors are encoded only
 * when read (most queries select none); `edgeOf`'s own fields are left as it defines them (a
 * getter stays a getter).
 */
export function answeredConnection<T extends { key: CursorKey }, E extends { node: unknown }>(
  rows: readonly T[],
  window: PageWindow,
  scope: Scope,
  probes: Probes,
  total: number,
  edgeOf: (row: T) => E,
) {
  const { kept, hasNextPage, hasPreviousPage } = windowRows(rows, window, probes);
  const cursorOf = (row: T | undefined) => (row ? encodeCursor(scopeValue(scope), row.key) : null);
  const edges = kept.map(
    (row): E & { cursor: string } =>
      Object.defineProperty(edgeOf(row), 'cursor', { get: () => cursorOf(row), enumerable: true }) as E & {
        cursor: string;
      },
  );
  return {
    edges,
    nodes: edges.map((e): E['node'] => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return cursorOf(kept[0]);
      },
      get endCursor() {
        return cursorOf(kept.at(-1));
      },
    },
    totalCount: total,
  };
}

const sameKey = (a: CursorKey | null, b: CursorKey | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((value, i) => value === b[i]));

const sameWindow = (a: PageWindow, b: PageWindow) =>
  a.size === b.size && a.backward === b.backward && sameKey(a.after, b.after) && sameKey(a.before, b.before);

/**
 * The page a compiled query fetched for this field of `parent` (under the field's response key),
 * if it was fetched with the same arguments; else undefined, and the loaders fetch it.
 */
function prefetched(parent: NodeRecord, info: GraphQLResolveInfo, window: PageWindow) {
  const found: Prefetched | undefined = parent[prefetchedPages]?.get(String(info.path.key));
  return found && sameWindow(found.window, window) ? found : undefined;
}

/** The scope of a traversal's list from one parent: its cursors are good for that list only. */
export const expansionScope = (expansion: TraversalName, parentId: string) =>
  listScope('expansion', expansion, parentId);

/** How many values a cursor of a traversal's list holds: key, id, and the relationship's key if it has one. */
export const expansionArity = (expansion: TraversalName) => (relationshipTypes[traversals[expansion].type] ? 3 : 2);

/** The identity of the relationship of an edge of a traversal from `parentId`. */
const relationshipOf =
  (expansion: TraversalName, parentId: string) =>
  (row: PageRow): string => {
    const { type, direction } = traversals[expansion];
    const [from, to] = direction === 'out' ? [parentId, row.node.id] : [row.node.id, parentId];
    return relationshipId({ from, type, to, properties: row.rel ?? {} });
  };

const hasCursor = (args: PageArgs) =>
  (args.after !== null && args.after !== undefined) || (args.before !== null && args.before !== undefined);

/** A connection over the neighbours of one node: prefetched by the compiled query, else batched by the loaders. */
export function expansionConnection(
  ctx: Context,
  expansion: TraversalName,
  parent: NodeRecord,
  args: PageArgs,
  info: GraphQLResolveInfo,
): ConnectionRecord {
  // The scope is a digest: computed when a cursor is given or asked for, not for every page.
  const scope = once(() => expansionScope(expansion, parent.id));
  const window = pageWindow(args, hasCursor(args) ? scope() : null, 20, expansionArity(expansion));
  const found = prefetched(parent, info, window);
  const count = () => ctx.loaders.expansionCount.load({ expansion, parentId: parent.id });
  const page = (rows: Prefetched['rows'], probes: Probes) =>
    pageFromRows(rows, window, scope, probes, relationshipOf(expansion, parent.id));
  if (found) return knownConnection(page(found.rows, found.probes), found.total ?? count);
  return connection(async () => {
    const answer = await ctx.loaders.expansionPage.load({ expansion, parentId: parent.id, window });
    return page(answer.rows, answer.probes);
  }, count);
}

/** `then` for a value that may be known already: applied at once to a plain value, no promise made. */
export function thenMaybe<T, U>(value: T | Promise<T>, next: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

const singleWindow: PageWindow = { size: 1, backward: false, after: null, before: null };

/**
 * The single neighbour over a to-one traversal (a meeting's place, a statement's speaker), or null:
 * at once when the compiled query fetched it, else a promise of the batched loaders' answer.
 */
export function expansionSingle(
  ctx: Context,
  expansion: TraversalName,
  parent: NodeRecord,
  info: GraphQLResolveInfo,
): Prefetched['rows'][number] | null | Promise<Prefetched['rows'][number] | null> {
  const found = prefetched(parent, info, singleWindow);
  if (found) return found.rows[0] ?? null;
  return ctx.loaders.expansionPage
    .load({ expansion, parentId: parent.id, window: singleWindow })
    .then((answer) => answer.rows[0] ?? null);
}

/**
 * Where a page of an ordered list held in memory lies: positions `start` to `end` (exclusive) and
 * whether items precede and follow it. Cursors are positions with the item's id, checked against
 * the item there (a list that changed since gives BAD_USER_INPUT rather than a wrong page).
 */
export function arrayWindow(ids: readonly string[], window: PageWindow) {
  const position = (argument: 'after' | 'before', key: CursorKey | null) => {
    if (key === null) return null;
    const [index, id] = key;
    if (typeof index !== 'number' || !Number.isInteger(index) || ids[index] !== id)
      throw badInput(argument, 'is not a cursor of this list as it is now (it changed): start again');
    return index;
  };
  const after = position('after', window.after);
  const before = position('before', window.before);
  const lo = after === null ? 0 : after + 1;
  const hi = before === null ? ids.length : Math.max(lo, before);
  const [start, end] = window.backward ? [Math.max(lo, hi - window.size), hi] : [lo, Math.min(hi, lo + window.size)];
  return {
    start,
    end,
    hasPreviousPage: start > 0 && (start > lo || after !== null),
    hasNextPage: end < ids.length && (end < hi || before !== null),
  };
}

/** A connection over a list of ids held by a node or relationship (its `sources`), in list order. */
export function idListConnection(
  ctx: Context,
  ids: readonly string[] | undefined,
  args: PageArgs,
  scope: string,
  defaultSize = 10,
): ConnectionRecord<ArticleRecord> {
  const window = pageWindow(args, scope, defaultSize, 2);
  const all = ids ?? [];
  return connection<ArticleRecord>(
    async () => {
      const { start, end, hasNextPage, hasPreviousPage } = arrayWindow(all, window);
      const nodes = await ctx.loaders.node.loadMany(all.slice(start, end));
      const edges: EdgeRecord<ArticleRecord>[] = [];
      nodes.forEach((node, i) => {
        if (node && !(node instanceof Error) && isRecordOf('Article', node)) {
          edges.push(edge(scope, { node, key: [start + i, node.id] }));
        }
      });
      return { edges, hasNextPage, hasPreviousPage };
    },
    () => Promise.resolve(all.length),
  );
}

/** A value of a connection's page: at once when the page is known, else when it arrives. */
const fromPage = <N extends NodeRecordBase<Label>, T>(c: ConnectionRecord<N>, of: (page: Page<N>) => T) =>
  c.known ? of(c.known) : c.page().then(of);

const pageInfoOf = <N extends NodeRecordBase<Label>>(page: Page<N>) => ({
  hasNextPage: page.hasNextPage,
  hasPreviousPage: page.hasPreviousPage,
  get startCursor() {
    return page.edges[0]?.cursor ?? null;
  },
  get endCursor() {
    return page.edges.at(-1)?.cursor ?? null;
  },
});

/** Resolvers shared by every connection type. */
export const connectionResolvers = {
  edges: <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) => fromPage(c, (page) => page.edges),
  nodes: <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) =>
    fromPage(c, (page) => page.edges.map((edge) => edge.node)),
  pageInfo: <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) => fromPage(c, pageInfoOf),
  totalCount: <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) => c.knownCount ?? c.count(),
};
