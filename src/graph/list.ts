/**
 * Root lists (`people`, `meetings`, …): one label, filter conditions from the domain's cypher.ts,
 * keyset pagination on (sort key, id) so that pages neither lose nor repeat items.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import type { Label } from '../seed/graph-rows.js';
import { pageArguments } from './arguments.js';
import { connection, pageFromRows, type ConnectionRecord } from './connection.js';
import { prefetchColumns, prefetchesFor, primePrefetched } from './prefetch.js';
import { nodeProjection, toNodeRecord } from './records.js';

/** Sort keys of lists: never null, so that keyset comparisons hold; names ignore case. */
export const byName = "toLower(coalesce(n.name, ''))";
/** Date, then the source's order among events of the same date (`dateOrder`, see seed/source-order.ts). */
export const byDate = "coalesce(n.dateOrder, '')";

export interface ListQuery {
  label: Label;
  /**
   * Where the match starts when a filter names a related node: from that node (index-backed) across
   * the relationship, rather than from every node of the label. Null: all nodes of the label.
   */
  anchor: string | null;
  /** Cypher conditions on `n`, joined with AND; their values are in `params`. */
  where: string[];
  params: Record<string, unknown>;
  /** Sort key expression on `n` (never null). */
  sortKey: string;
  direction: 'ASC' | 'DESC';
}

export function listConnection(
  ctx: Context,
  query: ListQuery,
  args: { first?: number | null; after?: string | null },
  info?: GraphQLResolveInfo,
): ConnectionRecord {
  const { first, after } = pageArguments(args);
  const prefetch = prefetchesFor(info, query.label);
  const conditions = query.anchor ? [`n:${query.label}`, ...query.where] : query.where;
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const match = query.anchor ? `${query.anchor}\nWITH DISTINCT n` : `MATCH (n:${query.label})`;
  const [gt, dir] = query.direction === 'ASC' ? ['>', 'ASC'] : ['<', 'DESC'];
  const page = `
${match}
${where}
WITH n, ${query.sortKey} AS k
WHERE $afterId IS NULL OR k ${gt} $afterKey OR (k = $afterKey AND n.id ${gt} $afterId)
WITH n, k
ORDER BY k ${dir}, n.id ${dir}
LIMIT $limit
RETURN ${nodeProjection('n')} AS node, k AS key${prefetchColumns(prefetch)}`;
  const count = `${match}\n${where}\nRETURN count(n) AS total`;
  return connection(
    async () => {
      const rows = await ctx.db.read<{ node: Record<string, unknown>; key: string } & Record<string, unknown>>(page, {
        ...query.params,
        afterKey: after?.key ?? null,
        afterId: after?.id ?? null,
        limit: first + 1,
      });
      return pageFromRows(
        rows.map((row) => {
          const node = ctx.loaders.prime(toNodeRecord(row.node));
          if (prefetch.length > 0) primePrefetched(ctx.loaders, node, prefetch, row);
          return { node, key: row.key };
        }),
        first,
        after,
      );
    },
    async () => {
      const [row] = await ctx.db.read<{ total: number }>(count, query.params);
      return row?.total ?? 0;
    },
  );
}

/** Builds WHERE conditions from the filter values that are set; each value becomes a parameter. */
export class Conditions {
  anchor: string | null = null;
  #dated = false;
  readonly where: string[] = [];
  readonly params: Record<string, unknown> = {};

  add(value: unknown, param: string, condition: string): this {
    if (value !== null && value !== undefined) {
      this.where.push(condition);
      this.params[param] = value;
    }
    return this;
  }

  /** Name or alias contains the text, case-insensitively. */
  nameContains(value: string | null | undefined): this {
    return this.add(
      value?.toLowerCase(),
      'nameContains',
      '(toLower(n.name) CONTAINS $nameContains OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $nameContains))',
    );
  }

  /**
   * Dated on or after `from` and on or before `to`, where a less precise date counts when the span it
   * stands for overlaps: "2022-01" is on or after 2022-01-10 and on or before 2022-01-01.
   * The bounds are written as one range the date index can seek (from the year of `from`, since a
   * date known only to its year or month may overlap; to just past every date `to` prefixes, as "~"
   * sorts after digits, "-" and "T"), and the exact test of `from` is applied to what the seek finds.
   */
  dateRange(from: string | null, to: string | null): this {
    if (from === null && to === null) return this;
    this.#dated = true;
    const lower = from?.slice(0, 4);
    const upper = to === null ? undefined : `${to}~`;
    if (lower !== undefined && upper !== undefined) {
      this.add(lower, 'dateLower', '$dateLower <= n.dateOrder <= $dateUpper');
      this.params.dateUpper = upper;
    } else {
      this.add(lower, 'dateLower', 'n.dateOrder >= $dateLower');
      this.add(upper, 'dateUpper', 'n.dateOrder <= $dateUpper');
    }
    if (from !== null && from.length > 4) this.add(from, 'from', '(n.date >= $from OR $from STARTS WITH n.date)');
    return this;
  }

  /**
   * The sort key of a date-ordered list: `n.dateOrder` itself when a date filter guarantees it is set (so
   * that its index can also give the order), else the key or '' for undated items.
   */
  get dateKey(): string {
    return this.#dated ? 'n.dateOrder' : byDate;
  }

  /**
   * Has a relationship (given as a pattern from `n` to `(x)`) to the node with this id. The first such
   * filter anchors the match at that node; the others are checked on each candidate.
   */
  related(value: string | null | undefined, param: string, pattern: string): this {
    if (value === null || value === undefined) return this;
    if (this.anchor === null) {
      this.anchor = `MATCH (x:Node {id: $${param}})\nMATCH ${pattern}`;
      this.params[param] = value;
      return this;
    }
    return this.add(value, param, `EXISTS { MATCH ${pattern} WHERE x.id = $${param} }`);
  }
}
