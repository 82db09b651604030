export type { Incident } from './incident.js';
export { incidentSchema, INCIDENT_KINDS, ATTACKED_OBJECTS } from './incident.js';
export type { Truth, FindingStatus, ConditionResult, Finding } from './finding.js';
export type { ReadingFacts } from './evaluate-provision.js';
export { evaluateProvision, incidentContext, kleeneAnd } from './evaluate-provision.js';
export type { Assessment, AssessOptions, ProvisionSummary } from './assess.js';
export { assess } from './assess.js';
export type { StatusPlan } from './assess-statuses.js';
export { planStatuses, assessStatuses, cachedStatuses, STATUS_CODES } from './assess-statuses.js';
