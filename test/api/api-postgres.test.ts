/**
 * @module api-postgres.test
 * The HTTP API contract on a real, throwaway PostgreSQL server. Without PostgreSQL binaries it is
 * skipped with the reason, except under CI=true, where that is a failure.
 */
import { describeOnPostgres, scratchPostgres } from '../support/backend-suites.js';
import { runApiContract } from './api.case.test.js';

describeOnPostgres('API contract', 'HTTP API on postgres', () => {
  runApiContract({ name: 'postgres', ...scratchPostgres('casus_api') });
});
