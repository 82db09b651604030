/**
 * @module case-file
 * A case file: a header (which treaty, which incident) and an append-only log of events. Its state is
 * derived by replaying the log through the treaty's procedure, never stored.
 */
import type { IsoDate } from '../dates/index.js';
import type { PolityId } from '../polity/index.js';
import type { CaseEvent } from './case-event.js';
import type { Procedure } from './procedure-schema.js';

/** Incident kinds (docs/json.md#incident). */
export const INCIDENT_KINDS = [
  'armed-attack',
  'incursion',
  'airspace-violation',
  'threat',
  'terrorist-attack',
  'cyber-attack',
  'internal-unrest',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** What was attacked. */
export const TARGET_OBJECTS = ['territory', 'forces', 'vessel', 'aircraft'] as const;
export type TargetObject = (typeof TARGET_OBJECTS)[number];

/** The incident a case file is about: the same fields `casus assess` takes. */
export interface CaseIncident {
  readonly date: IsoDate;
  /** `[lat, lon]` in decimal degrees. */
  readonly at: readonly [number, number];
  readonly attacker: PolityId;
  readonly target: PolityId;
  readonly kind: IncidentKind;
  readonly against: TargetObject;
  readonly flag?: PolityId;
  readonly fatalities?: number;
  /** The parties that asked for consultations or assistance (NATO Article 4: "in the opinion of any of them"). */
  readonly requestedBy?: readonly PolityId[];
  /** The place in words ("Tavush province, near Movses"). */
  readonly place?: string;
  /** How far, at most, the real location may lie from `at` (the record often only names a town). */
  readonly approximateKm?: number;
}

/** Who wrote a case file: the shipped record, or a user (analyst, simulation team). */
export type CaseOrigin = 'record' | 'user';

/** Everything about a case file except its events. */
export interface CaseHeader {
  readonly id: string;
  readonly treaty: string;
  readonly title: string;
  readonly incident: CaseIncident;
  readonly origin: CaseOrigin;
  /** The record file's id, for case files loaded from `data/record/`. */
  readonly recordId?: string;
  /** When the case file was created in the database (ISO timestamp). */
  readonly createdAt?: string;
}

/** A header and its events, as stored. */
export interface CaseLog extends CaseHeader {
  readonly events: readonly CaseEvent[];
}

/** A case log replayed through its procedure: `state` is where the procedure stands. */
export interface CaseFile extends CaseLog {
  readonly procedure: Procedure;
  readonly state: string;
}

/** The version an appender must expect: the number of events so far. */
export function caseVersion(file: CaseLog): number {
  return file.events.length;
}

/** An empty case file in the procedure's initial state. */
export function openCaseFile(header: CaseHeader, procedure: Procedure): CaseFile {
  return { ...header, events: [], procedure, state: procedure.initial };
}
