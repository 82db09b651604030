/**
 * @module locate-batch
 * `casus locate --input`: every row of a CSV located, answers in input order. The whole input is
 * validated before anything is written, so a bad row leaves no half-written output.
 */
import { readFileSync, renameSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { CasusError, type Issue } from '../domain/errors.js';
import { isIsoDate, today } from '../domain/dates/index.js';
import { locate, type Location } from '../domain/territory/index.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { availableParallelism } from 'node:os';
import { progressBar } from './progress.js';
import { locateParallel } from './locate-parallel.js';

interface BatchOptions {
  readonly input: string;
  readonly output: string | undefined;
  readonly date: string | undefined;
  readonly json: boolean;
  /** Worker threads for a large file (default: one per core). */
  readonly workers?: number;
}

/** One located row. */
export interface Row {
  readonly lat: number;
  readonly lon: number;
  readonly date: string;
}

/** Parses `lat,lon[,date]` rows; returns every bad row as an issue naming its line (`firstLine`: the line `text` starts on). */
export function parseRows(text: string, defaultDate: string, file: string, firstLine = 1): { rows: Row[]; issues: Issue[] } {
  const rows: Row[] = [];
  const issues: Issue[] = [];
  // Event files repeat a few thousand dates over millions of rows: check each distinct one once.
  const dateOk = new Map<string, boolean>();
  const validDate = (d: string) => {
    let ok = dateOk.get(d);
    if (ok === undefined) dateOk.set(d, (ok = isIsoDate(d) && d >= '1945-01-01'));
    return ok;
  };
  const lines = text.split('\n');
  lines.forEach((raw, k) => {
    const i = k + firstLine - 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const split = line.split(',');
    const cells = line.includes('"') ? split.map((c) => c.trim().replace(/^"|"$/g, '')) : split.map((c) => c.trim());
    if (i === 0 && !Number.isFinite(Number(cells[0]))) return; // header
    const at = { file, line: i + 1, column: 1 };
    const lat = Number(cells[0]);
    const lon = Number(cells[1]);
    const date = cells[2] && cells[2] !== '' ? cells[2] : defaultDate;
    if (cells.length < 2 || !Number.isFinite(lat) || !Number.isFinite(lon) || cells[0] === '' || cells[1] === '')
      issues.push({ code: 'invalid-input', path: ['row', i + 1], message: `expected lat,lon[,date]; got "${line}"`, at });
    else if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
      issues.push({ code: 'invalid-input', path: ['row', i + 1], message: `lat must be within [-90, 90] and lon within [-180, 180]; got ${lat},${lon}`, at });
    else if (!validDate(date))
      issues.push({ code: 'invalid-input', path: ['row', i + 1, 'date'], message: `expected a date YYYY-MM-DD on or after 1945-01-01; got "${date}"`, at });
    else rows.push({ lat, lon, date });
  });
  return { rows, issues };
}

const join = (xs: readonly string[]) => xs.join('|');

/** The header of the CSV answer. */
export const LOCATE_CSV_HEADER = 'lat,lon,date,recognized,administered,claimed,delimited,regions,overlays,surface\n';

/** One row of the answer: a CSV line or a JSON line. */
export function answerLine(r: Row, l: Location, json: boolean): string {
  return json ? JSON.stringify({ at: [r.lat, r.lon], date: r.date, ...l }) + '\n' : csvLine(r, l);
}

function csvLine(r: Row, l: Location): string {
  const delimited = l.undetermined.includes('delimited') ? 'unknown' : join(l.delimited);
  return `${r.lat},${r.lon},${r.date},${join(l.recognized)},${join(l.administered)},${join(l.claimed)},${delimited},${join(l.regions)},${join(l.overlays)},${l.surface}\n`;
}

/** The error for bad rows: nothing is written. */
export function badRows(issues: readonly Issue[], name: string): CasusError {
  return new CasusError('invalid-input', `--input: ${issues.length} bad row(s) in ${name}; nothing was written (first: line ${issues[0]!.at!.line}: ${issues[0]!.message})`, { issues: issues.slice(0, 20) });
}

// Below this size one thread answers sooner than workers that each load the knowledge base first.
const PARALLEL_FROM_BYTES = 4 << 20;

/** Runs a batch locate: on every core for a large file. */
export async function locateBatch(opts: BatchOptions): Promise<void> {
  const name = opts.input === '-' ? 'stdin' : opts.input;
  let buffer: Buffer;
  try {
    buffer = readFileSync(opts.input === '-' ? 0 : opts.input);
  } catch (error) {
    throw new CasusError('invalid-input', `--input: cannot read ${name}: ${(error as Error).message}`);
  }
  // One thread unless asked: measured on this 2-core machine under load from other work, two workers
  // (each loading the knowledge base) took 4.6-6.9 s for 1,000,000 points against 2.9-3.8 s for one.
  const workers = Math.min(opts.workers ?? 1, availableParallelism() * 2);
  if (workers > 1 && buffer.length >= PARALLEL_FROM_BYTES) return locateParallel(buffer, { ...opts, name, date: opts.date ?? today(), workers });
  const text = buffer.toString('utf8');
  const { rows, issues } = parseRows(text, opts.date ?? today(), name);
  if (issues.length > 0) throw badRows(issues, name);
  const map = loadKnowledge().map;
  const tmp = opts.output === undefined ? undefined : `${opts.output}.partial-${process.pid}`;
  const fd = tmp === undefined ? 1 : openSync(tmp, 'w');
  const bar = progressBar('locating', rows.length);
  try {
    let chunk = opts.json ? '' : LOCATE_CSV_HEADER;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const l = locate(map, r.lat, r.lon, r.date);
      chunk += answerLine(r, l, opts.json);
      if (chunk.length > 1 << 16) {
        writeSync(fd, chunk);
        chunk = '';
        bar.update(i + 1);
      }
    }
    writeSync(fd, chunk);
    bar.update(rows.length);
  } catch (error) {
    if (tmp !== undefined) rmSync(tmp, { force: true });
    throw error;
  } finally {
    bar.stop();
    if (tmp !== undefined) closeSync(fd);
  }
  if (tmp !== undefined && opts.output !== undefined) {
    renameSync(tmp, opts.output);
    process.stderr.write(`casus: located ${rows.length} point(s) → ${opts.output}\n`);
  }
}
