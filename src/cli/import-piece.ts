/**
 * @module import-piece
 * What a worker does with one piece of the input (whole rows, cut at a line end outside quotes): parse
 * it with d3-dsv, read each row into an incident, locate and assess it (statuses only: the bulk
 * path), and return the output text, the rejects, the rows to store and the piece's summary counts.
 */
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { assess, STATUS_CODES, type Incident, type StatusPlan } from '../domain/assessment/index.js';
import { locate, type Location } from '../domain/territory/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { rowToIncident, type RejectReason, type RowRules } from '../importers/index.js';
import { emptyCounts, type ImportCounts } from './import-summary.js';

/** What a finished piece hands back to the main thread. */
export interface PieceResult {
  /** Output text (CSV rows or JSON lines), in input order. */
  readonly out: string;
  /** Rejects file rows (line, reason, message, raw row). */
  readonly rejects: string;
  /** Findings to store: one array per event × provision triggered or undetermined under some reading (see insertDatasetFindings). */
  readonly stored: readonly (readonly (string | number | null)[])[];
  readonly counts: ImportCounts;
}

/** Everything a worker needs, built once. */
export interface PieceContext {
  readonly rules: RowRules;
  readonly knowledge: Knowledge;
  readonly plan: StatusPlan;
  /** assessStatuses for this plan, cached (see cachedStatuses). */
  readonly statusesOf: (incident: Incident, location: Location | null, out: Uint8Array) => number;
  readonly output: 'csv' | 'jsonl';
  readonly store: boolean;
  /** `treaty:provision:reading` of each slot of the plan. */
  readonly labels: readonly string[];
  /** For each reading of the plan, its place in READINGS (the stored columns' order). */
  readonly readingColumn: readonly number[];
}

/** The columns of the CSV output (docs/import.md). */
export const OUTPUT_COLUMNS = [
  'line', 'event_id', 'date', 'latitude', 'longitude', 'attacker', 'target', 'kind', 'against',
  'recognized', 'administered', 'claimed', 'delimited', 'triggered', 'undetermined', 'readings_disagree',
] as const;

/** The columns of the rejects file. */
export const REJECT_COLUMNS = ['line', 'reason', 'message', 'raw'] as const;

const STATUS = STATUS_CODES;

const list = (xs: readonly string[]) => xs.join('|');

function readingAnswers(l: Location): [string, string, string, string] {
  return [list(l.recognized), list(l.administered), list(l.claimed), l.undetermined.includes('delimited') ? 'unknown' : list(l.delimited)];
}

/**
 * Processes one piece. `firstLine` is the file line the piece starts on.
 * @example processPiece(ctx, Buffer.from('UKR1,2023-01-15,…\n'), 2)
 */
