/**
 * @module locate-batch
 * `casus locate --input`: every row of a CSV located, answers in input order. The whole input is
 * validated before anything is written, so a bad row leaves no half-written output.
 */
import { createReadStream, readFileSync, renameSync, openSync, writeSync, closeSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join as joinPath } from 'node:path';
import { CasusError, type Issue } from '../domain/errors.js';
import { isIsoDate, today } from '../domain/dates/index.js';
import { locate, type Location } from '../domain/territory/index.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { availableParallelism, tmpdir } from 'node:os';
import { rowProgress } from './progress.js';
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
  // Scanned with indexOf rather than split and map: a million rows made ~5 million short-lived arrays
  // and strings, a quarter of the run. Quoted cells take the general path.
  let i = firstLine - 2;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    i++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let c0: string;
    let c1: string | undefined;
    let c2: string | undefined;
    if (line.includes('"')) {
      const cells = line.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
      [c0, c1, c2] = [cells[0]!, cells[1], cells[2]];
    } else {
      const a = line.indexOf(',');
      const b = a < 0 ? -1 : line.indexOf(',', a + 1);
      const c = b < 0 ? -1 : line.indexOf(',', b + 1);
      c0 = (a < 0 ? line : line.slice(0, a)).trim();
      c1 = a < 0 ? undefined : (b < 0 ? line.slice(a + 1) : line.slice(a + 1, b)).trim();
      c2 = b < 0 ? undefined : (c < 0 ? line.slice(b + 1) : line.slice(b + 1, c)).trim();
    }
    if (i === 0 && !Number.isFinite(Number(c0))) continue; // header
    const lat = Number(c0);
    const lon = Number(c1);
    const date = c2 ? c2 : defaultDate;
    if (c1 === undefined || !Number.isFinite(lat) || !Number.isFinite(lon) || c0 === '' || c1 === '')
      issues.push({ code: 'invalid-input', path: ['row', i + 1], message: `expected lat,lon[,date]; got "${line}"`, at: { file, line: i + 1, column: 1 } });
    else if (lat < -90 || lat > 90 || lon < -180 || lon > 180)
      issues.push({ code: 'invalid-input', path: ['row', i + 1], message: `lat must be within [-90, 90] and lon within [-180, 180]; got ${lat},${lon}`, at: { file, line: i + 1, column: 1 } });
    else if (!validDate(date))
      issues.push({ code: 'invalid-input', path: ['row', i + 1, 'date'], message: `expected a date YYYY-MM-DD on or after 1945-01-01; got "${date}"`, at: { file, line: i + 1, column: 1 } });
    else rows.push({ lat, lon, date });
  }
  return { rows, issues };
}

// Most lists hold zero or one polity: no join for those.
const join = (xs: readonly string[]) => (xs.length === 0 ? '' : xs.length === 1 ? xs[0]! : xs.join('|'));

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
export function badRows(issues: readonly Issue[], name: string, total = issues.length): CasusError {
  return new CasusError('invalid-input', `--input: ${total} bad row(s) in ${name}; nothing was written (first: line ${issues[0]!.at!.line}: ${issues[0]!.message})`, { issues: issues.slice(0, 20) });
}

/** The size of a piece of input read at a time (cut at a line end). */
export const PIECE = 1 << 20;

/**
 * Where answers are written until every row is known to be good: beside `--output`, or in the temporary
 * directory for stdout — which also goes through a file, because writeSync to a full pipe fails with
 * EAGAIN (a reader slower than Casus, e.g. `casus locate --input … | less`).
 */
export function partialFile(output: string | undefined): string {
  return output === undefined ? joinPath(tmpdir(), `casus-locate-${process.pid}.partial`) : `${output}.partial-${process.pid}`;
}

/** Hands a complete answer file (from partialFile) to its reader: renamed to `--output`, or copied to stdout and removed. */
export async function deliverAnswers(file: string, output: string | undefined, rows: number): Promise<void> {
  if (output !== undefined) {
    renameSync(file, output);
    process.stderr.write(`casus: located ${rows} point(s) → ${output}\n`);
    return;
  }
  try {
    // Through the stream, waiting for 'drain' (see partialFile).
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  } finally {
    rmSync(file, { force: true });
  }
}

// Below this size one thread answers sooner than workers that each load the knowledge base first.
const PARALLEL_FROM_BYTES = 4 << 20;

/** Runs a batch locate: on this thread, or on `workers` threads for a large file when asked. */
export async function locateBatch(opts: BatchOptions): Promise<void> {
  const name = opts.input === '-' ? 'stdin' : opts.input;
  let buffer: Buffer;
  try {
    buffer = readFileSync(opts.input === '-' ? 0 : opts.input);
  } catch (error) {
    throw new CasusError('invalid-input', `--input: cannot read ${name}: ${(error as Error).message}`);
  }
  // One thread unless asked: on this 2-core machine two workers (each loading its own knowledge base,
  // and each slower per row while both run) took 3.64 s for the bench's 1,000,000 points against
  // 3.43 s for one thread (npm run bench -- locate).
  const workers = Math.min(opts.workers ?? 1, availableParallelism() * 2);
  if (workers > 1 && buffer.length >= PARALLEL_FROM_BYTES) return locateParallel(buffer, { ...opts, name, date: opts.date ?? today(), workers });
  // The whole input is checked before anything is written. (Answering piece by piece while checking,
  // to drop each piece's rows sooner, measured 15-20% slower here: 2.6 s against 2.2 s for a million.)
  const { rows, issues } = parseRows(buffer.toString('utf8'), opts.date ?? today(), name);
  if (issues.length > 0) throw badRows(issues.slice(0, 20), name, issues.length);
  const map = loadKnowledge().map;
  const tmp = partialFile(opts.output);
  const fd = openSync(tmp, 'w');
  const bar = rowProgress('locating', rows.length, rows.length < 10_000);
  try {
    let chunk = opts.json ? '' : LOCATE_CSV_HEADER;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      chunk += answerLine(r, locate(map, r.lat, r.lon, r.date), opts.json);
      if (chunk.length > 1 << 16) {
        writeSync(fd, chunk);
        chunk = '';
        bar.update(i + 1, i + 1);
      }
    }
    writeSync(fd, chunk);
    bar.update(rows.length, rows.length);
  } catch (error) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw error;
  } finally {
    bar.stop();
  }
  closeSync(fd);
  await deliverAnswers(tmp, opts.output, rows.length);
}
