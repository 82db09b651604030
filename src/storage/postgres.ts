/**
 * @module postgres
 * PostgreSQL through a `pg` pool, used when `DATABASE_URL` is set.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';

/**
 * Opens a pool on `url`. Does not migrate; see `openDatabase`.
 * @example const db = openPostgres('postgres://casus@127.0.0.1:5432/casus')
 */
export function openPostgres(url: string, options: { readonly max?: number } = {}): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
