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
  // The server can close a connection while it sits idle in the pool (a restart, pg_terminate_backend,
  // DROP DATABASE … WITH (FORCE)). pg reports that as an 'error' event on the pool, and an 'error' event
  // nobody listens to crashes the process. The pool has already dropped that connection; the next
  // query opens a new one, and fails on its own if the server is really gone.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
