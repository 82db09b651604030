/**
 * @module dataset.table
 * Row types of imported datasets (`casus import`): one row per import, and one per finding that is
 * not "not-triggered" (those are only counted, in the summary). They never leave src/storage.
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

/** `dataset_finding`: (dataset_id, line, treaty, provision, reading) is the primary key. */
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
  reading: string;
  status: 'triggered' | 'undetermined';
}

export type DatasetRow = Selectable<DatasetTable>;
export type NewDatasetRow = Insertable<DatasetTable>;
export type DatasetFindingRow = Selectable<DatasetFindingTable>;
