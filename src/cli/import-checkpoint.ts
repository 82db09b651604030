/**
 * @module import-checkpoint
 * Where an import stands, written after every piece is committed (`<out>.checkpoint.json`, replaced
 * atomically by rename): the input offset and line to go on from, the bytes of output and rejects that
 * belong to the committed rows, the counts so far and the dataset. A run killed at any moment (Ctrl-C,
 * kill -9) resumes from it: the output files are cut back to those bytes, the dataset's findings from
 * that line on are deleted, and reading starts at that offset — no row lost, none twice.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { CasusError } from '../domain/errors.js';
import type { ImportSetup } from './import-setup.js';
import type { ImportCounts } from './import-summary.js';

/** The checkpoint. */
export interface Checkpoint {
  readonly version: 1;
  readonly input: { readonly path: string; readonly size: number; readonly mtimeMs: number };
  readonly setup: ImportSetup;
  readonly out: string;
  readonly rejects: string;
  readonly datasetId: string | null;
  readonly offset: number;
  readonly line: number;
  readonly outBytes: number;
  readonly rejectBytes: number;
  readonly counts: ImportCounts;
}

/** The checkpoint file of an output. */
export const checkpointPath = (out: string) => `${out}.checkpoint.json`;

/** Writes the checkpoint atomically. */
export function saveCheckpoint(cp: Checkpoint): void {
  const path = checkpointPath(cp.out);
  writeFileSync(`${path}.tmp`, JSON.stringify(cp));
  renameSync(`${path}.tmp`, path);
}

/** Reads the checkpoint left for `out`, checking it still matches `input`. */
export function loadCheckpoint(out: string, input: string): Checkpoint {
  const path = checkpointPath(out);
  if (!existsSync(path)) throw new CasusError('invalid-input', `--resume: nothing to resume for ${out} (no ${path}); run without --resume to start`);
  const cp = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
  const st = statSync(input);
  if (cp.version !== 1 || st.size !== cp.input.size || Math.round(st.mtimeMs) !== Math.round(cp.input.mtimeMs))
    throw new CasusError('invalid-input', `--resume: ${input} is not the file the interrupted run read (size or modification time changed); delete ${path} and start again`);
  return cp;
}

/** Removes the checkpoint once the run is complete. */
export function clearCheckpoint(out: string): void {
  rmSync(checkpointPath(out), { force: true });
}
