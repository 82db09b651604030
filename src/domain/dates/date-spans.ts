/**
 * @module date-spans
 * Time cut into spans within which nothing dated in some data can change: every date the data names,
 * and the day after it, starts a span. A value that depends on the date only through comparisons with
 * those dates (parties joining and leaving, texts in force) is the same on every day of a span, so it
 * can be kept per span instead of per date.
 */
import { nextDay, type IsoDate } from './iso-date.js';

/** The span boundaries of `data` (any JSON value): each date it names and the day after, sorted. */
export function dateCuts(data: unknown): readonly IsoDate[] {
  const dates = JSON.stringify(data).match(/\d{4}-\d{2}-\d{2}/g) ?? [];
  return [...new Set(dates.flatMap((d) => [d, nextDay(d)]))].sort();
}

/**
 * Which span `date` falls in: how many cuts are on or before it (binary search).
 * @example spanOf(dateCuts(treaty.parties), '2004-03-29')
 */
export function spanOf(cuts: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
