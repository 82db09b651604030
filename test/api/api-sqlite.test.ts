/**
 * @module api-sqlite.test
 * The HTTP API contract on a throwaway SQLite file.
 */
import { describeOnSqlite, scratchSqlite } from '../support/backend-suites.js';
import { runApiContract } from './api.case.test.js';

describeOnSqlite('API contract', 'HTTP API on sqlite', () => {
  runApiContract({ name: 'sqlite', ...scratchSqlite('casus-api', 'api.db') });
});
