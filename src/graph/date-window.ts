/**
 * A window of time over dates of mixed precision: the one date-range condition of the API, used by the
 * lists' `filter.date`, `timeline(date:)`, derived networks, time-bounded traversals and exports. A date
 * stands for a span ("2022-01" for the whole of January); a filter matches a date whose span overlaps the
 * window, a window (`during`) passes one whose span lies wholly inside it: "2022-01" overlaps
 * 2022-01-10..2022-01-31 but is not inside it. Both sides are compared as minute-precision strings
 * (YYYY-MM-DDTHH:MM), which sort in time order.
 */
import { badInput, dateArgument } from './arguments.js';

export interface DateWindow {
  /** First minute of the window (YYYY-MM-DDTHH:MM), or null when open. */
  from: string | null;
  /** Last minute of the window, or null when open. */
  to: string | null;
}

/** The first minute of the span a date stands for. */
export function earliestMinute(date: string): string {
  return date + '0000-01-01T00:00'.slice(date.length);
}

/** The last minute of the span a date stands for (the last day of a month counted). */
export function latestMinute(date: string): string {
  if (date.length === 7) {
    const [year, month] = date.split('-').map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${date}-${String(lastDay).padStart(2, '0')}T23:59`;
  }
  return date + '0000-12-31T23:59'.slice(date.length);
}

/**
 * The `during` argument, checked: null when absent (no restriction), else the window. `argument` names
 * it in errors ("during", or "from"/"to" for the export's query parameters).
 */
export function dateWindowArgument(
  during: { from?: string | null; to?: string | null } | null | undefined,
  names = { from: 'during.from', to: 'during.to' },
): DateWindow | null {
  if (during === null || during === undefined) return null;
  const from = dateArgument(names.from, during.from);
  const to = dateArgument(names.to, during.to);
  if (from === null && to === null) return null;
  const window = { from: from === null ? null : earliestMinute(from), to: to === null ? null : latestMinute(to) };
  if (window.from !== null && window.to !== null && window.from > window.to) {
    throw badInput(names.to, `must not be before ${names.from} ("${to}" is before "${from}")`);
  }
  return window;
}

/** How a date's span must relate to a window: lie wholly inside it, or overlap it. */
export type DateMatch = 'within' | 'overlaps';

/**
 * Cypher: whether `date` (an expression) matches the window given as `from` and `to` (parameter
 * references; either may be null for an open end). The span's first and last minute mirror
 * earliestMinute and latestMinute; an undated thing never matches.
 *
 * A span overlaps the window when the date is not before the window's first minute cut to the date's
 * own length, nor after its last minute cut so: dates and minutes are fixed-width strings that sort in
 * time order, so this is the same test as comparing the span's minutes, without computing a month's
 * last day for every candidate (6–9 % of a filtered list's Neo4j CPU: README, "What the thirteenth
 * session changed").
 */
export function dateMatchCypher(date: string, match: DateMatch, from = '$windowFrom', to = '$windowTo'): string {
  const present = `${date} IS NOT NULL`;
  if (match === 'overlaps') {
    return `(${present} AND (${from} IS NULL OR ${date} >= left(${from}, size(${date}))) AND (${to} IS NULL OR ${date} <= left(${to}, size(${date}))))`;
  }
  const earliest = `${date} + substring('0000-01-01T00:00', size(${date}))`;
  const latest = `CASE size(${date})
      WHEN 7 THEN toString(date(${date} + '-01') + duration('P1M') - duration('P1D')) + 'T23:59'
      ELSE ${date} + substring('0000-12-31T23:59', size(${date})) END`;
  return `(${present} AND (${from} IS NULL OR ${earliest} >= ${from}) AND (${to} IS NULL OR ${latest} <= ${to}))`;
}

/** Cypher: whether `date` lies wholly inside the window $windowFrom..$windowTo. */
export const insideWindowCypher = (date: string) => dateMatchCypher(date, 'within');

/**
 * Cypher: node `n` may be passed through in a time-bounded traversal. Only meetings and statements
 * carry the dates that a window restricts; every other node may always be passed.
 */
export function passableCypher(n: string): string {
  return `(NOT (${n}:Meeting OR ${n}:Statement) OR ${insideWindowCypher(`${n}.date`)})`;
}

/**
 * The date range of a filter or of `timeline`: `date: { from, to }`, or the deprecated `from`/`to` beside
 * it (never both). `prefix` names the arguments in errors (`filter.`, or '' for timeline's own).
 */
export function dateRangeArgument(
  holder: { date?: { from?: string | null; to?: string | null } | null; from?: string | null; to?: string | null },
  prefix: string,
): DateWindow | null {
  const legacy = { from: holder.from ?? null, to: holder.to ?? null };
  if (holder.date !== null && holder.date !== undefined) {
    if (legacy.from !== null || legacy.to !== null) {
      throw badInput(`${prefix}date`, `cannot be given together with the deprecated ${prefix}from/${prefix}to`);
    }
    return dateWindowArgument(holder.date, { from: `${prefix}date.from`, to: `${prefix}date.to` });
  }
  return dateWindowArgument(legacy, { from: `${prefix}from`, to: `${prefix}to` });
}

/** The parameters the Cypher above reads. */
export function windowParams(window: DateWindow | null): { windowFrom: string | null; windowTo: string | null } {
  return { windowFrom: window?.from ?? null, windowTo: window?.to ?? null };
}
