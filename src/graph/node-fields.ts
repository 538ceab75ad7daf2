/** Field resolvers every kind of node shares: provenance, aliases, dates. */
import type { GraphContext as Context } from './context.js';
import { listScope, type PageArgs } from './arguments.js';
import { idListConnection } from './connection.js';
import type { EdgeRecord, NodeRecord, PartialDateRecord } from './records.js';

/** The scope of the `sources` of a node or relationship (by its id): its cursors are good for that list only. */
export const sourcesScope = (ownerId: string) => listScope('sources', ownerId);

export const sourcesOf = (node: NodeRecord, args: PageArgs, ctx: Context) =>
  idListConnection(ctx, node.sources, args, sourcesScope(node.id));

/** `sources` of a connection edge that is a relationship: the relationship's own provenance. */
export const edgeSources = (edge: EdgeRecord, args: PageArgs, ctx: Context) =>
  idListConnection(ctx, edge.rel.sources, args, sourcesScope(edge.id ?? ''));

export function aliasesOf(node: { aliases?: string[]; aliasLanguages?: string[] }) {
  const names = node.aliases ?? [];
  const languages = node.aliasLanguages ?? [];
  return names.map((name, i) => ({ name, language: languages[i] ?? 'und' }));
}

/** A property the seed format requires: its absence is a broken graph, reported as such, never a made-up value. */
export function required<T>(value: T | null | undefined, owner: string, property: string): T {
  if (value === null || value === undefined) throw new Error(`${owner} has no ${property}`);
  return value;
}

export const dateOf = (value: unknown): PartialDateRecord | null => (typeof value === 'string' ? value : null);

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const partialDateResolvers = {
  iso: (date: PartialDateRecord) => date,
  precision: (date: PartialDateRecord) =>
    date.length === 4 ? 'YEAR' : date.length === 7 ? 'MONTH' : date.length === 10 ? 'DAY' : 'MINUTE',
  earliest: (date: PartialDateRecord) =>
    date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10),
  latest: (date: PartialDateRecord) => {
    if (date.length === 4) return `${date}-12-31`;
    if (date.length === 7) {
      const [year, month] = date.split('-').map(Number);
      return `${date}-${daysInMonth(year!, month!)}`;
    }
    return date.slice(0, 10);
  },
};
