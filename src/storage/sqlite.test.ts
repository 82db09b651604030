/**
 * @module sqlite.test
 * The storage contract against SQLite files (one fresh file per test).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { backendSelected } from '../../test/support/test-backends.js';
import { openDatabase } from './index.js';
import { runStorageContract } from './storage.case.test.js';

if (!backendSelected('sqlite')) {
  console.log('sqlite storage contract skipped: CASUS_TEST_DB does not include sqlite');
  describe.skip('storage contract: sqlite (not selected by CASUS_TEST_DB)', () => undefined);
} else {
  runStorageContract({
    name: 'sqlite',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'casus-sqlite-'));
      const env = { CASUS_DB: join(dir, 'casus.db') };
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
