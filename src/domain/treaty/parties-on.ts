/**
 * @module parties-on
 * Who is bound by a treaty on a date, and in what standing.
 */
import { dateCuts, spanOf, type IsoDate } from '../dates/index.js';
import { standingOn, type PartiesOn } from '../polity/index.js';
import type { Treaty } from './treaty.js';

export type { PartiesOn } from '../polity/index.js';

/**
 * The treaty's parties on `date`, sorted.
 * @example partiesOn(nato, '2003-06-01').parties.includes('EST') === false
 */
export function partiesOn(treaty: Treaty, date: IsoDate): PartiesOn {
  // Pure in (treaty, date), and constant between two dates the treaty's party list names: kept per
  // such span, so a stream of distinct dates (an import, an API under load) adds nothing once each
  // span has been asked for (kept per date, 20,000 distinct incidents grew a worker's heap by 200 MB).
  let spans = memo.get(treaty);
  if (!spans) memo.set(treaty, (spans = { cuts: dateCuts(treaty.parties), bySpan: new Map() }));
  const span = spanOf(spans.cuts, date);
  let answer = spans.bySpan.get(span);
  if (!answer) spans.bySpan.set(span, (answer = standingOn(treaty.parties, date)));
  return answer;
}

interface Spans {
  /** Where the party list may change (dateCuts of it). */
  readonly cuts: readonly string[];
  readonly bySpan: Map<number, PartiesOn>;
}

const memo = new WeakMap<Treaty, Spans>();
