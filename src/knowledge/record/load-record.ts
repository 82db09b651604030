/**
 * @module load-record
 * Puts the record into the database: each case file in ONE transaction, so a crash mid-load leaves
 * every case file either complete or absent. Idempotent: a case already loaded is left alone, one
 * whose file gained events at the end gets them appended, and one whose stored events differ from
 * the file is reported ("diverged") and not touched — events are never updated or deleted.
 */
import type { Kysely } from 'kysely';
import type { CaseLog } from '../../domain/casefile/index.js';
import type { Issue } from '../../domain/errors.js';
import {
  countCaseFiles,
  findCaseIdByRecordId,
  findCaseLog,
  insertCaseLog,
  insertEvents,
  isUniqueViolation,
  type Database,
} from '../../storage/index.js';
import { readRecord } from './read-record.js';
import { defaultRecordPaths, type RecordPaths } from './record-paths.js';

/** What happened to one record case. */
export type LoadOutcome = 'inserted' | 'extended' | 'unchanged' | 'diverged';

/** One line of the load report. */
export interface LoadedCase {
  readonly recordId: string;
  readonly treaty: string;
  readonly outcome: LoadOutcome;
  readonly events: number;
  readonly message?: string;
}

/** The load report: per case, plus the issues of files that were not loaded. */
export interface RecordLoadReport {
  readonly files: number;
  readonly cases: readonly LoadedCase[];
  readonly issues: readonly Issue[];
}

/**
 * Loads every valid record file. Invalid files are skipped and reported in `issues`.
 * @example const report = await loadRecordIntoDatabase(db)
 */
export async function loadRecordIntoDatabase(
  db: Kysely<Database>,
  options: { readonly paths?: RecordPaths; readonly onCase?: (loaded: LoadedCase) => void } = {},
): Promise<RecordLoadReport> {
  const read = readRecord(options.paths ?? defaultRecordPaths());
  const cases: LoadedCase[] = [];
  for (const log of read.cases) {
    const loaded = await loadOne(db, log);
    cases.push(loaded);
    options.onCase?.(loaded);
  }
  return { files: read.files, cases, issues: read.issues };
}

/**
 * Loads the record only if no record case file is in the database yet ("first start").
 * Returns undefined when nothing was done.
 */
export async function ensureRecordLoaded(
  db: Kysely<Database>,
  options: { readonly paths?: RecordPaths } = {},
): Promise<RecordLoadReport | undefined> {
  if ((await countCaseFiles(db, 'record')) > 0) return undefined;
  return loadRecordIntoDatabase(db, options);
}

async function loadOne(db: Kysely<Database>, log: CaseLog, attempt = 1): Promise<LoadedCase> {
  const recordId = log.recordId ?? log.id;
  try {
    return await db.transaction().execute(async (trx): Promise<LoadedCase> => {
      const base = { recordId, treaty: log.treaty };
      const existing = await findCaseIdByRecordId(trx, recordId);
      if (existing === undefined) {
        await insertCaseLog(trx, log);
        return { ...base, outcome: 'inserted', events: log.events.length };
      }
      const stored = await findCaseLog(trx, existing);
      const same = (i: number) => JSON.stringify(stored.events[i]) === JSON.stringify(log.events[i]);
      const prefix = stored.events.length <= log.events.length && stored.events.every((_, i) => same(i));
      if (!prefix) {
        const at = stored.events.findIndex((_, i) => !same(i));
        return {
          ...base,
          outcome: 'diverged',
          events: stored.events.length,
          message:
            at === -1
              ? `the database has ${stored.events.length} events, the file only ${log.events.length}`
              : `stored event ${at + 1} differs from the file's events[${at}]; events are never rewritten: record corrections as new events`,
        };
      }
      if (stored.events.length === log.events.length) return { ...base, outcome: 'unchanged', events: log.events.length };
      await insertEvents(trx, existing, stored.events.length + 1, log.events.slice(stored.events.length));
      return { ...base, outcome: 'extended', events: log.events.length };
    });
  } catch (error) {
    // Another process inserted the same case at the same moment (PostgreSQL): look again once.
    if (attempt === 1 && isUniqueViolation(error)) return loadOne(db, log, 2);
    throw error;
  }
}
