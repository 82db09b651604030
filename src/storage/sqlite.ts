/**
 * @module sqlite
 * The embedded default: one SQLite file (`./casus.db` or `CASUS_DB`) in WAL mode, shared safely by
 * several processes. Transactions begin IMMEDIATE, so a writer takes the write lock up front and
 * waits (busy_timeout) instead of failing later on a stale snapshot.
 */
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './schema.js';

/** How long a writer waits for another process's write lock before giving up, in ms. */
export const SQLITE_BUSY_TIMEOUT_MS = 15_000;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

function immediateSqliteDialect(config: SqliteDialectConfig): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver(config),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/**
 * Opens (creating if needed) a SQLite database file. Does not migrate; see `openDatabase`.
 * @example const db = openSqlite(':memory:')
 */
export function openSqlite(file: string): Kysely<Database> {
  const database = new SQLite(file);
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  if (file !== ':memory:') database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: immediateSqliteDialect({ database }) });
}
