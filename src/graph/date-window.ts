/**
 * A window of time over dates of mixed precision, shared by derived networks, time-bounded traversals
 * and exports. A date is inside when all of the span it stands for is: "2022-01" stands for the whole of
 * January, so it is inside 2022-01-01..2022-01-31 but not inside 2022-01-10..2022-01-31. Both sides are
 * compared as minute-precision strings (YYYY-MM-DDTHH:MM), which sort in time order.
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

/** Whether a date (at any precision) lies wholly inside the window; an undated thing never does. */
export function insideWindow(date: string | null | undefined, window: DateWindow): boolean {
  if (!date) return false;
  return (
    (window.from === null || earliestMinute(date) >= window.from) &&
    (window.to === null || latestMinute(date) <= window.to)
  );
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

/**
 * Cypher: whether `date` (an expression) lies wholly inside the window given as $windowFrom and
 * $windowTo (either may be null). Mirrors earliestMinute and latestMinute.
 */
export function insideWindowCypher(date: string): string {
  const earliest = `${date} + substring('0000-01-01T00:00', size(${date}))`;
  const latest = `CASE size(${date})
      WHEN 7 THEN toString(date(${date} + '-01') + duration('P1M') - duration('P1D')) + 'T23:59'
      ELSE ${date} + substring('0000-12-31T23:59', size(${date})) END`;
  return `(${date} IS NOT NULL AND ($windowFrom IS NULL OR ${earliest} >= $windowFrom) AND ($windowTo IS NULL OR ${latest} <= $windowTo))`;
}

/**
 * Cypher: node `n` may be passed through in a time-bounded traversal. Only meetings and statements
 * carry the dates that a window restricts; every other node may always be passed.
 */
export function passableCypher(n: string): string {
  return `(NOT (${n}:Meeting OR ${n}:Statement) OR ${insideWindowCypher(`${n}.date`)})`;
}

/** The parameters the Cypher above reads. */
export function windowParams(window: DateWindow | null): { windowFrom: string | null; windowTo: string | null } {
  return { windowFrom: window?.from ?? null, windowTo: window?.to ?? null };
}
