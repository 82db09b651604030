/**
 * @module party-standing
 * Who is bound by a treaty on a date, from its parties' dated periods: the one rule the assessment
 * (treaty/parties-on) and the case-file checks (casefile/treaty-roster) both apply.
 */
import { covers, type IsoDate } from '../dates/index.js';

/** A party's dated standing in a treaty, as a treaty file states it. */
export interface PartyPeriods {
  readonly polity: string;
  readonly periods: readonly {
    readonly from: IsoDate;
    readonly to?: IsoDate | undefined;
    readonly status: string;
    readonly suspendedWith?: readonly string[] | undefined;
  }[];
}

/** Parties on a date: `parties` (members and frozen), and the frozen and suspended ones named. */
export interface PartiesOn {
  readonly parties: readonly string[];
  readonly frozen: readonly string[];
  readonly suspended: readonly string[];
  /** Pairs of parties whose obligations towards each other are suspended (both directions), each as [a, b] with a < b. */
  readonly suspendedPairs: readonly (readonly [string, string])[];
}

/**
 * The standing of every party on `date`, each list sorted: a suspended party is not among `parties`;
 * a frozen one is.
 * @example standingOn([{ polity: 'ARM', periods: [{ from: '1994-04-20', status: 'member' }] }], '2020-07-12').parties // ['ARM']
 */
export function standingOn(parties: readonly PartyPeriods[], date: IsoDate): PartiesOn {
  const bound: string[] = [];
  const frozen: string[] = [];
  const suspended: string[] = [];
  const pairs = new Map<string, readonly [string, string]>();
  for (const p of parties) {
    const period = p.periods.find((x) => covers(x, date));
    if (!period) continue;
    if (period.status === 'suspended') suspended.push(p.polity);
    else bound.push(p.polity);
    if (period.status === 'frozen') frozen.push(p.polity);
    for (const other of period.suspendedWith ?? []) {
      const pair: readonly [string, string] = p.polity < other ? [p.polity, other] : [other, p.polity];
      pairs.set(pair.join(' '), Object.freeze(pair));
    }
  }
  return Object.freeze({
    parties: Object.freeze(bound.sort()),
    frozen: Object.freeze(frozen.sort()),
    suspended: Object.freeze(suspended.sort()),
    suspendedPairs: Object.freeze([...pairs.values()].sort((a, b) => a.join(' ').localeCompare(b.join(' ')))),
  });
}

/**
 * Whether the obligations between two parties are suspended on the date `standing` describes (ANZUS:
 * the United States suspended its obligations to New Zealand in 1986; Australia's to both stand).
 * @example isPairSuspended({ parties: [], frozen: [], suspended: [], suspendedPairs: [['NZL', 'USA']] }, 'USA', 'NZL') // true
 */
export function isPairSuspended(standing: PartiesOn, a: string, b: string): boolean {
  return standing.suspendedPairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
