/**
 * @module storage-error
 * Recognises the driver errors Casus turns into `conflict`: unique-key violations (SQLite
 * SQLITE_CONSTRAINT_PRIMARYKEY/UNIQUE, PostgreSQL 23505) and SQLite's busy lock after the timeout.
 */

/** True for a duplicate primary or unique key on either backend. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** True when SQLite gave up waiting for another process's lock. */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
