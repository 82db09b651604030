/**
 * @module locate-worker
 * A worker of `casus locate --input` (locate-parallel): parses, checks, locates and formats pieces.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Issue } from '../domain/errors.js';
import { locate } from '../domain/territory/index.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { answerLine, parseRows, type Row } from './locate-batch.js';

/** A piece of the input and the line it starts on. */
export interface LocateJob {
  readonly seq: number;
  readonly piece: Uint8Array;
  readonly firstLine: number;
}

/** The answer for a piece (no output when a row is bad). */
export interface LocateReply {
  readonly seq: number;
  /** The answer lines, UTF-8 (transferred, not copied). */
  readonly out: Uint8Array;
  readonly rows: number;
  readonly issues: readonly Issue[];
}

const { name, date, json } = workerData as { name: string; date: string; json: boolean };
const port = parentPort!;
// On demand: a worker reads the edges of the cells its points fall in, not the whole index.
const map = loadKnowledge(undefined, { geometry: 'on-demand' }).map;
const decoder = new TextDecoder();
/** The answers for `rows`, UTF-8, in a buffer of its own (so it can be transferred). */
function answers(rows: readonly Row[], sizeHint: number): Uint8Array {
  let buffer = Buffer.allocUnsafeSlow(Math.max(1 << 16, sizeHint));
  let used = 0;
  let chunk = '';
  // Written into the buffer every 64 KiB of text: one long string built by += is a rope that
  // Buffer.from must flatten and copy, a third of a worker's time.
  const flush = () => {
    // At most 3 bytes per UTF-16 unit: no need to measure the string (which would flatten it twice).
    const need = chunk.length * 3;
    if (used + need > buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, used + need));
      buffer.copy(bigger, 0, 0, used);
      buffer = bigger;
    }
    used += buffer.write(chunk, used);
    chunk = '';
  };
  for (const r of rows) {
    chunk += answerLine(r, locate(map, r.lat, r.lon, r.date), json);
    if (chunk.length > 1 << 16) flush();
  }
  flush();
  return new Uint8Array(buffer.buffer, 0, used);
}

port.on('message', (job: LocateJob) => {
  const { rows, issues } = parseRows(decoder.decode(job.piece), date, name, job.firstLine);
  const out = issues.length === 0 ? answers(rows, job.piece.length * 3) : new Uint8Array(0);
  const reply: LocateReply = { seq: job.seq, out, rows: rows.length, issues };
  port.postMessage(reply, [out.buffer as ArrayBuffer]);
});
