/**
 * @module api-postgres.test
 * The HTTP API contract on a real, throwaway PostgreSQL server. Without PostgreSQL binaries it is
 * skipped with the reason, except under CI=true, where that is a failure.
 */
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase } from '../../src/storage/index.js';
import { findPostgresBinaries, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { backendSelected } from '../support/test-backends.js';
import { runApiContract } from './api.case.test.js';

const binaries = findPostgresBinaries();

if (!backendSelected('postgres')) {
  console.log('postgres API contract skipped: CASUS_TEST_DB does not include postgres');
  describe.skip('HTTP API on postgres (not selected by CASUS_TEST_DB)', () => undefined);
} else if ('missing' in binaries) {
  if (process.env.CI === 'true') {
    describe('HTTP API on postgres', () => {
      it('has a PostgreSQL server to test against (CI=true)', () => {
        throw new Error(`CI=true but ${binaries.missing}`);
      });
    });
  } else {
    console.log(`postgres API contract skipped: ${binaries.missing}`);
    describe.skip(`HTTP API on postgres (${binaries.missing})`, () => undefined);
  }
} else {
  let server: PostgresServer | undefined;
  const name = `casus_api_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  runApiContract({
    name: 'postgres',
    setup: async () => {
      server = await startPostgres();
    },
    teardown: async () => {
      await server?.stop();
    },
    open: async () => {
      await admin(`create database ${name}`);
      const env = { DATABASE_URL: server!.urlFor(name) };
      const db = await openDatabase(env);
      return {
        db,
        env,
        close: async () => {
          await db.destroy();
          await admin(`drop database ${name} with (force)`);
        },
      };
    },
  });
}
