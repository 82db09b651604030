/**
 * @module postgres.test
 * The storage contract against a real, throwaway PostgreSQL server (one fresh database per test).
 * Without PostgreSQL binaries the suite is skipped with the reason — except under CI=true, where
 * that is a failure.
 */
import { describe, it } from 'vitest';
import pg from 'pg';
import { findPostgresBinaries, startPostgres, type PostgresServer } from '../../test/support/postgres-server.js';
import { backendSelected } from '../../test/support/test-backends.js';
import { openDatabase } from './index.js';
import { runStorageContract } from './storage.case.test.js';

const binaries = findPostgresBinaries();

if (!backendSelected('postgres')) {
  console.log('postgres storage contract skipped: CASUS_TEST_DB does not include postgres');
  describe.skip('storage contract: postgres (not selected by CASUS_TEST_DB)', () => undefined);
} else if ('missing' in binaries) {
  if (process.env.CI === 'true') {
    describe('storage contract: postgres', () => {
      it('has a PostgreSQL server to test against (CI=true)', () => {
        throw new Error(`CI=true but ${binaries.missing}`);
      });
    });
  } else {
    console.log(`postgres storage contract skipped: ${binaries.missing}`);
    describe.skip(`storage contract: postgres (${binaries.missing})`, () => undefined);
  }
} else {
  let server: PostgresServer | undefined;
  let n = 0;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  runStorageContract({
    name: 'postgres',
    setup: async () => {
      server = await startPostgres();
    },
    teardown: async () => {
      await server?.stop();
    },
    open: async () => {
      const name = `casus_test_${process.pid}_${++n}`;
      await admin((c) => c.query(`create database ${name}`));
      const env = { DATABASE_URL: server!.urlFor(name) };
      const db = await openDatabase(env);
      return {
        db,
        env,
        close: async () => {
          await db.destroy();
          await admin((c) => c.query(`drop database ${name} with (force)`));
        },
      };
    },
  });
}
