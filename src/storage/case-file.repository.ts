/**
 * @module case-file.repository
 * Case files in the database: create, read, list, and append with an expected version. Rows are
 * mapped to domain types here and never leave this module. Events are only ever inserted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import {
  caseVersion,
  refusalError,
  replayCase,
  replayCaseOrThrow,
  transition,
  type CaseEvent,
  type CaseFile,
  type CaseHeader,
  type CaseIncident,
  type CaseLog,
  type CaseOrigin,
  type Procedure,
} from '../domain/casefile/index.js';
import { CasusError } from '../domain/errors.js';
import type { CaseEventRow, CaseFileRow } from './case-file.table.js';
import type { Database } from './schema.js';
import { isBusy, isUniqueViolation } from './storage-error.js';

/** A case file to create: the id is generated (`<treaty>-<date>-<6 hex>`) when absent. */
export type NewCaseLog = Omit<CaseLog, 'id' | 'createdAt'> & { readonly id?: string };

/** Filter for {@link listCaseLogs}. */
export interface CaseFilter {
  readonly treaty?: string | undefined;
  readonly origin?: CaseOrigin | undefined;
}

/** A fresh id for a user case file. */
export function newCaseId(treaty: string, date: string): string {
  return `${treaty}-${date}-${randomBytes(3).toString('hex')}`;
}

/**
 * Inserts a whole case log (header and every event) inside the caller's transaction.
 * @example await db.transaction().execute((trx) => insertCaseLog(trx, log))
 */
export async function insertCaseLog(trx: Transaction<Database>, log: CaseLog, now = new Date().toISOString()): Promise<void> {
  await trx
    .insertInto('case_file')
    .values({
      id: log.id,
      treaty: log.treaty,
      title: log.title,
      incident: JSON.stringify(log.incident),
      created_at: log.createdAt ?? now,
      origin: log.origin,
      record_id: log.recordId ?? null,
    })
    .execute();
  await insertEvents(trx, log.id, 1, log.events, now);
}

/** Inserts events numbered from `firstSeq`, inside the caller's transaction. */
export async function insertEvents(
  trx: Transaction<Database>,
  caseId: string,
  firstSeq: number,
  events: readonly CaseEvent[],
  now = new Date().toISOString(),
): Promise<void> {
  if (events.length === 0) return;
  await trx
    .insertInto('case_event')
    .values(
      events.map((event, i) => ({
        case_id: caseId,
        seq: firstSeq + i,
        type: event.type,
        date: event.date,
        body: JSON.stringify(event),
        recorded_at: now,
        uid: randomUUID(),
      })),
    )
    .execute();
}

/**
 * Validates a new case log against its procedure and stores it in one transaction.
 * @example const file = await createCaseFile(db, { treaty: 'csto', title, incident, origin: 'user', events }, procedure)
 */
export async function createCaseFile(db: Kysely<Database>, input: NewCaseLog, procedure: Procedure): Promise<CaseFile> {
  const log: CaseLog = {
    ...input,
    id: input.id ?? newCaseId(input.treaty, input.incident.date),
    createdAt: new Date().toISOString(),
  };
  const replayed = replayCase(log, procedure);
  if (!replayed.ok) {
    const error = refusalError(log.id, replayed.refusal);
    throw new CasusError('invalid-input', `events[${replayed.index}]: ${replayed.refusal.message}`, {
      issues: error.issues.map((i) => ({ ...i, path: ['events', replayed.index, ...i.path] })),
      details: error.details,
    });
  }
  try {
    await db.transaction().execute((trx) => insertCaseLog(trx, log));
  } catch (error) {
    if (isUniqueViolation(error)) throw new CasusError('conflict', `a case file with id "${log.id}" already exists`, { cause: error });
    throw error;
  }
  return replayed.file;
}

