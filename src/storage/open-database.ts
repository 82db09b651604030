/**
 * @module open-database
 * Chooses the backend from the environment — PostgreSQL when `DATABASE_URL` is set, else the SQLite
 * file `CASUS_DB` (default `./casus.db`) — opens it and runs pending migrations.
 */
import type { Kysely } from 'kysely';
import { migrateToLatest } from './migrate.js';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { openSqlite } from './sqlite.js';

/** Which backend is in use and where (the URL without its password). */
export interface DatabaseInfo {
  readonly backend: 'sqlite' | 'postgres';
  readonly location: string;
}

/** Where `openDatabase(env)` would connect. */
export function databaseInfo(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseInfo {
  const url = env.DATABASE_URL;
  if (url) return { backend: 'postgres', location: url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@') };
  return { backend: 'sqlite', location: env.CASUS_DB || './casus.db' };
}

/**
 * Opens the database the environment names and migrates it. Call `db.destroy()` when done.
 * @example const db = await openDatabase({ CASUS_DB: '/tmp/casus.db' })
 */
export async function openDatabase(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<Kysely<Database>> {
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openSqlite(env.CASUS_DB || './casus.db');
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}
