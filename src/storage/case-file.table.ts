/**
 * @module case-file.table
 * Row types of the case-file tables (snake case, JSON as text). They never leave src/storage.
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';

/** `case_file`: one row per case file; the incident as JSON text. */
export interface CaseFileTable {
  id: string;
  treaty: string;
  title: string;
  incident: string;
  created_at: string;
  origin: 'record' | 'user';
  record_id: string | null;
}

/** `case_event`: the append-only log; (case_id, seq) is the primary key, seq counts from 1; `uid` is unique and never reused. */
export interface CaseEventTable {
  case_id: string;
  seq: number;
  type: string;
  date: string;
  body: string;
  recorded_at: string;
  uid: string;
}

/** `api_token`: hashed bearer tokens for the HTTP API (used by the API issue). */
export interface ApiTokenTable {
  id: string;
  role: 'editor' | 'admin';
  hash: string;
  created_at: string;
  revoked_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type CaseFileRow = Selectable<CaseFileTable>;
export type NewCaseFileRow = Insertable<CaseFileTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type NewCaseEventRow = Insertable<CaseEventTable>;
