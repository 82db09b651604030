/**
 * @module sqlite.test
 * The storage contract against SQLite files (one fresh file per test).
 */
import { describeOnSqlite, scratchSqlite } from '../../test/support/backend-suites.js';
import { runStorageContract } from './storage.case.test.js';

describeOnSqlite('storage contract', 'storage contract: sqlite', () => {
  runStorageContract({ name: 'sqlite', ...scratchSqlite('casus-sqlite', 'casus.db') });
});
