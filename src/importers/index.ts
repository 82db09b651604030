/**
 * @module importers
 * Bulk import of conflict-event exports (ACLED, UCDP GED, any mapped CSV): header checks, the actor
 * map, and one row → one incident by documented rules. Reading files and assessing live with the caller.
 */
export type { EventField, SourceFormat } from './source-format.js';
export { EVENT_FIELDS } from './source-format.js';
export { ACLED, UCDP_GED, mappedCsv, MAPPABLE_FIELDS } from './formats.js';
export type { ActorMap } from './actor-map.js';
export { parseActorMap, EVENT_COUNTRY } from './actor-map.js';
export type { FieldIndex } from './read-header.js';
export { fieldIndex } from './read-header.js';
export type { RejectReason, RowResult, RowRules } from './row-to-incident.js';
export { rowToIncident, readDate, assignSides } from './row-to-incident.js';
export { classifyAcled, classifyUcdp } from './event-rules.js';
