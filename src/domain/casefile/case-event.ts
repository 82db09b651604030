/**
 * @module case-event
 * The events a case file records: what happened in an alliance's procedure, when, and on whose word.
 * Events are readonly data with a `type` discriminant; they are never edited, only appended.
 */
import type { IsoDate } from '../dates/index.js';
import type { PolityId } from '../polity/index.js';

/** Every procedure event type, in the order the procedure usually meets them (a treaty's table moves on these). */
export const EVENT_TYPES = [
  'incident-recorded',
  'application-lodged',
  'consultations-convened',
  'decision-taken',
  'mission-dispatched',
  'assistance-provided',
  'assistance-withdrawn',
  'application-withdrawn',
  'closed',
] as const;

/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** Every type a case file's log can hold: the procedure's events plus `correction`, which no table names. */
export const CASE_EVENT_TYPES = [...EVENT_TYPES, 'correction'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** A member's recorded position on a decision. */
export const POSITIONS = ['for', 'against', 'abstained', 'absent', 'unknown'] as const;
export type Position = (typeof POSITIONS)[number];

/** What a decision decided, coarsely, so that compliance can be counted. */
export const OUTCOMES = ['assistance', 'mission', 'statement', 'consultations', 'declined', 'deferred', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What kind of help was delivered. */
export const ASSISTANCE_KINDS = ['military', 'peacekeeping', 'equipment', 'advisers', 'other'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];

/** A citation: an official statement or a reputable report. */
export interface Source {
  readonly title: string;
  readonly url: string;
  readonly publisher?: string;
  readonly date?: IsoDate;
  /** When the page was read. */
  readonly accessed?: IsoDate;
  readonly note?: string;
}

/** Fields every event has. `sources` may be empty only for user events, which then need a `note`. */
interface EventBase {
  readonly date: IsoDate;
  readonly sources: readonly Source[];
  readonly note?: string;
}

export interface IncidentRecorded extends EventBase {
  readonly type: 'incident-recorded';
}
export interface ApplicationLodged extends EventBase {
  readonly type: 'application-lodged';
  /** Who applied: one polity or several (eight allies asked for NATO Article 4 consultations in 2022). */
  readonly by: readonly PolityId[];
  /** The provision invoked, `art-N`; absent when the request named none. */
  readonly provision?: string;
  /** What was asked for, in a few words. */
  readonly request: string;
}
export interface ConsultationsConvened extends EventBase {
  readonly type: 'consultations-convened';
  readonly body: string;
  readonly provision?: string;
}
export interface DecisionTaken extends EventBase {
  readonly type: 'decision-taken';
  readonly body: string;
  readonly outcome: Outcome;
  /** What was decided, in words (the outcome is the countable summary). */
  readonly summary?: string;
  readonly positions?: Readonly<Record<PolityId, Position>>;
}
export interface MissionDispatched extends EventBase {
  readonly type: 'mission-dispatched';
  readonly what: string;
}
export interface AssistanceProvided extends EventBase {
  readonly type: 'assistance-provided';
  readonly kind: AssistanceKind;
  /** Forces or materiel, in words ("about 2,000 troops from RUS, BLR, ARM, TJK, KGZ"). */
  readonly forces?: string;
  readonly by?: readonly PolityId[];
}
export interface AssistanceWithdrawn extends EventBase {
  readonly type: 'assistance-withdrawn';
}
export interface ApplicationWithdrawn extends EventBase {
  readonly type: 'application-withdrawn';
  readonly by?: readonly PolityId[];
}
export interface Closed extends EventBase {
  readonly type: 'closed';
  readonly reason: string;
}

/**
 * A correction of an earlier event of the same log (`corrects`: its number, 1-based, as `casus cases
 * show` prints it): either the event as it should have been (`replacement`) or `retract: true`. The
 * original stays in the log; derived figures use the corrected one.
 */
export interface Correction extends EventBase {
  readonly type: 'correction';
  readonly corrects: number;
  readonly replacement?: ProcedureEvent;
  readonly retract?: true;
  readonly reason: string;
}

/** An event the procedure's table moves on: everything but a correction. */
export type ProcedureEvent =
  | IncidentRecorded
  | ApplicationLodged
  | ConsultationsConvened
  | DecisionTaken
  | MissionDispatched
  | AssistanceProvided
  | AssistanceWithdrawn
  | ApplicationWithdrawn
  | Closed;

/** One event of a case file. */
export type CaseEvent = ProcedureEvent | Correction;
