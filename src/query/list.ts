/**
 * Root lists (`people`, `meetings`, …): one label, filter conditions from the domain's cypher.ts,
 * keyset pagination on (sort key, id) so that pages neither lose nor repeat items. The page, what
 * its items select and the count are one compiled query (./root.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { pathPattern, propertiesContain, propertyEquals, sortKey, type Step } from '../cypher/build.js';
import {
  nodeProperties,
  nodeSchema,
  traversals,
  type Label,
  type NodeProperties,
  type PropertyType,
  type TraversalName,
} from '../model/graph.js';
import { listQuery, type ListSource } from './root.js';
import { rowKey, toRecord } from './compile.js';
import { lazyScope, pageWindow, type PageArgs } from '../graph/arguments.js';
import { dateMatchCypher, windowParams, type DateWindow } from '../graph/date-window.js';
import { connection, pageFromRows, type ConnectionRecord } from '../graph/connection.js';
import type { GraphContext as Context } from '../graph/context.js';
import { isRecordOf, type NodeRecord, type RecordOf } from '../graph/records.js';

/** Sort keys of lists: never null, so that keyset comparisons hold; names ignore case. */
export const byName = sortKey('name', 'n');
export const byDate = sortKey('date', 'n');

export interface ListQuery<L extends Label = Label> {
  label: L;
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
  items: (Record<string, unknown> | unknown[])[];
  total?: number;
  precedes?: boolean;
  follows?: boolean;
}

export function listConnection<L extends Label>(
  ctx: Context,
  query: ListQuery<L>,
  args: PageArgs,
  info: GraphQLResolveInfo,
): ConnectionRecord<RecordOf<L>> {
  const conditions = query.anchor ? [`n:${query.label}`, ...query.where] : query.where;
  const where = conditions.length > 0 ? `\nWHERE ${conditions.join(' AND ')}` : '';
  const match = (query.anchor ? `${query.anchor}\nWITH DISTINCT n` : `MATCH (n:${query.label})`) + where;
  return sourceConnection(ctx, { ...query, match }, args, info, (node) => isRecordOf(query.label, node));
}

/**
 * A page of the nodes a source binds, compiled with everything selected on them into one query
 * (its count too, when selected). `accept` tells the records of the connection's node type.
 */
export function sourceConnection<N extends NodeRecord>(
  ctx: Context,
  source: ListSource,
  args: PageArgs,
  info: GraphQLResolveInfo,
  accept: (node: NodeRecord) => node is N,
): ConnectionRecord<N> {
  // The list is what it selects and how it orders: a cursor of another filter, order or anchor is refused.
  const scope = lazyScope('list', source.label, source.match, source.params, source.sortKey, source.direction);
  const window = pageWindow(args, scope, 20, 2);
  const compiled = listQuery(info, source, window);
  let answer: Promise<ListRow> | undefined;
  const run = () =>
    (answer ??= ctx.db.read<ListRow>(compiled.cypher, compiled.params).then((rows) => rows[0] ?? { items: [] }));
  return connection(
    async () => {
      const { items, precedes, follows } = await run();
      const rows = items.flatMap((item) => {
        const node = toRecord(item, compiled.plan, compiled.compilation, compiled.label);
        return accept(node) ? [{ node, key: rowKey(node) }] : [];
      });
      return pageFromRows(rows, window, scope, { precedes, follows });
    },
    async () => {
      if (compiled.count) return (await run()).total ?? 0;
      const [row] = await ctx.db.read<{ total: number }>(`${source.match}\nRETURN count(n) AS total`, source.params);
      return row?.total ?? 0;
    },
  );
}

/**
 * Builds WHERE conditions on the nodes `n` of one label from the filter values that are set: each
 * value a parameter, each property and relationship from the model (a property the label does not
 * store, or a traversal, is a compile error).
 */
export class Conditions<L extends Label> {
  anchor: string | null = null;
  #dated = false;
  readonly where: string[] = [];
  readonly params: Record<string, unknown> = {};
  #names = 0;

  constructor(readonly label: L) {}

  /** A parameter for a value, named after the filter it comes from (and unique in this query). */
  #param(name: string, value: unknown): string {
    const param = `${name}${this.#names++}`;
    this.params[param] = value;
    return `$${param}`;
  }

  add(value: unknown, param: string, condition: string): this {
    if (value !== null && value !== undefined) {
      this.where.push(condition);
      this.params[param] = value;
    }
    return this;
  }

  /** The property equals the value (a flag the node lacks counts as false). */
  equals<P extends keyof NodeProperties<L> & string>(
    property: P,
    value: NodeProperties<L>[P] | null | undefined,
  ): this {
    if (value === null || value === undefined) return this;
    const absent = nodeSchema[this.label][property] === 'boolean' ? 'false' : undefined;
    this.where.push(propertyEquals('n', property, this.#param(property, value), absent));
    return this;
  }

  /** One of the properties contains the text, case-insensitively (a list property: one of its items). */
  contains(properties: readonly (keyof NodeProperties<L> & string)[], value: string | null | undefined): this {
    if (value === null || value === undefined) return this;
    const schema: Record<string, PropertyType> = nodeSchema[this.label];
    const declared = properties.map((name) => ({ name, list: schema[name] === 'string[]' }));
    this.where.push(propertiesContain('n', declared, this.#param('contains', value.toLowerCase())));
    return this;
  }

  /** Name or alias (where the label stores aliases) contains the text, case-insensitively. */
  nameContains(value: string | null | undefined): this {
    const names = nodeProperties[this.label].filter((name) => name === 'name' || name === 'aliases');
    return this.contains(names, value);
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
   * Has a path of the model's traversals from `n` to the node with this id. The first such filter
   * anchors the match at that node; the others are checked on each candidate.
   */
  related(value: string | null | undefined, ...steps: (TraversalName | Step)[]): this {
    if (value === null || value === undefined) return this;
    const path = pathPattern(
      'n',
      steps.map((step) => (typeof step === 'string' ? { traversal: traversals[step] } : step)),
      'x',
    );
    const param = this.#param('related', value);
    if (this.anchor === null) {
      this.anchor = `MATCH (x:Node {id: ${param}})\nMATCH ${path}`;
      return this;
    }
    this.where.push(`EXISTS { MATCH ${path} WHERE x.id = ${param} }`);
    return this;
  }
}
