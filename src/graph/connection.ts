/**
 * Relay connections, lazily: a connection resolves to a record that knows how to fetch its page
 * and its count, and only does what the query selects (`totalCount` costs nothing unless asked).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Label, TraversalName } from '../model/graph.js';
import { encodeCursor, pageArguments, type Cursor } from './arguments.js';
import type { GraphContext as Context } from './context.js';
import {
  isRecordOf,
  prefetchedPages,
  type ArticleRecord,
  type EdgeProperties,
  type NodeRecordBase,
  type EdgeRecord,
  type NodeRecord,
  type Prefetched,
} from './records.js';

export interface Page<N extends NodeRecordBase<Label> = NodeRecord> {
  edges: EdgeRecord<N>[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** A connection whose nodes are records of type N. */
export interface ConnectionRecord<N extends NodeRecordBase<Label> = NodeRecord> {
  page(): Promise<Page<N>>;
  count(): Promise<number>;
}

function once<T>(fetch: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= fetch());
}

export function connection<N extends NodeRecordBase<Label>>(
  page: () => Promise<Page<N>>,
  count: () => Promise<number>,
): ConnectionRecord<N> {
  return { page: once(page), count: once(count) };
}

/** An edge whose cursor is encoded only if a client asks for it (most queries never do). */
function edge<N extends NodeRecordBase<Label>>(key: string | number, node: N, rel: EdgeProperties): EdgeRecord<N> {
  return {
    node,
    rel,
    get cursor() {
      return encodeCursor(key, node.id);
    },
  };
}

/** Turns the `first + 1` rows of a keyset query into a page. */
export function pageFromRows<N extends NodeRecordBase<Label>>(
  rows: { node: N; rel?: EdgeProperties; key: string | number }[],
  first: number,
  after: Cursor | null,
): Page<N> {
  return {
    edges: rows.slice(0, first).map((row) => edge(row.key, row.node, row.rel ?? {})),
    hasNextPage: rows.length > first,
    hasPreviousPage: after !== null,
  };
}

const sameCursor = (a: Cursor | null, b: Cursor | null) => a?.key === b?.key && a?.id === b?.id;

/**
 * The page a compiled query fetched for this field of `parent` (under the field's response key),
 * if it was fetched with the same arguments; else undefined, and the loaders fetch it.
 */
function prefetched(parent: NodeRecord, info: GraphQLResolveInfo, first: number, after: Cursor | null) {
  const found: Prefetched | undefined = parent[prefetchedPages]?.get(String(info.path.key));
  return found && found.first === first && sameCursor(found.after, after) ? found : undefined;
}

/** A connection over the neighbours of one node: prefetched by the compiled query, else batched by the loaders. */
export function expansionConnection(
  ctx: Context,
  expansion: TraversalName,
  parent: NodeRecord,
  args: { first?: number | null; after?: string | null },
  info: GraphQLResolveInfo,
): ConnectionRecord {
  const { first, after } = pageArguments(args);
  const found = prefetched(parent, info, first, after);
  const count = () => ctx.loaders.expansionCount.load({ expansion, parentId: parent.id });
  if (found) {
    return connection(
      () => Promise.resolve(pageFromRows(found.rows, first, after)),
      found.total === undefined ? count : () => Promise.resolve(found.total!),
    );
  }
  return connection(
    async () =>
      pageFromRows(
        await ctx.loaders.expansionPage.load({ expansion, parentId: parent.id, first, after }),
        first,
        after,
      ),
    count,
  );
}

/** The single neighbour over a to-one traversal (a meeting's place, a statement's speaker), or null. */
export async function expansionSingle(
  ctx: Context,
  expansion: TraversalName,
  parent: NodeRecord,
  info: GraphQLResolveInfo,
) {
  const found = prefetched(parent, info, 1, null);
  const rows = found
    ? found.rows
    : await ctx.loaders.expansionPage.load({ expansion, parentId: parent.id, first: 1, after: null });
  return rows[0] ?? null;
}

/** A connection over a list of ids held by a node or relationship (its `sources`), in list order. */
export function idListConnection(
  ctx: Context,
  ids: readonly string[] | undefined,
  args: { first?: number | null; after?: string | null },
  defaultFirst = 10,
): ConnectionRecord<ArticleRecord> {
  const { first, after } = pageArguments(args, defaultFirst);
  const all = ids ?? [];
  return connection<ArticleRecord>(
    async () => {
      const start = after ? Number(after.key) + 1 : 0;
      const slice = all.slice(start, start + first);
      const nodes = await ctx.loaders.node.loadMany(slice);
      const edges: EdgeRecord<ArticleRecord>[] = [];
      nodes.forEach((node, i) => {
        if (!(node instanceof Error) && isRecordOf('Article', node)) {
          edges.push(edge(start + i, node, {}));
        }
      });
      return { edges, hasNextPage: start + first < all.length, hasPreviousPage: start > 0 };
    },
    () => Promise.resolve(all.length),
  );
}

/** Resolvers shared by every connection type. */
export const connectionResolvers = {
  edges: async <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) => (await c.page()).edges,
  nodes: async <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) =>
    (await c.page()).edges.map((edge) => edge.node),
  pageInfo: async <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) => {
    const page = await c.page();
    return {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.edges[0]?.cursor ?? null,
      endCursor: page.edges.at(-1)?.cursor ?? null,
    };
  },
  totalCount: <N extends NodeRecordBase<Label>>(c: ConnectionRecord<N>) => c.count(),
};
