/**
 * @module import-worker
 * A worker thread of `casus import`: loads the knowledge base once, then turns pieces of the input
 * into results (import-piece) until the main thread closes it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CasusError } from '../domain/errors.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { processPiece } from './import-piece.js';
import { pieceContext, type ImportSetup } from './import-setup.js';

/** A job: one piece and the line it starts on. */
export interface PieceJob {
  readonly seq: number;
  readonly piece: Uint8Array;
  readonly firstLine: number;
}

const port = parentPort!;
try {
  // On demand: a worker reads the territory index's edges only where its events are (each worker
  // reading all 140 MB of it put a million-row import over 1 GiB).
  const ctx = pieceContext(workerData as ImportSetup, loadKnowledge(undefined, { geometry: 'on-demand' }));
  port.on('message', (job: PieceJob) => {
    try {
      port.postMessage({ seq: job.seq, ok: true, result: processPiece(ctx, job.piece, job.firstLine) });
    } catch (error) {
      port.postMessage({ seq: job.seq, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  port.postMessage({ ready: true, slots: ctx.plan.slots });
} catch (error) {
  const e = error instanceof CasusError ? { code: error.code, message: error.message, issues: error.issues } : { code: 'internal', message: String(error), issues: [] };
  port.postMessage({ ready: false, error: e });
}
