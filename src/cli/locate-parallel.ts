/**
 * @module locate-parallel
 * `casus locate --input` on every core: the file is cut at line ends into pieces; worker threads parse,
 * check, locate and format them; the answers are written in input order to a temporary file, which
 * becomes the output (or is copied to stdout) only when every row was good — a bad row still leaves
 * nothing written.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Issue } from '../domain/errors.js';
// The API's starter knows how to run a TypeScript worker under tsx as well as compiled JavaScript.
import { startModuleWorker } from '../api/module-worker.js';
import { badRows, deliverAnswers, LOCATE_CSV_HEADER, partialFile, PIECE } from './locate-batch.js';
import type { LocateJob, LocateReply } from './locate-worker.js';
import { progressBar } from './progress.js';

interface ParallelOptions {
  readonly name: string;
  readonly output: string | undefined;
  readonly date: string;
  readonly json: boolean;
  readonly workers: number;
}

/** Locates every row of `buffer` on `workers` threads. */
export async function locateParallel(buffer: Buffer, opts: ParallelOptions): Promise<void> {
  const pieces: { start: number; end: number; firstLine: number }[] = [];
  let line = 1;
  for (let start = 0; start < buffer.length; ) {
    let end = start + PIECE >= buffer.length ? buffer.length : buffer.indexOf(10, start + PIECE) + 1;
    if (end <= 0) end = buffer.length;
    pieces.push({ start, end, firstLine: line });
    for (let i = buffer.indexOf(10, start); i >= 0 && i < end; i = buffer.indexOf(10, i + 1)) line++;
    start = end;
  }
  const tmp = partialFile(opts.output);
  const fd = openSync(tmp, 'w');
  let open = true;
  const bar = progressBar('locating', line - 1);
  const workers = Array.from({ length: Math.min(opts.workers, pieces.length) }, () => startModuleWorker(new URL('./locate-worker.js', import.meta.url), { workerData: { name: opts.name, date: opts.date, json: opts.json }, resourceLimits: { maxYoungGenerationSizeMb: 96 } }));
  let rows = 0;
  try {
    if (!opts.json) writeSync(fd, LOCATE_CSV_HEADER);
    const issues: Issue[] = [];
    const answers = new Map<number, LocateReply>();
    let next = 0;
    let written = 0;
    await new Promise<void>((resolve, reject) => {
      const flush = () => {
        for (let a = answers.get(written); a !== undefined; a = answers.get(written)) {
          answers.delete(written);
          written++;
          issues.push(...a.issues);
          rows += a.rows;
          if (issues.length === 0 && a.out.length > 0) writeSync(fd, a.out);
          bar.update(rows);
        }
        if (written === pieces.length) resolve();
      };
      const feed = (w: (typeof workers)[number]) => {
        if (next >= pieces.length) return;
        const p = pieces[next]!;
        const piece = buffer.subarray(p.start, p.end);
        const job: LocateJob = { seq: next++, piece: new Uint8Array(piece), firstLine: p.firstLine };
        w.postMessage(job, [job.piece.buffer as ArrayBuffer]);
      };
      for (const w of workers) {
        w.on('message', (a: LocateReply) => {
          answers.set(a.seq, a);
          feed(w);
          flush();
        });
        w.on('error', reject);
        // Two pieces in hand, so a worker never waits for the main thread between them.
        feed(w);
        feed(w);
      }
    });
    if (issues.length > 0) throw badRows(issues, opts.name);
    closeSync(fd);
    open = false;
    await deliverAnswers(tmp, opts.output, rows);
  } finally {
    bar.stop();
    if (open) closeSync(fd);
    rmSync(tmp, { force: true });
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
