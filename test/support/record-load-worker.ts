/**
 * @module record-load-worker
 * A separate process that loads the record (CASUS_DATA) into the database (DATABASE_URL or
 * CASUS_DB), printing one line per case file committed — so a test can kill -9 it mid-load.
 */
import { loadRecordIntoDatabase } from '../../src/knowledge/record/index.js';
import { openDatabase } from '../../src/storage/index.js';

const db = await openDatabase(process.env);
try {
  await loadRecordIntoDatabase(db, { onCase: (c) => process.stdout.write(`${c.recordId} ${c.outcome}\n`) });
  process.stdout.write('done\n');
} finally {
  await db.destroy();
}
