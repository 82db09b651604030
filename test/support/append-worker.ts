/**
 * @module append-worker
 * A separate process that appends `count` consultations-convened events to one case file, retrying on
 * conflict, then prints `{"appended":n,"retries":m}`. Used by the storage contract's concurrency test.
 * Usage: node --import tsx test/support/append-worker.ts <caseId> <count> <worker-name>
 * (database from DATABASE_URL or CASUS_DB, procedure from CASUS_DATA).
 */
import { CasusError } from '../../src/domain/errors.js';
import { defaultRecordPaths, loadProcedure } from '../../src/knowledge/record/index.js';
import { appendEvent, findCaseLog, openDatabase } from '../../src/storage/index.js';

const [caseId = '', countText = '0', worker = 'worker'] = process.argv.slice(2);
const db = await openDatabase(process.env);
// Start barrier: every worker begins at the same instant, so that they really race.
const startAt = Number(process.env.CASUS_WORKER_START_AT ?? 0);
if (startAt > Date.now()) await new Promise((r) => setTimeout(r, startAt - Date.now()));
let appended = 0;
let retries = 0;
try {
  const log = await findCaseLog(db, caseId);
  const procedure = loadProcedure(log.treaty, defaultRecordPaths().treatiesDir);
  for (let i = 0; i < Number(countText); i++) {
    for (;;) {
      const current = await findCaseLog(db, caseId);
      try {
        await appendEvent(db, caseId, current.events.length, {
          type: 'consultations-convened',
          date: log.incident.date,
          body: `${worker} #${i}`,
          sources: [],
          note: 'concurrency test',
        }, procedure);
        appended++;
        break;
      } catch (error) {
        if (error instanceof CasusError && error.code === 'conflict') {
          retries++;
          continue;
        }
        throw error;
      }
    }
  }
} finally {
  await db.destroy();
}
process.stdout.write(`${JSON.stringify({ appended, retries })}\n`);
