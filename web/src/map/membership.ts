/**
 * @module membership
 * Who is a party to a treaty on a date, and in what standing (member, frozen, suspended…), from the
 * dated party periods GET /v1/treaties sends.
 */
import type { Treaty } from '../api/types.js';

export interface Standing {
  readonly polity: string;
  readonly name: string;
  readonly status: string;
  readonly from: string;
  readonly to?: string | undefined;
}

/** The parties of `treaty` whose period covers `date` (inclusive bounds), sorted by name. */
export function partiesOn(treaty: Treaty | undefined, date: string): Standing[] {
  if (!treaty) return [];
  const out: Standing[] = [];
  for (const p of treaty.parties) {
    const period = p.periods.find((x) => x.from <= date && (x.to === undefined || date <= x.to));
    if (period) out.push({ polity: p.polity, name: p.name, status: period.status, from: period.from, to: period.to });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** True when the standing binds the party (a frozen or suspended party is shown apart). */
export const isFullMember = (s: Standing): boolean => s.status === 'member' || s.status === 'party';
