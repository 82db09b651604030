/**
 * @module import-run
 * `casus import` end to end: read the input in pieces, assess them in worker threads, and commit the
 * answers in input order — store the findings, append the output and rejects, save the checkpoint —
 * then write the summary and mark the dataset complete.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, ftruncateSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { CasusError } from '../domain/errors.js';
import { completeDataset, createDataset, deleteDatasetFindingsFrom, insertDatasetFindings, openDatabase, type Database } from '../storage/index.js';
import { checkpointPath, clearCheckpoint, loadCheckpoint, saveCheckpoint, type Checkpoint } from './import-checkpoint.js';
import { inputPieces } from './import-input.js';
import { OUTPUT_COLUMNS, REJECT_COLUMNS, type PieceResult } from './import-piece.js';
import { startImportPool } from './import-pool.js';
import { formatOf, type ImportSetup } from './import-setup.js';
import { addCounts, emptyCounts, renderSummary, summarize, type ImportSummary } from './import-summary.js';
import { fieldIndex } from '../importers/index.js';
import { rowProgress } from './progress.js';

/** A run's settings, checked by the command. */
export interface ImportRun {
  readonly input: string;
  readonly out: string;
  readonly rejects: string;
  /** The setup without the header (read from the file). */
  readonly setup: Omit<ImportSetup, 'header'>;
  readonly resume: boolean;
  readonly workers: number;
  readonly quiet: boolean;
  readonly name: string;
}

/** What a finished run reports. */
export interface ImportResult {
  readonly summary: ImportSummary;
  readonly datasetId: string | null;
  readonly seconds: number;
}

