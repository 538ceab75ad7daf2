/**
 * Root lists (`people`, `meetings`, …): one label, filter conditions from the domain's cypher.ts,
 * keyset pagination on (sort key, id) so that pages neither lose nor repeat items. The page, what
 * its items select and the count are one compiled query (../query/root.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { sortKey } from '../cypher/build.js';
import type { Label } from '../model/graph.js';
import { listQuery } from '../query/root.js';
import { toRecord } from '../query/compile.js';
import { pageArguments } from './arguments.js';
import { dateMatchCypher, windowParams, type DateWindow } from './date-window.js';
import { connection, pageFromRows, type ConnectionRecord } from './connection.js';
import type { GraphContext as Context } from './context.js';

/** Sort keys of lists: never null, so that keyset comparisons hold; names ignore case. */
export const byName = sortKey('name', 'n');
export const byDate = sortKey('date', 'n');

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

interface ListRow {
  items: { node: Record<string, unknown>; key: string | number }[];
  total?: number;
}

export function listConnection(
  ctx: Context,
  query: ListQuery,
  args: { first?: number | null; after?: string | null },
  info: GraphQLResolveInfo,
): ConnectionRecord {
  const { first, after } = pageArguments(args);
  const conditions = query.anchor ? [`n:${query.label}`, ...query.where] : query.where;
  const where = conditions.length > 0 ? `\nWHERE ${conditions.join(' AND ')}` : '';
  const match = (query.anchor ? `${query.anchor}\nWITH DISTINCT n` : `MATCH (n:${query.label})`) + where;
  const compiled = listQuery(info, { ...query, match }, first, after);
  let answer: Promise<ListRow> | undefined;
  const run = () =>
    (answer ??= ctx.db.read<ListRow>(compiled.cypher, compiled.params).then((rows) => rows[0] ?? { items: [] }));
  return connection(
    async () => {
      const { items } = await run();
      const rows = items.map((item) => ({
        node: toRecord(item.node, compiled.plan, compiled.compilation),
        key: item.key,
      }));
      return pageFromRows(rows, first, after);
    },
    async () => {
      if (compiled.count) return (await run()).total ?? 0;
      const [row] = await ctx.db.read<{ total: number }>(`${match}\nRETURN count(n) AS total`, query.params);
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
   * Dated in the window (`filter.date`): the date's span overlaps it (dateMatchCypher, the one date-range
   * condition). Before it, the window's bounds as one range the `dateOrder` index can seek, necessary for
   * overlapping: from the year of `from` (a date known only to its year or month may overlap it), to
   * just past `to`'s last minute ("~" sorts after digits, "-", "T" and the "#" of a rank).
   */
  dateRange(window: DateWindow | null): this {
    if (window === null) return this;
    this.#dated = true;
    const lower = window.from?.slice(0, 4);
    const upper = window.to === null ? undefined : `${window.to}~`;
    if (lower !== undefined && upper !== undefined) {
      this.add(lower, 'dateLower', '$dateLower <= n.dateOrder <= $dateUpper');
      this.params.dateUpper = upper;
    } else {
      this.add(lower, 'dateLower', 'n.dateOrder >= $dateLower');
      this.add(upper, 'dateUpper', 'n.dateOrder <= $dateUpper');
    }
    Object.assign(this.params, windowParams(window));
    this.where.push(dateMatchCypher('n.date', 'overlaps'));
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
