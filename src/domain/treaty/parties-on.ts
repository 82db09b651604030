/**
 * @module parties-on
 * Who is bound by a treaty on a date, and in what standing.
 */
import type { IsoDate } from '../dates/index.js';
import { standingOn, type PartiesOn } from '../polity/index.js';
import type { Treaty } from './treaty.js';

export type { PartiesOn } from '../polity/index.js';

/**
 * The treaty's parties on `date`, sorted.
 * @example partiesOn(nato, '2003-06-01').parties.includes('EST') === false
 */
export function partiesOn(treaty: Treaty, date: IsoDate): PartiesOn {
  // Pure in (treaty, date), and bulk runs ask the same few thousand dates again and again.
  let byDate = memo.get(treaty);
  if (!byDate) memo.set(treaty, (byDate = new Map<IsoDate, PartiesOn>()));
  let answer = byDate.get(date);
  if (!answer) {
    if (byDate.size >= 100_000) byDate.clear();
    answer = standingOn(treaty.parties, date);
    byDate.set(date, answer);
  }
  return answer;
}

const memo = new WeakMap<Treaty, Map<IsoDate, PartiesOn>>();
