/**
 * @module record
 * The shipped record (`data/record/<treaty>/<id>.yaml`): read, validate against each treaty's
 * procedure, and load into the database.
 */
export type { RecordPaths } from './record-paths.js';
export { defaultRecordPaths } from './record-paths.js';
export type { ProcedureRead } from './read-procedure.js';
export { readProcedure, loadProcedure, treatiesWithProcedure, assertTreatyWithProcedure } from './read-procedure.js';
export type { RecordRead, RecordEntry } from './read-record.js';
export { readRecord, recordEntries } from './read-record.js';
export type { LoadOutcome, LoadedCase, RecordLoadReport } from './load-record.js';
export { loadRecordIntoDatabase, ensureRecordLoaded } from './load-record.js';
export type { ReliabilityOptions } from './reliability-report.js';
export { reliabilityReport } from './reliability-report.js';
