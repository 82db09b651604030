/**
 * @module read-header
 * Checks a file's header against a format: every required column present (else the file is not that
 * format and the run stops, naming what is missing), and the position of every field it can read.
 */
import { CasusError } from '../domain/errors.js';
import { EVENT_FIELDS, type EventField, type SourceFormat } from './source-format.js';

/** Field → column index in the file (-1 when the file has no such column). */
export type FieldIndex = Readonly<Record<EventField, number>>;

/**
 * The position of each field in `header`; throws invalid-input naming the missing columns.
 * @example fieldIndex(['event_id_cnty', 'event_date', …], ACLED, 'events.csv')
 */
export function fieldIndex(header: readonly string[], format: SourceFormat, file: string): FieldIndex {
  const at = new Map(header.map((h, i) => [h.trim().replace(/^\uFEFF/, ''), i]));
  const index = Object.fromEntries(EVENT_FIELDS.map((f) => [f, at.get(format.columns[f] ?? '') ?? -1])) as Record<EventField, number>;
  const missing = format.required.filter((f) => index[f] < 0).map((f) => format.columns[f]!);
  if (format.id === 'csv' && index.actor1 < 0 && index.attacker < 0) missing.push(`${format.columns.actor1} or ${format.columns.attacker}`);
  if (missing.length > 0) {
    const hint = format.id === 'csv' ? 'name the columns with --map column=field' : `expected ${format.title}'s column names (docs/import.md), or use --format csv with --map`;
    throw new CasusError('invalid-input', `${file} is not ${format.title}: missing column(s) ${missing.join(', ')}; ${hint}`, {
      issues: missing.map((m) => ({ code: 'missing', path: ['header', m], message: `no column "${m}"`, expected: m, at: { file, line: 1, column: 1 } })),
      details: { missing },
    });
  }
  return index;
}
