/**
 * @module postgres.test
 * The storage contract against a real, throwaway PostgreSQL server (one fresh database per test).
 * Without PostgreSQL binaries the suite is skipped with the reason — except under CI=true, where
 * that is a failure.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeOnPostgres, scratchPostgres } from '../../test/support/backend-suites.js';
import { countCaseFiles } from './case-file.repository.js';
import { runStorageContract } from './storage.case.test.js';

// One server for the file: the contract and the connection-loss test each open fresh databases on it.
describeOnPostgres('storage contract', 'storage contract: postgres', () => {
  const backend = scratchPostgres('casus_test');
  beforeAll(() => backend.setup?.(), 120_000);
  afterAll(() => backend.teardown?.());

  runStorageContract({ name: 'postgres', open: backend.open });

  describe('an idle pooled connection that the server terminates', () => {
    it('does not crash the process; the next query opens a new connection', async () => {
      const opened = await backend.open();
      try {
        expect(await countCaseFiles(opened.db)).toBe(0); // leaves a connection idle in the pool
        const admin = new pg.Client({ connectionString: opened.env.DATABASE_URL });
        await admin.connect();
        try {
          // What a server restart or an operator's pg_terminate_backend does to the pool's connections.
          const r = await admin.query('select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()) t');
          expect(r.rows[0].n).toBeGreaterThan(0);
        } finally {
          await admin.end();
        }
        // The termination reaches the idle client as an 'error' event, a moment later.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await countCaseFiles(opened.db)).toBe(0);
      } finally {
        await opened.close();
      }
    });
  });
});
