/**
 * @module with-database
 * Opens the database the environment names (DATABASE_URL, else CASUS_DB or ./casus.db), loads the
 * record files missing from the database (first start, new record files), runs `fn`, and closes it
 * whatever happens.
 */
import type { Kysely } from 'kysely';
import { ensureRecordLoaded } from '../knowledge/record/index.js';
import { openDatabase, type Database } from '../storage/index.js';

/** Runs `fn` with an open, migrated database. */
export async function withDatabase<T>(
  fn: (db: Kysely<Database>) => Promise<T>,
  options: { readonly loadRecord?: boolean } = {},
): Promise<T> {
  const db = await openDatabase(process.env);
  try {
    if (options.loadRecord !== false) {
      const report = await ensureRecordLoaded(db);
      if (report && report.issues.length > 0)
        process.stderr.write(
          `casus: ${report.issues.length} problem(s) in data/record were skipped; see "casus record load"\n`,
        );
    }
    return await fn(db);
  } finally {
    await db.destroy();
  }
}
