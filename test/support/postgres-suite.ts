/**
 * @module postgres-suite
 * Declares a suite that runs against a real, throwaway PostgreSQL server, or says why it does not:
 * skipped with the reason when CASUS_TEST_DB leaves postgres out or the binaries are missing, and a
 * failure under CI=true, where PostgreSQL must be there.
 */
import { describe, it } from 'vitest';
import { findPostgresBinaries } from './postgres-server.js';
import { backendSelected } from './test-backends.js';

/** Runs `declare` (which registers the suite) when PostgreSQL can be tested; else a skip or a CI failure. */
export function describeOnPostgres(what: string, title: string, declare: () => void): void {
  const binaries = findPostgresBinaries();
  if (!backendSelected('postgres')) {
    console.log(`postgres ${what} skipped: CASUS_TEST_DB does not include postgres`);
    describe.skip(`${title} (not selected by CASUS_TEST_DB)`, () => undefined);
  } else if ('missing' in binaries) {
    if (process.env.CI === 'true') {
      describe(title, () => {
        it('has a PostgreSQL server to test against (CI=true)', () => {
          throw new Error(`CI=true but ${binaries.missing}`);
        });
      });
    } else {
      console.log(`postgres ${what} skipped: ${binaries.missing}`);
      describe.skip(`${title} (${binaries.missing})`, () => undefined);
    }
  } else declare();
}
