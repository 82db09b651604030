/**
 * @module load-record
 * Puts the record into the database: each case file in ONE transaction, so a crash mid-load leaves
 * every case file either complete or absent. Idempotent: a case already loaded is left alone, one
 * whose file gained events at the end gets them appended, and one whose stored copy differs from the
 * file (re-sourced data) is replaced whole, in one transaction. Record rows are a rebuildable copy of
 * data/record/, not user data; user case files are never touched.
 */
import type { Kysely } from 'kysely';
import type { CaseLog } from '../../domain/casefile/index.js';
import type { Issue } from '../../domain/errors.js';
import {
  findCaseIdByRecordId,
  findCaseLog,
  insertCaseLog,
  insertEvents,
  isUniqueViolation,
  listRecordIds,
  replaceRecordCaseLog,
  type Database,
} from '../../storage/index.js';
import { readRecord, recordEntries, type RecordEntry } from './read-record.js';
import { defaultRecordPaths, type RecordPaths } from './record-paths.js';

/** What happened to one record case. */
export type LoadOutcome = 'inserted' | 'extended' | 'unchanged' | 'replaced';

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
 * Loads every valid record file (or those `only` accepts). Invalid files are skipped and reported in
 * `issues`.
 * @example const report = await loadRecordIntoDatabase(db)
 */
export async function loadRecordIntoDatabase(
  db: Kysely<Database>,
  options: {
    readonly paths?: RecordPaths;
    readonly onCase?: (loaded: LoadedCase) => void;
    readonly only?: (entry: RecordEntry) => boolean;
  } = {},
): Promise<RecordLoadReport> {
  const read = readRecord(options.paths ?? defaultRecordPaths(), options.only ? { only: options.only } : {});
  const cases: LoadedCase[] = [];
  for (const log of read.cases) {
    const loaded = await loadOne(db, log);
    cases.push(loaded);
    options.onCase?.(loaded);
  }
  return { files: read.files, cases, issues: read.issues };
}

/**
 * The start-up load: every record file whose record id is not in the database yet (first start, a
 * start after a kill -9 during the first load, a release that adds record files). It costs one query
 * and a directory listing when nothing is missing, and returns undefined then. Cases already present
 * are not compared with their files here (that means reading every file); "casus record load" does.
 */
export async function ensureRecordLoaded(
  db: Kysely<Database>,
  options: { readonly paths?: RecordPaths } = {},
): Promise<RecordLoadReport | undefined> {
  const paths = options.paths ?? defaultRecordPaths();
  const present = await listRecordIds(db);
  if (recordEntries(paths).every((e) => present.has(e.id))) return undefined;
  return loadRecordIntoDatabase(db, { paths, only: (e) => !present.has(e.id) });
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
      const differs = headerDifference(stored, log) ?? eventDifference(stored, log);
      if (differs !== undefined) {
        await replaceRecordCaseLog(trx, existing, log);
        return { ...base, outcome: 'replaced', events: log.events.length, message: `${differs}; replaced from the file` };
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

function headerDifference(stored: CaseLog, file: CaseLog): string | undefined {
  for (const key of ['id', 'treaty', 'title'] as const)
    if (stored[key] !== file[key]) return `the stored ${key} differs from the file's`;
  if (JSON.stringify(stored.incident) !== JSON.stringify(file.incident)) return "the stored incident differs from the file's";
  return undefined;
}

/** Why the stored events are not a prefix of the file's, or undefined when they are. */
function eventDifference(stored: CaseLog, file: CaseLog): string | undefined {
  const same = (i: number) => JSON.stringify(stored.events[i]) === JSON.stringify(file.events[i]);
  const at = stored.events.findIndex((_, i) => !same(i));
  if (at !== -1) return `stored event ${at + 1} differs from the file's events[${at}]`;
  if (stored.events.length > file.events.length)
    return `the database has ${stored.events.length} events, the file only ${file.events.length}`;
  return undefined;
}
