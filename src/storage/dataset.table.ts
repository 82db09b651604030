/**
 * @module dataset.table
 * Row types of imported datasets (`casus import`): one row per import, and one per finding that is
 * not triggered under any reading (those are only counted, in the summary). They never leave src/storage.
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';

/** `dataset`: one import; the summary and options as JSON text. */
export interface DatasetTable {
  id: string;
  name: string;
  format: string;
  source: string;
  status: 'running' | 'complete';
  created_at: string;
  completed_at: ColumnType<string | null, string | null | undefined, string | null>;
  rows: number;
  summary: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A status as stored; null where the reading was not assessed. */
export type StoredStatus = 'triggered' | 'undetermined' | 'not-triggered' | null;

/**
 * `dataset_finding`: one row per event × provision that is triggered or undetermined under some
 * reading, with the status under each reading; (dataset_id, line, treaty, provision) is the key.
 */
export interface DatasetFindingTable {
  dataset_id: string;
  line: number;
  event_id: string;
  date: string;
  lat: number;
  lon: number;
  attacker: string | null;
  target: string | null;
  kind: string;
  against: string;
  treaty: string;
  provision: string;
  recognized: StoredStatus;
  administered: StoredStatus;
  claimed: StoredStatus;
  delimited: StoredStatus;
}

export type DatasetRow = Selectable<DatasetTable>;
export type NewDatasetRow = Insertable<DatasetTable>;
export type DatasetFindingRow = Selectable<DatasetFindingTable>;
