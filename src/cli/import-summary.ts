/**
 * @module import-summary
 * The counts of an import: rows read, assessed and rejected (by reason), events per treaty ×
 * provision × reading × status, and the events where readings disagree. Pieces add up in any order.
 */
import { STATUS_CODES, type StatusPlan } from '../domain/assessment/index.js';

/** Mutable counts, summed piece by piece. */
export interface ImportCounts {
  rows: number;
  assessed: number;
  rejected: Record<string, number>;
  /** Per slot of the plan, three counts: not-triggered, undetermined, triggered. */
  slots: number[];
  eventsTriggered: number;
  eventsUndetermined: number;
  eventsDisagreeing: number;
  /** The first few events where readings disagree (all of them are marked in the output). */
  disagreeing: { line: number; id: string; provisions: string[] }[];
}

/** Zero counts for a plan of `slots` slots. */
export function emptyCounts(slots: number): ImportCounts {
  return { rows: 0, assessed: 0, rejected: {}, slots: new Array<number>(slots * 3).fill(0), eventsTriggered: 0, eventsUndetermined: 0, eventsDisagreeing: 0, disagreeing: [] };
}

/** Adds `b` into `a`. */
export function addCounts(a: ImportCounts, b: ImportCounts): void {
  a.rows += b.rows;
  a.assessed += b.assessed;
  for (const [k, v] of Object.entries(b.rejected)) a.rejected[k] = (a.rejected[k] ?? 0) + v;
  for (let i = 0; i < b.slots.length; i++) a.slots[i]! += b.slots[i]!;
  a.eventsTriggered += b.eventsTriggered;
  a.eventsUndetermined += b.eventsUndetermined;
  a.eventsDisagreeing += b.eventsDisagreeing;
  for (const d of b.disagreeing) if (a.disagreeing.length < 20) a.disagreeing.push(d);
}

/** The summary as written to `<out>.summary.json`, returned by the API and stored with the dataset. */
export interface ImportSummary {
  readonly rows: number;
  readonly assessed: number;
  readonly rejected: { readonly total: number; readonly byReason: Readonly<Record<string, number>> };
  readonly events: { readonly triggering: number; readonly undetermined: number; readonly readingsDisagree: number };
  readonly findings: readonly { readonly treaty: string; readonly provision: string; readonly reading: string; readonly triggered: number; readonly undetermined: number; readonly notTriggered: number }[];
  readonly readingsDisagree: readonly { readonly line: number; readonly id: string; readonly provisions: readonly string[] }[];
}

/** The summary of `counts` over `plan`. */
export function summarize(counts: ImportCounts, plan: Pick<StatusPlan, 'slots'>): ImportSummary {
  const total = Object.values(counts.rejected).reduce((s, n) => s + n, 0);
  const at = (slot: number, status: (typeof STATUS_CODES)[number]) => counts.slots[slot * 3 + STATUS_CODES.indexOf(status)] ?? 0;
  return {
    rows: counts.rows,
    assessed: counts.assessed,
    rejected: { total, byReason: { ...counts.rejected } },
    events: { triggering: counts.eventsTriggered, undetermined: counts.eventsUndetermined, readingsDisagree: counts.eventsDisagreeing },
    findings: plan.slots.map((s, i) => ({ treaty: s.treaty, provision: s.provision, reading: s.reading, triggered: at(i, 'triggered'), undetermined: at(i, 'undetermined'), notTriggered: at(i, 'not-triggered') })),
    readingsDisagree: counts.disagreeing,
  };
}

/** Human-readable lines for stderr. */
export function renderSummary(s: ImportSummary): string {
  const lines = [
    `${s.rows} row(s): ${s.assessed} assessed, ${s.rejected.total} rejected${s.rejected.total > 0 ? ` (${Object.entries(s.rejected.byReason).map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`,
    `events triggering a provision under some reading: ${s.events.triggering}; undetermined somewhere: ${s.events.undetermined}; readings disagree: ${s.events.readingsDisagree}`,
  ];
  for (const f of s.findings) if (f.triggered + f.undetermined > 0) lines.push(`  ${f.treaty} ${f.provision} ${f.reading.padEnd(12)} triggered ${f.triggered}, undetermined ${f.undetermined}`);
  return lines.join('\n') + '\n';
}
