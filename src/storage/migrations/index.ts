/**
 * @module migrations
 * The static list of migrations (no directory scanning, so the compiled CLI and tests see the same
 * set). Names are timestamps; Kysely runs them in name order.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as createCaseFile from './2025_06_01_120000_create_case_file.js';
import * as createApiToken from './2025_06_01_120100_create_api_token.js';
import * as createDataset from './2026_12_06_230000_create_dataset.js';
import * as addCaseEventUid from './2026_12_07_000000_add_case_event_uid.js';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2025_06_01_120000_create_case_file': createCaseFile,
  '2025_06_01_120100_create_api_token': createApiToken,
  '2026_12_06_230000_create_dataset': createDataset,
  '2026_12_07_000000_add_case_event_uid': addCaseEventUid,
};

/** Kysely provider over {@link MIGRATIONS}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve({ ...MIGRATIONS }),
};
