/**
 * @module api-sqlite.test
 * The HTTP API contract on a throwaway SQLite file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { openDatabase } from '../../src/storage/index.js';
import { backendSelected } from '../support/test-backends.js';
import { runApiContract } from './api.case.test.js';

if (!backendSelected('sqlite')) {
  console.log('sqlite API contract skipped: CASUS_TEST_DB does not include sqlite');
  describe.skip('HTTP API on sqlite (not selected by CASUS_TEST_DB)', () => undefined);
} else {
  runApiContract({
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'casus-api-'));
      const env = { CASUS_DB: join(dir, 'api.db') };
      const db = await openDatabase(env);
      return {
        db,
        env,
        close: async () => {
          await db.destroy();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  });
}
