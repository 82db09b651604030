/**
 * @module casefile
 * Case files: the procedure after an incident as an append-only, dated, sourced log, replayed through
 * the treaty's declared transition table; status, latencies, compliance and verdicts are derived.
 */
export type {
  CaseEvent,
  EventType,
  Position,
  Outcome,
  AssistanceKind,
  Source,
  IncidentRecorded,
  ApplicationLodged,
  ConsultationsConvened,
  DecisionTaken,
  MissionDispatched,
  AssistanceProvided,
  AssistanceWithdrawn,
  ApplicationWithdrawn,
  Closed,
  Correction,
  ProcedureEvent,
  CaseEventType,
} from './case-event.js';
export { EVENT_TYPES, CASE_EVENT_TYPES, POSITIONS, OUTCOMES, ASSISTANCE_KINDS } from './case-event.js';
export type { EffectiveEvent } from './case-corrections.js';
export { effectiveEvents, effectiveEntries, hasCorrections } from './case-corrections.js';

export type { CaseIncident, CaseHeader, CaseLog, CaseFile, CaseOrigin, IncidentKind, TargetObject } from './case-file.js';
export { INCIDENT_KINDS, TARGET_OBJECTS, caseVersion, openCaseFile } from './case-file.js';

export type { EventOrigin, ParsedEvent } from './event-schema.js';
export { caseEventSchema, procedureEventSchema, correctionSchema, sourceSchema, isoDateSchema, polityIdSchema, provisionIdSchema, parseCaseEvent } from './event-schema.js';
export { caseIncidentSchema, parseCaseIncident } from './incident-schema.js';

export type { Procedure, Transition } from './procedure-schema.js';
export { procedureSchema, allowedEvents, nextState, stateLabel, transitionRow } from './procedure-schema.js';

export type { TransitionRefusal, TransitionResult } from './transition.js';
export { transition, replayCase, replayCaseOrThrow, refusalError, refusalIssues } from './transition.js';
export type { TreatyRoster } from './treaty-roster.js';
export { treatyRosterFrom, rosterPartiesOn, checkEventAgainstTreaty } from './treaty-roster.js';

export type { CaseLatencies, Milestone } from './case-latencies.js';
export { caseLatencies, MILESTONES } from './case-latencies.js';
export type { CaseCompliance, Delivered } from './case-compliance.js';
export { caseCompliance } from './case-compliance.js';
export { caseVerdict, within } from './case-verdict.js';

export type {
  AssessIncident,
  AssessedFinding,
  FindingStatus,
  TriggeredSummary,
  CaseReliability,
  AllianceReliability,
  ReliabilityReport,
} from './reliability.js';
export { computeReliability, caseReliability, describeReadings } from './reliability.js';

export { fromZodIssues, closest } from './zod-issues.js';

export type { RecordCheck } from './record-file.js';
export { checkRecordCase, recordFileSchema } from './record-file.js';
export { caseFileJson } from './case-file-json.js';
