/**
 * @module migrate
 * Brings a database to the latest schema. Safe to call from several processes at once: PostgreSQL
 * takes Kysely's advisory lock, SQLite serialises on `begin immediate` (see sqlite.ts).
 */
import { Migrator, type Kysely } from 'kysely';
import { CasusError } from '../domain/errors.js';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';

/** Runs every pending migration; throws `internal` naming the migration that failed. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new CasusError('internal', `database migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`, {
      cause: error,
    });
  }
}
