/**
 * @module reliability
 * Per alliance and per case: was an obligation triggered (and under which readings), did the
 * beneficiary apply, what was decided and delivered, how fast. Pure: the assessment engine is
 * injected as {@link AssessIncident}, so this module does not depend on it.
 */
import type { CaseCompliance } from './case-compliance.js';
import { caseCompliance } from './case-compliance.js';
import type { CaseFile, CaseIncident } from './case-file.js';
import type { CaseLatencies } from './case-latencies.js';
import { caseLatencies } from './case-latencies.js';
import { caseVerdict } from './case-verdict.js';
import { stateLabel } from './procedure-schema.js';

/** Status of one finding, as the assessment engine reports it. */
export type FindingStatus = 'triggered' | 'not-triggered' | 'undetermined';

/** The part of an assessment reliability needs. */
export interface AssessedFinding {
  readonly treaty: string;
  readonly provision: string;
  readonly reading: string;
  readonly status: FindingStatus;
}

/** The assessment engine, injected (`assess` from src/domain/assessment, wired by the caller). */
export type AssessIncident = (incident: CaseIncident) => { readonly findings: readonly AssessedFinding[] };

/** What the assessment said about a case's incident, for the case's treaty. */
export type TriggeredSummary =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true;
      /** The provision looked at: the one the application invoked, else the first one triggered. */
      readonly provision: string | undefined;
      readonly readings: readonly { readonly reading: string; readonly status: FindingStatus }[];
      readonly summary: string;
    };

/** One case's row. */
export interface CaseReliability {
  readonly id: string;
  readonly treaty: string;
  readonly title: string;
  readonly incidentDate: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly triggered: TriggeredSummary;
  readonly compliance: CaseCompliance;
  readonly latencies: CaseLatencies;
  readonly verdict: string;
}

/** One alliance's totals. Medians are over the cases that reached the milestone. */
export interface AllianceReliability {
  readonly treaty: string;
  readonly cases: number;
  /** Cases triggered under at least one reading; null when no assessment was available. */
  readonly triggered: number | null;
  readonly applied: number;
  readonly decided: number;
  readonly missions: number;
  readonly assistance: number;
  readonly medianDays: {
    readonly application: number | null;
    readonly decision: number | null;
    readonly delivery: number | null;
  };
  readonly caseReports: readonly CaseReliability[];
}

/** The whole report. */
export interface ReliabilityReport {
  readonly assessment: 'available' | 'unavailable';
  readonly alliances: readonly AllianceReliability[];
}

/**
 * Computes the reliability report over replayed case files, grouped by treaty (sorted by id), cases
 * by incident date. Without `assess`, every case says "assessment unavailable" — never a guess.
 * @example computeReliability(files, { assess }).alliances[0].caseReports[0].verdict
 */
export function computeReliability(
  files: readonly CaseFile[],
  options: { readonly assess?: AssessIncident | undefined } = {},
): ReliabilityReport {
  const byTreaty = new Map<string, CaseReliability[]>();
  const sorted = [...files].sort((a, b) => a.incident.date.localeCompare(b.incident.date) || a.id.localeCompare(b.id));
  for (const file of sorted) {
    const list = byTreaty.get(file.treaty) ?? [];
    list.push(caseReliability(file, options.assess));
    byTreaty.set(file.treaty, list);
  }
  const alliances = [...byTreaty.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([treaty, caseReports]) => allianceTotals(treaty, caseReports, options.assess !== undefined));
  return { assessment: options.assess ? 'available' : 'unavailable', alliances };
}

/** One case's reliability row. */
export function caseReliability(file: CaseFile, assess?: AssessIncident): CaseReliability {
  const compliance = caseCompliance(file);
  const triggered = summarizeTriggered(file, compliance, assess);
  return {
    id: file.id,
    treaty: file.treaty,
    title: file.title,
    incidentDate: file.incident.date,
    state: file.state,
    stateLabel: stateLabel(file.procedure, file.state),
    triggered,
    compliance,
    latencies: caseLatencies(file),
    verdict: caseVerdict(file, triggered.available ? triggered.summary : 'assessment unavailable'),
  };
}

function summarizeTriggered(file: CaseFile, compliance: CaseCompliance, assess?: AssessIncident): TriggeredSummary {
  if (!assess) return { available: false, reason: 'assessment unavailable' };
  let findings: readonly AssessedFinding[];
  try {
    findings = assess(file.incident).findings.filter((f) => f.treaty === file.treaty);
  } catch (error) {
    return { available: false, reason: `assessment failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const invoked = compliance.applications.find((a) => a.provision !== undefined)?.provision;
  const provision =
    (invoked && findings.some((f) => f.provision === invoked) ? invoked : undefined) ??
    findings.find((f) => f.status === 'triggered')?.provision ??
    findings[0]?.provision;
  const readings = findings
    .filter((f) => f.provision === provision)
    .map((f) => ({ reading: f.reading, status: f.status }));
  return { available: true, provision, readings, summary: describeReadings(provision, readings) };
}

/** "triggered on every reading", "triggered under recognized, administered; undetermined under delimited". */
export function describeReadings(
  provision: string | undefined,
  readings: readonly { readonly reading: string; readonly status: FindingStatus }[],
): string {
  if (provision === undefined || readings.length === 0) return 'no finding for this treaty';
  const by = (s: FindingStatus) => readings.filter((r) => r.status === s).map((r) => r.reading);
  const [yes, no, open] = [by('triggered'), by('not-triggered'), by('undetermined')];
  if (yes.length === readings.length) return `${provision} triggered on every reading`;
  if (no.length === readings.length) return `${provision} not triggered on any reading`;
  if (open.length === readings.length) return `${provision} undetermined on every reading`;
  const parts = [];
  if (yes.length) parts.push(`${provision} triggered under ${yes.join(', ')}`);
  if (no.length) parts.push(`not under ${no.join(', ')}`);
  if (open.length) parts.push(`undetermined under ${open.join(', ')}`);
  return parts.join('; ');
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function allianceTotals(treaty: string, caseReports: readonly CaseReliability[], assessed: boolean): AllianceReliability {
  const days = (m: 'application' | 'decision' | 'delivery') =>
    median(caseReports.flatMap((c) => (c.latencies.afterIncident[m] === undefined ? [] : [c.latencies.afterIncident[m]])));
  return {
    treaty,
    cases: caseReports.length,
    triggered: assessed
      ? caseReports.filter((c) => c.triggered.available && c.triggered.readings.some((r) => r.status === 'triggered')).length
      : null,
    applied: caseReports.filter((c) => c.compliance.applied).length,
    decided: caseReports.filter((c) => c.compliance.decisions.length > 0).length,
    missions: caseReports.filter((c) => c.compliance.missions.length > 0).length,
    assistance: caseReports.filter((c) => c.compliance.assistance.length > 0).length,
    medianDays: { application: days('application'), decision: days('decision'), delivery: days('delivery') },
    caseReports,
  };
}
