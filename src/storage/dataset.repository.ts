/**
 * @module dataset.repository
 * Imported datasets: created when an import starts (status running), findings appended piece by
 * piece in input order, completed with the summary. A resumed import first deletes the findings at and
 * after the line it resumes from, so no finding is stored twice.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { CasusError } from '../domain/errors.js';
import type { Database } from './schema.js';
import type { DatasetRow, StoredStatus } from './dataset.table.js';

/** A dataset as the API shows it. */
export interface Dataset {
  readonly id: string;
  readonly name: string;
  readonly format: string;
  readonly source: string;
  readonly status: 'running' | 'complete';
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly rows: number;
  /** The import's summary (ImportSummary), once complete. */
  readonly summary: unknown;
}

/** The readings, as the columns of a stored finding. */
const READING_COLUMNS = ['recognized', 'administered', 'claimed', 'delimited'] as const;
type ReadingColumn = (typeof READING_COLUMNS)[number];

/** One event × provision triggered or undetermined under some reading, with its event. */
export interface DatasetFinding {
  readonly line: number;
  readonly eventId: string;
  readonly date: string;
  readonly at: readonly [number, number];
  readonly attacker: string | null;
  readonly target: string | null;
  readonly kind: string;
  readonly against: string;
  readonly treaty: string;
  readonly provision: string;
  /** The status under each reading assessed. */
  readonly statuses: Readonly<Partial<Record<ReadingColumn, Exclude<StoredStatus, null>>>>;
  /** True when the readings assessed gave different statuses. */
  readonly readingsDisagree: boolean;
}

/**
 * A finding to store, in this order: line, event id, date, lat, lon, attacker, target, kind, against,
 * treaty, provision, then the status under recognized, administered, claimed and delimited (null for a
 * reading not assessed).
 */
export type NewDatasetFinding = readonly (string | number | null)[];

/** Filters of a findings page. */
export interface DatasetFindingFilter {
  readonly treaty?: string | undefined;
  readonly provision?: string | undefined;
  /** With `reading`: the status under that reading; alone: under any reading. */
  readonly status?: 'triggered' | 'undetermined' | undefined;
  readonly reading?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly offset?: number | undefined;
  readonly limit?: number | undefined;
}

const toDataset = (r: DatasetRow): Dataset => ({
  id: r.id,
  name: r.name,
  format: r.format,
  source: r.source,
  status: r.status,
  createdAt: r.created_at,
  completedAt: r.completed_at,
  rows: Number(r.rows),
  summary: r.summary === null ? null : JSON.parse(r.summary),
});

/** Creates a running dataset. */
export async function createDataset(db: Kysely<Database>, d: { id: string; name: string; format: string; source: string }): Promise<void> {
  await db.insertInto('dataset').values({ ...d, status: 'running', created_at: new Date().toISOString(), rows: 0 }).execute();
}

// 15 parameters a row: 1,000 rows stay well under SQLite's and PostgreSQL's parameter limits.
const CHUNK = 1000;

/** Appends findings to a dataset (one transaction per call). */
export async function insertDatasetFindings(db: Kysely<Database>, datasetId: string, findings: readonly NewDatasetFinding[]): Promise<void> {
  if (findings.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < findings.length; i += CHUNK) {
      const values = findings.slice(i, i + CHUNK).map((f) => ({
        dataset_id: datasetId,
        line: f[0] as number,
        event_id: String(f[1]),
        date: f[2] as string,
        lat: f[3] as number,
        lon: f[4] as number,
        attacker: f[5] as string | null,
        target: f[6] as string | null,
        kind: f[7] as string,
        against: f[8] as string,
        treaty: f[9] as string,
        provision: f[10] as string,
        recognized: f[11] as StoredStatus,
        administered: f[12] as StoredStatus,
        claimed: f[13] as StoredStatus,
        delimited: f[14] as StoredStatus,
      }));
      await trx.insertInto('dataset_finding').values(values).execute();
    }
  });
}

/** Deletes the findings at and after `line` (a resumed import re-does them). */
export async function deleteDatasetFindingsFrom(db: Kysely<Database>, datasetId: string, line: number): Promise<void> {
  await db.deleteFrom('dataset_finding').where('dataset_id', '=', datasetId).where('line', '>=', line).execute();
}

/** Marks a dataset complete with its summary. */
export async function completeDataset(db: Kysely<Database>, datasetId: string, rows: number, summary: unknown): Promise<void> {
  await db.updateTable('dataset').set({ status: 'complete', completed_at: new Date().toISOString(), rows, summary: JSON.stringify(summary) }).where('id', '=', datasetId).execute();
}

/** Every dataset, newest first. */
export async function listDatasets(db: Kysely<Database>): Promise<Dataset[]> {
  const rows = await db.selectFrom('dataset').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toDataset);
}

/** One dataset; not-found naming the id. */
export async function findDataset(db: Kysely<Database>, id: string): Promise<Dataset> {
  const row = await db.selectFrom('dataset').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new CasusError('not-found', `no dataset "${id}"`, { issues: [{ code: 'not-found', path: ['id'], message: `no dataset "${id}"`, received: id }] });
  return toDataset(row);
}

type Eb = ExpressionBuilder<Database, 'dataset_finding'>;

/** A page of a dataset's findings in input order, and whether there are more. */
export async function listDatasetFindings(db: Kysely<Database>, id: string, filter: DatasetFindingFilter = {}): Promise<{ findings: DatasetFinding[]; more: boolean }> {
  const limit = filter.limit ?? 100;
  let q = db.selectFrom('dataset_finding').selectAll().where('dataset_id', '=', id);
  if (filter.treaty !== undefined) q = q.where('treaty', '=', filter.treaty);
  if (filter.provision !== undefined) q = q.where('provision', '=', filter.provision);
  const reading = READING_COLUMNS.find((r) => r === filter.reading);
  if (filter.reading !== undefined && reading === undefined) return { findings: [], more: false };
  const statuses = filter.status !== undefined ? [filter.status] : (['triggered', 'undetermined'] as const);
  if (reading !== undefined) q = q.where(reading, 'in', statuses);
  else if (filter.status !== undefined) q = q.where((eb: Eb) => eb.or(READING_COLUMNS.map((r) => eb(r, '=', filter.status!))));
  if (filter.from !== undefined) q = q.where('date', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('date', '<=', filter.to);
  const rows = await q.orderBy('line').orderBy('treaty').orderBy('provision').limit(limit + 1).offset(filter.offset ?? 0).execute();
  return {
    more: rows.length > limit,
    findings: rows.slice(0, limit).map((r) => {
      const statuses: Partial<Record<ReadingColumn, Exclude<StoredStatus, null>>> = {};
      for (const c of READING_COLUMNS) if (r[c] !== null) statuses[c] = r[c];
      const seen = new Set(Object.values(statuses));
      return {
        line: Number(r.line),
        eventId: r.event_id,
        date: r.date,
        at: [Number(r.lat), Number(r.lon)] as const,
        attacker: r.attacker,
        target: r.target,
        kind: r.kind,
        against: r.against,
        treaty: r.treaty,
        provision: r.provision,
        statuses,
        readingsDisagree: seen.size > 1,
      };
    }),
  };
}
