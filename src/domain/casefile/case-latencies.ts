/**
 * @module case-latencies
 * How long each step of the procedure took, in whole days, derived from the log:
 * incident → application → first consultation → first decision → first delivery (mission or assistance).
 */
import { daysBetween, type IsoDate } from '../dates/index.js';
import type { CaseLog } from './case-file.js';
import { effectiveEvents } from './case-corrections.js';

/** The milestones latencies are measured between, in procedural order. */
export const MILESTONES = ['incident', 'application', 'consultation', 'decision', 'delivery'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Milestone dates, days after the incident, and the gaps between consecutive milestones reached. */
export interface CaseLatencies {
  readonly dates: { readonly incident: IsoDate } & Readonly<Partial<Record<Milestone, IsoDate>>>;
  readonly afterIncident: Readonly<Partial<Record<Exclude<Milestone, 'incident'>, number>>>;
  readonly steps: readonly { readonly from: Milestone; readonly to: Milestone; readonly days: number }[];
}

/**
 * Latencies of a case file, from its corrected events. `dates` and `afterIncident` hold each milestone's first date; a step runs
 * from one milestone reached to the first event of the next milestone dated on or after it, so steps
 * are never negative. A milestone met only before the previous one (Sotk 2021: consultations on
 * 13 May, the application on 14 May) gets no step of its own.
 * @example caseLatencies(kazakhstan2022).afterIncident.application === 3
 */
export function caseLatencies(log: CaseLog): CaseLatencies {
  const events = effectiveEvents(log.events);
  const datesOf = (...types: string[]) => events.filter((e) => types.includes(e.type)).map((e) => e.date).sort();
  const found: Record<Exclude<Milestone, 'incident'>, readonly IsoDate[]> = {
    application: datesOf('application-lodged'),
    consultation: datesOf('consultations-convened'),
    decision: datesOf('decision-taken'),
    delivery: datesOf('mission-dispatched', 'assistance-provided'),
  };
  const dates = { incident: log.incident.date } as { incident: IsoDate } & Partial<Record<Milestone, IsoDate>>;
  const afterIncident: Partial<Record<Exclude<Milestone, 'incident'>, number>> = {};
  const steps: { from: Milestone; to: Milestone; days: number }[] = [];
  let previous: { milestone: Milestone; date: IsoDate } = { milestone: 'incident', date: log.incident.date };
  for (const m of MILESTONES) {
    if (m === 'incident') continue;
    const first = found[m][0];
    if (first === undefined) continue;
    dates[m] = first;
    afterIncident[m] = daysBetween(log.incident.date, first);
    const next = found[m].find((d) => d >= previous.date);
    if (next === undefined) continue;
    steps.push({ from: previous.milestone, to: m, days: daysBetween(previous.date, next) });
    previous = { milestone: m, date: next };
  }
  return { dates, afterIncident, steps };
}
