/**
 * @module locate-worker
 * A worker of `casus locate --input` (locate-parallel): parses, checks, locates and formats pieces.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Issue } from '../domain/errors.js';
import { locate } from '../domain/territory/index.js';
import { loadKnowledge } from '../knowledge/index.js';
import { answerLine, parseRows } from './locate-batch.js';

/** A piece of the input and the line it starts on. */
export interface LocateJob {
  readonly seq: number;
  readonly piece: Uint8Array;
  readonly firstLine: number;
}

/** The answer for a piece (no output when a row is bad). */
export interface LocateReply {
  readonly seq: number;
  readonly out: string;
  readonly rows: number;
  readonly issues: readonly Issue[];
}

const { name, date, json } = workerData as { name: string; date: string; json: boolean };
const port = parentPort!;
const map = loadKnowledge().map;
const decoder = new TextDecoder();
port.on('message', (job: LocateJob) => {
  const { rows, issues } = parseRows(decoder.decode(job.piece), date, name, job.firstLine);
  let out = '';
  if (issues.length === 0) for (const r of rows) out += answerLine(r, locate(map, r.lat, r.lon, r.date), json);
  const reply: LocateReply = { seq: job.seq, out, rows: rows.length, issues };
  port.postMessage(reply);
});
