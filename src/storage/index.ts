/**
 * @module storage
 * The database: Kysely over SQLite (default) or PostgreSQL (`DATABASE_URL`), migrations, and the
 * repository functions. Callers see domain types only.
 */
export type { Database } from './schema.js';
export type { DatabaseInfo } from './open-database.js';
export { openDatabase, databaseInfo } from './open-database.js';
export { openSqlite, SQLITE_BUSY_TIMEOUT_MS } from './sqlite.js';
export { openPostgres } from './postgres.js';
export { migrateToLatest } from './migrate.js';

export type { NewCaseLog, CaseFilter } from './case-file.repository.js';
export {
  appendEvent,
  createCaseFile,
  findCaseLog,
  findCaseStamp,
  findCaseIdByRecordId,
  listRecordIds,
  replaceRecordCaseLog,
  listCaseLogs,
  countCaseFiles,
  insertCaseLog,
  insertEvents,
  newCaseId,
} from './case-file.repository.js';
export { isUniqueViolation, isBusy } from './storage-error.js';

export type { ApiToken, TokenRole } from './api-token.repository.js';
export { createToken, revokeToken, findActiveToken, listTokens, hashToken } from './api-token.repository.js';

export type { Dataset, DatasetFinding, DatasetFindingFilter, NewDatasetFinding } from './dataset.repository.js';
export { createDataset, insertDatasetFindings, deleteDatasetFindingsFrom, completeDataset, listDatasets, findDataset, listDatasetFindings } from './dataset.repository.js';
