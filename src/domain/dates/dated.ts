/**
 * @module dated
 * Values that hold over periods of time, and the one function that answers "what holds at this date".
 */
import type { IsoDate } from './iso-date.js';

/** A period: `from` inclusive, `to` inclusive (its last day), open-ended without `to`. */
export interface Period {
  readonly from: IsoDate;
  readonly to?: IsoDate | undefined;
}

/** What `valueAt` found: the value in force, or nothing in force with the nearest periods. */
export type AtDate<T> =
  | { readonly kind: 'in-force'; readonly value: T }
  | { readonly kind: 'not-in-force'; readonly before?: T; readonly after?: T };

/** True when `date` lies within `period`. */
export function covers(period: Period, date: IsoDate): boolean {
  return period.from <= date && (period.to === undefined || date <= period.to);
}

/**
 * The first entry whose period covers `date`, or "not in force" with the nearest entries either side.
 * @example valueAt([{ from: '2000-01-01', v: 1 }], '1999-12-31').kind === 'not-in-force'
 */
export function valueAt<T extends Period>(history: readonly T[], date: IsoDate): AtDate<T> {
  let before: T | undefined;
  let after: T | undefined;
  for (const entry of history) {
    if (covers(entry, date)) return { kind: 'in-force', value: entry };
    if (entry.to !== undefined && entry.to < date && (!before || before.to! < entry.to)) before = entry;
    if (entry.from > date && (!after || entry.from < after.from)) after = entry;
  }
  return {
    kind: 'not-in-force',
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  };
}

/** Periods that overlap each other, as index pairs (for validation). */
export function overlappingPeriods(periods: readonly Period[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < periods.length; i++)
    for (let j = i + 1; j < periods.length; j++) {
      const a = periods[i]!;
      const b = periods[j]!;
      const aEnd = a.to ?? '9999-12-31';
      const bEnd = b.to ?? '9999-12-31';
      if (a.from <= bEnd && b.from <= aEnd) out.push([i, j]);
    }
  return out;
}
