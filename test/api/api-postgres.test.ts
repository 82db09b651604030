/**
 * @module api-postgres.test
 * The HTTP API contract on a real, throwaway PostgreSQL server. Without PostgreSQL binaries it is
 * skipped with the reason, except under CI=true, where that is a failure.
 */
import pg from 'pg';
import { openDatabase } from '../../src/storage/index.js';
import { startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { describeOnPostgres } from '../support/postgres-suite.js';
import { runApiContract } from './api.case.test.js';

describeOnPostgres('API contract', 'HTTP API on postgres', () => {
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
});
