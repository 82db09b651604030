/**
 * @module types
 * The shapes of the API answers the app reads, as docs/api.md and /openapi.json describe them.
 * Only the fields the app uses are named; the server may send more.
 */

export const READINGS = ['recognized', 'administered', 'claimed', 'delimited'] as const;
export type Reading = (typeof READINGS)[number];
export const KINDS = ['armed-attack', 'incursion', 'airspace-violation', 'threat', 'terrorist-attack', 'cyber-attack', 'internal-unrest'] as const;
export const OBJECTS = ['territory', 'forces', 'vessel', 'aircraft'] as const;
export type Status = 'triggered' | 'not-triggered' | 'undetermined';
export type Truth = 'true' | 'false' | 'unknown';

export interface Source {
  readonly title: string;
  readonly url: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly note?: string;
}

export interface PartyPeriod {
  readonly from: string;
  readonly to?: string;
  readonly status: string;
}

export interface Party {
  readonly polity: string;
  readonly name: string;
  readonly periods: readonly PartyPeriod[];
}

export interface ProvisionSummary {
  readonly id: string;
  readonly article?: string;
  readonly title: string;
  readonly kind?: string;
  readonly defaultReading?: Reading;
}

export interface Treaty {
  readonly id: string;
  readonly name: string;
  readonly short: string;
  readonly signed?: string;
  readonly inForce?: string;
  readonly parties: readonly Party[];
  readonly provisions: readonly ProvisionSummary[];
  readonly sources?: readonly Source[];
}

export interface Incident {
  readonly date: string;
  readonly at: readonly [number, number];
  readonly attacker: string;
  readonly target: string;
  readonly kind: string;
  readonly against: string;
  readonly flag?: string;
  readonly place?: string;
  readonly requestedBy?: readonly string[];
}

export interface Location {
  readonly recognized: readonly string[];
  readonly administered: readonly string[];
  readonly claimed: readonly string[];
  readonly delimited: readonly string[];
  readonly surface?: 'land' | 'territorial-sea' | 'sea';
  readonly regions: readonly string[];
  readonly overlays?: readonly string[];
  readonly undetermined?: readonly Reading[];
  readonly notes?: readonly string[];
}

export interface Condition {
  readonly id: string;
  readonly result: Truth;
  readonly reason: string;
  readonly words?: string;
  readonly cites?: { readonly file: string; readonly line: number };
  readonly children?: readonly Condition[];
}

export interface Finding {
  readonly treaty: string;
  readonly provision: string;
  readonly reading: Reading;
  readonly defaultReading?: boolean;
  readonly status: Status;
  readonly beneficiary?: string | null;
  readonly obliged: readonly string[];
  readonly prerequisites: readonly string[];
  readonly conditions: readonly Condition[];
  readonly version?: { readonly label: string; readonly from: string; readonly to: string | null };
  readonly notes?: readonly string[];
}

export interface SummaryRow {
  readonly treaty: string;
  readonly provision: string;
  readonly defaultReading: Reading;
  readonly statuses: Partial<Record<Reading, Status>>;
  readonly readingsDisagree: boolean;
}

export interface Assessment {
  readonly incident: Incident;
  readonly location: Location;
  readonly findings: readonly Finding[];
  readonly summary?: readonly SummaryRow[];
}

export interface CaseListItem {
  readonly id: string;
  readonly treaty: string;
  readonly title: string;
  readonly origin: 'record' | 'user';
  readonly incidentDate: string;
  readonly version: number;
  readonly state: string;
}

export interface CaseEvent {
  readonly type: string;
  readonly date: string;
  readonly sources?: readonly Source[];
  readonly note?: string;
  readonly [field: string]: unknown;
}

export interface TriggeredSummary {
  readonly available: boolean;
  readonly provision?: string;
  readonly readings?: readonly { readonly reading: Reading; readonly status: Status }[];
  readonly summary?: string;
}

export interface Latencies {
  readonly dates: Readonly<Record<string, string>>;
  readonly afterIncident: Readonly<Record<string, number>>;
}

