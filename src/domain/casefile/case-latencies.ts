/**
 * @module case-latencies
 * How long each step of the procedure took, in whole days, derived from the log:
 * incident → application → first consultation → first decision → first delivery (mission or assistance).
 */
import { daysBetween, type IsoDate } from '../dates/index.js';
import type { CaseLog } from './case-file.js';

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
 * Latencies of a case file.
 * @example caseLatencies(kazakhstan2022).afterIncident.application === 3
 */
export function caseLatencies(log: CaseLog): CaseLatencies {
  const first = (...types: string[]) => log.events.find((e) => types.includes(e.type))?.date;
  const found: Record<Milestone, IsoDate | undefined> = {
    incident: log.incident.date,
    application: first('application-lodged'),
    consultation: first('consultations-convened'),
    decision: first('decision-taken'),
    delivery: first('mission-dispatched', 'assistance-provided'),
  };
  const dates = { incident: log.incident.date } as { incident: IsoDate } & Partial<Record<Milestone, IsoDate>>;
  const afterIncident: Partial<Record<Exclude<Milestone, 'incident'>, number>> = {};
  const steps: { from: Milestone; to: Milestone; days: number }[] = [];
  let previous: Milestone = 'incident';
  for (const m of MILESTONES) {
    const date = found[m];
    if (m === 'incident' || date === undefined) continue;
    dates[m] = date;
    afterIncident[m] = daysBetween(log.incident.date, date);
    steps.push({ from: previous, to: m, days: daysBetween(dates[previous]!, date) });
    previous = m;
  }
  return { dates, afterIncident, steps };
}
