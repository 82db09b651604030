/**
 * @module case-file-json
 * The JSON form of a case file, shared by `casus cases show --json` and the HTTP API: the log plus
 * everything derived from it (state, allowed next events, latencies, compliance, verdict).
 */
import { allowedEvents, stateLabel } from './procedure-schema.js';
import { caseVersion, type CaseFile } from './case-file.js';
import { caseLatencies } from './case-latencies.js';
import { caseCompliance } from './case-compliance.js';
import { caseVerdict } from './case-verdict.js';
import { caseReliability, type AssessIncident, type TriggeredSummary } from './reliability.js';

/** The JSON form of a case file: the log plus everything derived from it. */
export function caseFileJson(file: CaseFile, assess?: AssessIncident): Record<string, unknown> {
  const { procedure, state, events, ...header } = file;
  const triggered: TriggeredSummary = assess
    ? caseReliability(file, assess).triggered
    : { available: false, reason: 'assessment unavailable' };
  return {
    ...header,
    version: caseVersion(file),
    state,
    stateLabel: stateLabel(procedure, state),
    final: procedure.states[state]?.final === true,
    allowed: allowedEvents(procedure, state),
    events,
    latencies: caseLatencies(file),
    compliance: caseCompliance(file),
    triggered,
    verdict: caseVerdict(file, triggered.available ? triggered.summary : undefined),
  };
}