/** The case log with this id; `not-found` names the id. Pass a transaction to read inside it. */
export async function findCaseLog(db: Kysely<Database> | Transaction<Database>, id: string): Promise<CaseLog> {
  const row = await db.selectFrom('case_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new CasusError('not-found', `no case file "${id}" (list them with "casus cases list")`, { details: { id } });
  const events = await db.selectFrom('case_event').selectAll().where('case_id', '=', id).orderBy('seq').execute();
  return toCaseLog(row, events);
}

/**
 * What identifies the current state of a case file's log: its version and its last event's uid,
 * which change on every append and when `casus record load` replaces the log. Undefined when there
 * is no such case file. One indexed read, for serving a cached answer.
 * @example const stamp = await findCaseStamp(db, 'csto-2022-armenia-jermuk') // '7:m-csto-2022-armenia-jermuk-7'
 */
export async function findCaseStamp(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('case_event').select(['seq', 'uid']).where('case_id', '=', id).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? `${row.seq}:${row.uid}` : undefined;
}

/** The id of the case file loaded from this record entry, if any. */
export async function findCaseIdByRecordId(
  db: Kysely<Database> | Transaction<Database>,
  recordId: string,
): Promise<string | undefined> {
  const row = await db.selectFrom('case_file').select('id').where('record_id', '=', recordId).executeTakeFirst();
  return row?.id;
}

/** The record ids of every record case file in the database (one cheap query, for start-up). */
export async function listRecordIds(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('case_file').select('record_id').where('origin', '=', 'record').execute();
  return new Set(rows.flatMap((r) => (r.record_id === null ? [] : [r.record_id])));
}

/**
 * Replaces a record case file (header and every event) by `log`, inside the caller's transaction, so
 * the swap is all or nothing. Record rows are a copy of data/record/, rebuildable at any time; user
 * case files are never touched: a case file of another origin makes this throw.
 * @example await db.transaction().execute((trx) => replaceRecordCaseLog(trx, 'csto-2021-armenia-sotk', log))
 */
export async function replaceRecordCaseLog(trx: Transaction<Database>, existingId: string, log: CaseLog): Promise<void> {
  const row = await trx.selectFrom('case_file').select('origin').where('id', '=', existingId).executeTakeFirst();
  if (row?.origin !== 'record')
    throw new CasusError('invalid-input', `case file ${existingId} is not a record case file; only record case files are rebuilt from data/record/`);
  await trx.deleteFrom('case_event').where('case_id', '=', existingId).execute();
  await trx.deleteFrom('case_file').where('id', '=', existingId).where('origin', '=', 'record').execute();
  await insertCaseLog(trx, log);
}

/** Every case log matching the filter, by incident date then id. */
export async function listCaseLogs(db: Kysely<Database>, filter: CaseFilter = {}): Promise<CaseLog[]> {
  let files = db.selectFrom('case_file').selectAll();
  if (filter.treaty) files = files.where('treaty', '=', filter.treaty);
  if (filter.origin) files = files.where('origin', '=', filter.origin);
  const rows = await files.orderBy('id').execute();
  let events = db
    .selectFrom('case_event')
    .innerJoin('case_file', 'case_file.id', 'case_event.case_id')
    .selectAll('case_event');
  if (filter.treaty) events = events.where('case_file.treaty', '=', filter.treaty);
  if (filter.origin) events = events.where('case_file.origin', '=', filter.origin);
  const eventRows = await events.orderBy('case_event.case_id').orderBy('case_event.seq').execute();
  const byCase = new Map<string, CaseEventRow[]>();
  for (const e of eventRows) {
    const list = byCase.get(e.case_id) ?? [];
    list.push(e);
    byCase.set(e.case_id, list);
  }
  return rows
    .map((row) => toCaseLog(row, byCase.get(row.id) ?? []))
    .sort((a, b) => a.incident.date.localeCompare(b.incident.date) || a.id.localeCompare(b.id));
}

/** Number of case files (cheap check for "first start"). */
export async function countCaseFiles(db: Kysely<Database>, origin?: CaseOrigin): Promise<number> {
  let q = db.selectFrom('case_file').select((eb) => eb.fn.countAll<number | string | bigint>().as('n'));
  if (origin) q = q.where('origin', '=', origin);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Appends one event if the case file is still at `expectedVersion` (its number of events) and the
 * procedure allows the event in the current state. All in one transaction: on any failure the log
 * is unchanged. A concurrent writer that got there first makes this throw `conflict` (reload and
 * retry); a refused event throws `invalid-input` naming the state and the events it accepts.
 * Record case files (origin `record`) are read-only here: they change through data/record/.
 * @example const file = await appendEvent(db, 'csto-2022-armenia-jermuk', 3, event, procedure)
 */
export async function appendEvent(
  db: Kysely<Database>,
  caseId: string,
  expectedVersion: number,
  event: CaseEvent,
  procedure: Procedure,
): Promise<CaseFile> {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    throw new CasusError('invalid-input', `expectedVersion: expected a whole number >= 0; got ${expectedVersion}`);
  try {
    return await db.transaction().execute(async (trx) => {
      const log = await findCaseLog(trx, caseId);
      if (log.origin === 'record')
        throw new CasusError(
          'invalid-input',
          `case file ${caseId} is part of the shipped record and changes only through data/record/ (then "casus record load"); start your own with "casus cases new"`,
        );
      const version = caseVersion(log);
      if (version !== expectedVersion)
        throw new CasusError(
          'conflict',
          expectedVersion > version
            ? `case file ${caseId} is at version ${version}, not ${expectedVersion}: version ${expectedVersion} does not exist yet; reload it and retry at ${version}`
            : `case file ${caseId} is at version ${version}, not ${expectedVersion}: someone appended first; reload it and retry`,
          { details: { caseId, version, expectedVersion } },
        );
      const result = transition(replayCaseOrThrow(log, procedure), event);
      if (!result.ok) throw refusalError(caseId, result.refusal);
      await insertEvents(trx, caseId, version + 1, [event]);
      return result.file;
    });
  } catch (error) {
    if (isUniqueViolation(error) || isBusy(error))
      throw new CasusError('conflict', `case file ${caseId} changed while appending (another writer won); reload it and retry`, {
        cause: error,
        details: { caseId, expectedVersion },
      });
    throw error;
  }
}

function toCaseLog(row: CaseFileRow, events: readonly CaseEventRow[]): CaseLog {
  const header: CaseHeader = {
    id: row.id,
    treaty: row.treaty,
    title: row.title,
    incident: JSON.parse(row.incident) as CaseIncident,
    origin: row.origin,
    createdAt: row.created_at,
    ...(row.record_id === null ? {} : { recordId: row.record_id }),
  };
  return { ...header, events: events.map((e) => JSON.parse(e.body) as CaseEvent) };
}
