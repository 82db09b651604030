/**
 * @module schema
 * The Kysely `Database` interface, assembled from the *.table.ts row types.
 */
import type { ApiTokenTable, CaseEventTable, CaseFileTable } from './case-file.table.js';
import type { DatasetFindingTable, DatasetTable } from './dataset.table.js';

/** Every table Casus stores. */
export interface Database {
  case_file: CaseFileTable;
  case_event: CaseEventTable;
  api_token: ApiTokenTable;
  dataset: DatasetTable;
  dataset_finding: DatasetFindingTable;
}
