/**
 * The order a source gives to events of the same date. Dates are only as precise as the source
 * (no invented times), so two meetings on 2022-01-10 would otherwise tie; when the source says one
 * came after the other (`follows`), that order is kept. The result is `dateOrder`, a string that
 * sorts by date first and by the source's order second: `2022-01-10#001` for a meeting one step
 * after another of that day, `2022-01-10#001#0001132` for a statement made at it (after the meeting,
 * then in the order the article reports them).
 */
import type { SeedDocument } from './format.js';

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The sort key of a dated event: its date, then its rank on that date, then its place in the article. */
export function dateOrder(date: string, rank = 0, offset?: number): string {
  // '#' sorts before '-', 'T' and digits, so a less precise date keeps sorting before a more precise one.
  return `${date}#${pad(rank, 3)}${offset === undefined ? '' : `#${pad(offset, 7)}`}`;
}

/**
 * Each meeting's rank among the meetings of the same date in this document: 0, or one more than the
 * highest-ranked same-date meeting it follows. Validation has ruled out cycles.
 */
export function meetingRanks(doc: SeedDocument): Map<string, number> {
  const byId = new Map(doc.meetings.map((meeting) => [meeting.id, meeting]));
  const ranks = new Map<string, number>();
  const rankOf = (id: string): number => {
    const known = ranks.get(id);
    if (known !== undefined) return known;
    const meeting = byId.get(id)!;
    const date = meeting.date ?? meeting.start;
    let rank = 0;
    for (const before of meeting.follows) {
      const other = byId.get(before);
      if (other && (other.date ?? other.start) === date) rank = Math.max(rank, rankOf(before) + 1);
    }
    ranks.set(id, rank);
    return rank;
  };
  for (const meeting of doc.meetings) rankOf(meeting.id);
  return ranks;
}