export function processPiece(ctx: PieceContext, piece: Uint8Array, firstLine: number): PieceResult {
  const { plan, knowledge } = ctx;
  const slots = plan.slots;
  const counts = emptyCounts(slots.length);
  const statuses = new Uint8Array(slots.length);
  const outRows: unknown[][] = [];
  let jsonl = '';
  const rejectRows: unknown[][] = [];
  const stored: (string | number | null)[][] = [];
  const rejectRow = (line: number, reason: RejectReason, message: string, rawRow: string) => {
    rejectRows.push([line, reason, message, rawRow.replace(/\r?\n$/, '')]);
    counts.rejected[reason] = (counts.rejected[reason] ?? 0) + 1;
  };

  // d3-dsv rather than csv-parse here: the same RFC 4180 reading (quotes, doubled quotes, line ends
  // inside quotes, CRLF; a quote inside an unquoted field taken literally) at a third of the cost,
  // which was the largest part of a worker's time. It gives no offsets, so each row's first line and
  // its raw text (for the rejects file) come from counting the line ends its fields hold.
  const text = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf8');
  const records = csvParseRows(text);
  const raw = rawLines(text, firstLine);

  const labels = ctx.labels;
  let nextLine = firstLine;
  for (const record of records) {
    const line = nextLine;
    nextLine++;
    for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) nextLine++;
    if (record.length === 1 && record[0] === '') continue; // an empty line
    counts.rows++;
    const row = rowToIncident(record, ctx.rules);
    if (!row.ok) {
      rejectRow(line, row.reason, row.message, raw(line, nextLine));
      continue;
    }
    const incident = row.incident;
    const at = incident.at!;
    const location = locate(knowledge.map, at[0], at[1], incident.date);
    const triggered = ctx.statusesOf(incident, location, statuses);
    counts.assessed++;
    let undetermined = 0;
    const disagree: string[] = [];
    const triggeredSlots: string[] = [];
    const undeterminedSlots: string[] = [];
    const n = plan.readings.length;
    for (let s = 0; s < slots.length; s += n) {
      let differ = false;
      let any = false;
      for (let r = 0; r < n; r++) {
        const code = statuses[s + r]!;
        counts.slots[(s + r) * 3 + code]!++;
        if (code !== statuses[s]) differ = true;
        if (code === 0) continue;
        any = true;
        if (code === 2) triggeredSlots.push(labels[s + r]!);
        else {
          undetermined++;
          undeterminedSlots.push(labels[s + r]!);
        }
      }
      if (differ) disagree.push(`${slots[s]!.treaty}:${slots[s]!.provision}`);
      if (any && ctx.store) {
        // One row per event × provision, with the status under each of the four readings (null: not assessed).
        const byReading: (string | null)[] = [null, null, null, null];
        for (let r = 0; r < n; r++) byReading[ctx.readingColumn[r]!] = STATUS[statuses[s + r]!]!;
        stored.push([line, row.id, incident.date, at[0], at[1], incident.attacker ?? null, incident.target ?? null, incident.kind, incident.against, slots[s]!.treaty, slots[s]!.provision, ...byReading]);
      }
    }
    if (triggered > 0) counts.eventsTriggered++;
    if (undetermined > 0) counts.eventsUndetermined++;
    if (disagree.length > 0) {
      counts.eventsDisagreeing++;
      if (counts.disagreeing.length < 20) counts.disagreeing.push({ line, id: row.id, provisions: disagree });
    }
    if (ctx.output === 'csv') {
      outRows.push([line, row.id, incident.date, at[0], at[1], incident.attacker ?? '', incident.target ?? '', incident.kind, incident.against, ...readingAnswers(location), triggeredSlots.join(' '), undeterminedSlots.join(' '), disagree.join(' ')]);
    } else {
      // Only the findings that are not "not-triggered" are written, explained as `casus assess` does.
      const findings =
        triggered + undetermined === 0
          ? []
          : assess(incident, location, knowledge.treaties, { readings: plan.readings }).findings
              .filter((f) => f.status !== 'not-triggered')
              .map((f) => ({ treaty: f.treaty, provision: f.provision, reading: f.reading, status: f.status, beneficiary: f.beneficiary, obliged: f.obliged, prerequisites: f.prerequisites, unknown: f.conditions.filter((c) => c.result === 'unknown').map((c) => c.id) }));
      const where = { recognized: location.recognized, administered: location.administered, claimed: location.claimed, delimited: location.delimited, surface: location.surface, regions: location.regions, overlays: location.overlays, undetermined: location.undetermined };
      jsonl += JSON.stringify({ line, id: row.id, incident, location: where, findings, readingsDisagree: disagree }) + '\n';
    }
  }
  const out = ctx.output === 'csv' ? (outRows.length > 0 ? csvFormatRows(outRows as string[][]) + '\n' : '') : jsonl;
  return { out, rejects: rejectRows.length > 0 ? csvFormatRows(rejectRows as string[][]) + '\n' : '', stored, counts };
}

/**
 * The text of lines `from` (inclusive) to `to` (exclusive) of `text`, whose first line is `firstLine`;
 * calls must ask for ascending lines (each line end is looked for once).
 */
function rawLines(text: string, firstLine: number): (from: number, to: number) => string {
  let line = firstLine;
  let offset = 0;
  const seek = (target: number) => {
    while (line < target && offset <= text.length) {
      const nl = text.indexOf('\n', offset);
      offset = nl < 0 ? text.length + 1 : nl + 1;
      line++;
    }
    return Math.min(offset, text.length);
  };
  return (from, to) => {
    const start = seek(from);
    return text.slice(start, seek(to));
  };
}