export interface CaseFile {
  readonly id: string;
  readonly treaty: string;
  readonly title: string;
  readonly incident: Incident;
  readonly origin: 'record' | 'user';
  readonly version: number;
  readonly state: string;
  readonly stateLabel: string;
  readonly final: boolean;
  readonly allowed: readonly string[];
  readonly events: readonly CaseEvent[];
  readonly latencies: Latencies;
  readonly triggered?: TriggeredSummary;
  readonly verdict: string;
}

export interface CaseReport {
  readonly id: string;
  readonly treaty: string;
  readonly title: string;
  readonly incidentDate: string;
  readonly stateLabel: string;
  readonly triggered?: TriggeredSummary;
  readonly compliance: { readonly applied: boolean; readonly delivered: string; readonly consulted?: boolean };
  readonly latencies: Latencies;
  readonly verdict: string;
}

export interface AllianceReliability {
  readonly treaty: string;
  readonly cases: number;
  readonly triggered: number;
  readonly applied: number;
  readonly decided: number;
  readonly missions: number;
  readonly assistance: number;
  readonly medianDays: Readonly<Record<string, number | null>>;
  readonly caseReports: readonly CaseReport[];
}

export interface Reliability {
  readonly alliances: readonly AllianceReliability[];
}

export interface OverlayProperties {
  readonly id: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly recognized: string;
  readonly administered: string;
  readonly claimed: string;
  readonly delimited: string;
  readonly note: string;
  readonly approximate: boolean;
  readonly errorKm: number;
}

export interface DatasetListItem {
  readonly id: string;
  readonly name: string;
  readonly format: string;
  readonly status: string;
  readonly createdAt: string;
  readonly completedAt?: string | null;
  readonly rows: number;
}

export interface DatasetSummary {
  readonly rows: number;
  readonly assessed: number;
  readonly rejected: { readonly total: number; readonly byReason: Readonly<Record<string, number>> };
  readonly events: { readonly triggering: number; readonly undetermined: number; readonly readingsDisagree: number };
  readonly findings: readonly { readonly treaty: string; readonly provision: string; readonly reading: Reading; readonly triggered: number; readonly undetermined: number; readonly notTriggered: number }[];
}

export interface Dataset extends DatasetListItem {
  readonly summary?: DatasetSummary | null;
}

export interface DatasetFinding extends Pick<Incident, 'date' | 'at' | 'attacker' | 'target' | 'kind' | 'against'> {
  readonly line: number;
  readonly eventId: string;
  readonly treaty: string;
  readonly provision: string;
  readonly statuses: Partial<Record<Reading, Status>>;
  readonly readingsDisagree: boolean;
}

/** A quoted span of a report (POST /v1/extract; docs/extraction.md). */
export interface Evidence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A draft field: found with its evidence, or unknown with a reason. */
export type DraftField<T> =
  | { readonly status: 'found'; readonly value: T; readonly confidence: number; readonly how: string; readonly evidence: readonly Evidence[] }
  | { readonly status: 'unknown'; readonly reason: string };

/** A place a draft names. */
export interface DraftPlace {
  readonly name: string;
  readonly at: readonly [number, number];
  readonly country?: string;
  readonly mention: string;
  readonly ambiguous: boolean;
  readonly candidates: readonly { readonly name: string; readonly at: readonly [number, number]; readonly country?: string }[];
}

/** A draft incident read from a report. */
export interface Draft {
  readonly id: string;
  readonly evidence: readonly Evidence[];
  readonly date: DraftField<{ readonly value: string; readonly precision: string; readonly from: string; readonly to: string }>;
  readonly place: DraftField<DraftPlace>;
  readonly attacker: DraftField<string>;
  readonly target: DraftField<string>;
  readonly kind: DraftField<string>;
  readonly against: DraftField<string>;
  readonly application: DraftField<{ readonly by: string; readonly date?: string }>;
}

/** The answer of POST /v1/extract. */
export interface Extraction {
  readonly reportDate: DraftField<string>;
  readonly drafts: readonly Draft[];
  readonly truncated: boolean;
}
