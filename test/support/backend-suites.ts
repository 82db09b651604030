/**
 * @module backend-suites
 * The storage backends a contract suite runs on, each declared once: which suites run (CASUS_TEST_DB),
 * how a missing PostgreSQL is reported (a skip with the reason, a failure under CI=true), and the
 * throwaway database each test opens (a fresh SQLite file, or a fresh database on a PostgreSQL
 * server started for the suite).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openDatabase } from '../../src/storage/index.js';
import type { OpenedDatabase } from '../../src/storage/storage.case.test.js';
import { findPostgresBinaries, startPostgres, type PostgresServer } from './postgres-server.js';
import { backendSelected } from './test-backends.js';

/** What a contract suite needs of a backend. */
export interface ScratchBackend {
  readonly setup?: () => Promise<void>;
  readonly teardown?: () => Promise<void>;
  readonly open: () => Promise<OpenedDatabase>;
}

/** Runs `declare` (which registers the suite) unless CASUS_TEST_DB leaves SQLite out. */
export function describeOnSqlite(what: string, title: string, declare: () => void): void {
  if (backendSelected('sqlite')) return declare();
  console.log(`sqlite ${what} skipped: CASUS_TEST_DB does not include sqlite`);
  describe.skip(`${title} (not selected by CASUS_TEST_DB)`, () => undefined);
}

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

// Opens the database `env` names; closing it then removes what the backend made for it.
async function openScratch(env: Readonly<Record<string, string>>, removeAfterClose: () => unknown): Promise<OpenedDatabase> {
  const db = await openDatabase(env);
  return {
    db,
    env,
    close: async () => {
      await db.destroy();
      await removeAfterClose();
    },
  };
}

/** Each open is a fresh SQLite file in its own temporary directory, removed on close. */
export function scratchSqlite(prefix: string, file: string): ScratchBackend {
  return {
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
      return openScratch({ CASUS_DB: join(dir, file) }, () => rmSync(dir, { recursive: true, force: true }));
    },
  };
}

/** One PostgreSQL server for the suite; each open is a fresh database on it, dropped on close. */
export function scratchPostgres(prefix: string): ScratchBackend {
  let server: PostgresServer | undefined;
  let n = 0;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server!.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    setup: async () => {
      server = await startPostgres();
    },
    teardown: async () => {
      await server?.stop();
    },
    open: async () => {
      const name = `${prefix}_${process.pid}_${++n}`;
      await admin(`create database ${name}`);
      return openScratch({ DATABASE_URL: server!.urlFor(name) }, () => admin(`drop database ${name} with (force)`));
    },
  };
}
