/**
 * @module postgres.test
 * The storage contract against a real, throwaway PostgreSQL server (one fresh database per test).
 * Without PostgreSQL binaries the suite is skipped with the reason — except under CI=true, where
 * that is a failure.
 */
import { describeOnPostgres, scratchPostgres } from '../../test/support/backend-suites.js';
import { runStorageContract } from './storage.case.test.js';

describeOnPostgres('storage contract', 'storage contract: postgres', () => {
  runStorageContract({ name: 'postgres', ...scratchPostgres('casus_test') });
});
