/**
 * @module parties-on
 * Who is bound by a treaty on a date, and in what standing.
 */
import { covers, type IsoDate } from '../dates/index.js';
import type { Treaty } from './treaty.js';

/** Parties on a date: `parties` (members and frozen), and the frozen and suspended ones named. */
export interface PartiesOn {
  readonly parties: readonly string[];
  readonly frozen: readonly string[];
  readonly suspended: readonly string[];
}

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
    answer = computePartiesOn(treaty, date);
    byDate.set(date, answer);
  }
  return answer;
}

const memo = new WeakMap<Treaty, Map<IsoDate, PartiesOn>>();

function computePartiesOn(treaty: Treaty, date: IsoDate): PartiesOn {
  const parties: string[] = [];
  const frozen: string[] = [];
  const suspended: string[] = [];
  for (const p of treaty.parties) {
    const period = p.periods.find((x) => covers(x, date));
    if (!period) continue;
    if (period.status === 'suspended') suspended.push(p.polity);
    else parties.push(p.polity);
    if (period.status === 'frozen') frozen.push(p.polity);
  }
  return Object.freeze({ parties: Object.freeze(parties.sort()), frozen: Object.freeze(frozen.sort()), suspended: Object.freeze(suspended.sort()) });
}
