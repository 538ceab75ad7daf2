/**
 * The one date-range condition of the API (src/graph/date-window.ts), run by Neo4j over dates of every
 * precision at the edges of months, leap years and windows, against the spans' first and last minutes
 * computed in JavaScript: a list's `filter.date` and `timeline` (overlaps), traversals and networks
 * bounded by `during` (within).
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateMatchCypher, earliestMinute, latestMinute, type DateMatch } from '../src/graph/date-window.js';
import { testDriver } from './helpers.js';

let driver: Driver;
let database: string | undefined;

beforeAll(() => {
  ({ driver, database } = testDriver());
});
afterAll(async () => driver.close());

const dates = [
  '2023',
  '2024',
  '2023-01',
  '2023-02',
  '2024-02',
  '2023-12',
  '2024-01',
  '2023-02-28',
  '2024-02-28',
  '2024-02-29',
  '2023-03-01',
  '2023-12-31',
  '2024-01-01',
  '2023-01-31',
  '2023-02-28T23:59',
  '2024-02-29T00:00',
  '2023-12-31T23:59',
  '2024-01-01T00:00',
  '2023-06-15T12:30',
];

// Window ends as the API builds them: a date argument's first minute (from) or last minute (to).
const ends = [...new Set([...dates.map(earliestMinute), ...dates.map(latestMinute), '2023-02-15T08:00'])].sort();
const windows: { from: string | null; to: string | null }[] = [
  { from: null, to: null },
  ...ends.flatMap((end) => [
    { from: end, to: null },
    { from: null, to: end },
  ]),
  ...ends.flatMap((from) => ends.filter((to) => to >= from).map((to) => ({ from, to }))),
];

/** What the condition must say: the date's span against the window, minute by minute. */
function expected(date: string, window: { from: string | null; to: string | null }, match: DateMatch): boolean {
  const [first, last] = [earliestMinute(date), latestMinute(date)];
  if (match === 'overlaps')
    return (window.from === null || last >= window.from) && (window.to === null || first <= window.to);
  return (window.from === null || first >= window.from) && (window.to === null || last <= window.to);
}

describe.each(['overlaps', 'within'] as const)('a date %s a window', (match) => {
  it('as its span does, for every precision at the edges of months, leap years and windows', async () => {
    const cases = dates.flatMap((date) => windows.map((window) => ({ date, ...window })));
    const { records } = await driver.executeQuery(
      `UNWIND $cases AS c RETURN ${dateMatchCypher('c.date', match, 'c.from', 'c.to')} AS matches`,
      { cases },
      { database },
    );
    const answers = records.map((record) => record.get('matches') as boolean);
    const wrong = cases.filter((c, i) => answers[i] !== expected(c.date, c, match));
    expect(cases.length).toBeGreaterThan(5_000);
    expect(wrong).toEqual([]);
  });

  it('never for an undated thing', async () => {
    const { records } = await driver.executeQuery(
      `RETURN ${dateMatchCypher('$date', match, '$from', '$to')} AS matches`,
      { date: null, from: null, to: null },
      { database },
    );
    expect(records[0]!.get('matches')).toBe(false);
  });
});