/** Runs an import. */
export async function runImport(run: ImportRun): Promise<ImportResult> {
  const started = performance.now();
  const input = resolve(run.input);
  if (!existsSync(input) || !statSync(input).isFile()) throw new CasusError('invalid-input', `FILE: expected a readable file; got ${JSON.stringify(run.input)} (no such file)`);
  const cp: Checkpoint | undefined = run.resume ? loadCheckpoint(run.out, input) : undefined;
  if (!run.resume && existsSync(checkpointPath(run.out)))
    throw new CasusError('invalid-input', `${run.out}: an interrupted import left ${checkpointPath(run.out)}; continue it with --resume, or delete that file to start again`);
  const setupBase = cp ? cp.setup : run.setup;
  const out = cp ? cp.out : run.out;
  const rejectsPath = cp ? cp.rejects : run.rejects;
  const size = statSync(input).size;

  let readBytes = 0; // of the file as stored (compressed, for gzip): what the progress bar counts
  const pieces = inputPieces(input, { from: cp?.offset ?? 0, onRead: (n) => (readBytes = n) });
  const first = await pieces.next();
  if (first.done || first.value.kind !== 'header') throw new CasusError('invalid-input', `${run.input} is empty; expected a header row`);
  const header = first.value.header;
  const setup: ImportSetup = { ...setupBase, header, file: run.input };
  fieldIndex(header, formatOf(setup), run.input); // a file that is not the declared format stops here, before anything is written
  if (cp && JSON.stringify(cp.setup.header) !== JSON.stringify(header)) throw new CasusError('invalid-input', `--resume: the header of ${run.input} changed since the interrupted run`);

  const pool = await startImportPool(setup, run.workers);
  let db: Kysely<Database> | undefined;
  let outFd = -1;
  let rejectFd = -1;
  const bar = rowProgress('importing', size, run.quiet);
  const counts = cp ? cp.counts : emptyCounts(pool.slots.length);
  let state = { offset: cp?.offset ?? first.value.end, line: cp?.line ?? 2, outBytes: cp?.outBytes ?? 0, rejectBytes: cp?.rejectBytes ?? 0 };
  let datasetId = cp ? cp.datasetId : null;
  let save: ((force?: boolean) => void) | undefined;
  const onSignal = () => {
    save?.(true);
    bar.stop();
    process.stderr.write(`\ncasus: interrupted after line ${state.line - 1}; continue with the same command and --resume\n`);
    process.exit(130);
  };
  try {
    if (setup.store) {
      db = await openDatabase(process.env);
      if (datasetId !== null) await deleteDatasetFindingsFrom(db, datasetId, state.line);
      else {
        datasetId = `ds-${randomUUID().slice(0, 8)}`;
        await createDataset(db, { id: datasetId, name: run.name, format: setup.format, source: basename(input) });
      }
    }
    if (cp) {
      outFd = openSync(out, 'r+');
      ftruncateSync(outFd, state.outBytes);
      closeSync(outFd);
      rejectFd = openSync(rejectsPath, 'r+');
      ftruncateSync(rejectFd, state.rejectBytes);
      closeSync(rejectFd);
      outFd = openSync(out, 'a');
      rejectFd = openSync(rejectsPath, 'a');
    } else {
      outFd = openSync(out, 'w');
      rejectFd = openSync(rejectsPath, 'w');
      if (setup.output === 'csv') state.outBytes += writeSync(outFd, stringify([[...OUTPUT_COLUMNS]]));
      state.rejectBytes += writeSync(rejectFd, stringify([[...REJECT_COLUMNS]]));
    }
    const mtimeMs = statSync(input).mtimeMs;
    let savedAt = 0;
    // Any checkpoint is a correct place to resume from (what follows it is cut back or deleted), so it
    // is saved at most five times a second rather than after every piece, and once more on Ctrl-C.
    save = (force = false) => {
      if (!force && performance.now() - savedAt < 200) return;
      saveCheckpoint({ version: 1, input: { path: input, size, mtimeMs }, setup, out, rejects: rejectsPath, datasetId, ...state, counts });
      savedAt = performance.now();
    };
    save(true);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);

    const commit = async (r: PieceResult, end: number, nextLine: number) => {
      if (db && datasetId !== null) await insertDatasetFindings(db, datasetId, r.stored);
      const outBytes = state.outBytes + (r.out.length > 0 ? writeSync(outFd, r.out) : 0);
      const rejectBytes = state.rejectBytes + (r.rejects.length > 0 ? writeSync(rejectFd, r.rejects) : 0);
      addCounts(counts, r.counts);
      state = { offset: end, line: nextLine, outBytes, rejectBytes };
      save?.();
      bar.update(readBytes, counts.rows);
    };

    // At most a few pieces in flight per worker: memory stays flat however large the file.
    const maxInFlight = run.workers * 3;
    let inFlight = 0;
    let wake: (() => void) | undefined;
    let chain: Promise<void> = Promise.resolve();
    let failed: unknown;
    const dispatch = (p: { piece: Buffer; firstLine: number; nextLine: number; end: number }) => {
      inFlight++;
      const answer = pool.run(p.piece, p.firstLine);
      answer.catch(() => undefined);
      chain = chain
        .then(async () => commit(await answer, p.end, p.nextLine))
        .catch((error: unknown) => {
          failed ??= error;
        })
        .finally(() => {
          inFlight--;
          wake?.();
        });
    };
    for await (const item of pieces) {
      if (failed) break;
      if (item.kind !== 'piece') continue;
      dispatch(item);
      while (inFlight >= maxInFlight && !failed) await new Promise<void>((r) => (wake = r));
    }
    await chain;
    if (failed) throw failed instanceof Error ? failed : new Error('the import failed');

    const summary = summarize(counts, { slots: pool.slots });
    writeFileSync(`${out}.summary.json`, JSON.stringify({ input: basename(input), format: setup.format, dataset: datasetId, ...summary }, null, 2) + '\n');
    if (db && datasetId !== null) await completeDataset(db, datasetId, counts.rows, summary);
    clearCheckpoint(out);
    bar.stop();
    if (!run.quiet) process.stderr.write(renderSummary(summary) + `wrote ${out}, ${rejectsPath}, ${out}.summary.json${datasetId ? `; stored as dataset ${datasetId}` : ''}\n`);
    return { summary, datasetId, seconds: (performance.now() - started) / 1000 };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    bar.stop();
    if (outFd >= 0) closeSync(outFd);
    if (rejectFd >= 0) closeSync(rejectFd);
    await pool.close();
    await db?.destroy();
  }
}
