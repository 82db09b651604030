/**
 * @module postgres.test
 * The storage contract against a real, throwaway PostgreSQL server (one fresh database per test).
 * Without PostgreSQL binaries the suite is skipped with the reason — except under CI=true, where
 * that is a failure.
 */
import pg from 'pg';
import { startPostgres, type PostgresServer } from '../../test/support/postgres-server.js';
import { describeOnPostgres } from '../../test/support/postgres-suite.js';
import { openDatabase } from './index.js';
import { runStorageContract } from './storage.case.test.js';

describeOnPostgres('storage contract', 'storage contract: postgres', () => {
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
});
