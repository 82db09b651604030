/**
 * @module import-pool
 * The worker threads of `casus import`: each piece goes to the worker with the fewest in hand; the
 * answers come back as promises, which the caller commits in input order.
 */
import { existsSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { territoryIndexFile } from '../knowledge/index.js';
import { CasusError, type CasusErrorCode, type Issue } from '../domain/errors.js';
// The API's starter knows how to run a TypeScript worker under tsx as well as compiled JavaScript.
import { startModuleWorker } from '../api/module-worker.js';
import type { StatusPlan } from '../domain/assessment/index.js';
import type { PieceResult } from './import-piece.js';
import type { ImportSetup } from './import-setup.js';

/** The pool. */
export interface ImportPool {
  /** The plan's slots (treaty × provision × reading), as the workers count them. */
  readonly slots: StatusPlan['slots'];
  run(piece: Uint8Array, firstLine: number): Promise<PieceResult>;
  close(): Promise<void>;
}

type Reply = { seq: number; ok: true; result: PieceResult } | { seq: number; ok: false; message: string };
type Ready = { ready: true; slots: StatusPlan['slots'] } | { ready: false; error: { code: CasusErrorCode; message: string; issues: Issue[] } };

/** Starts `size` workers and waits until each has loaded the knowledge base. */
export async function startImportPool(setup: ImportSetup, size: number): Promise<ImportPool> {
  const workers: { worker: Worker; held: number }[] = [];
  const waiting = new Map<number, { resolve: (r: PieceResult) => void; reject: (e: unknown) => void }>();
  let seq = 0;
  let failure: unknown;
  let slots: StatusPlan['slots'] = [];
  const fail = (error: unknown) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  const start = () => {
      // A young generation of 96 MiB (bin/casus.js gives the main thread 64 MiB semi-spaces): a piece's rows then die young
      // instead of being promoted, and the scavenges stay rare (the default cost a fifth of a worker's time).
      const worker = startModuleWorker(new URL('./import-worker.js', import.meta.url), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
      const slot = { worker, held: 0 };
      workers.push(slot);
      return new Promise<void>((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', (m: Ready) => {
          worker.off('error', reject);
          if (!m.ready) return reject(new CasusError(m.error.code, m.error.message, { issues: m.error.issues }));
          slots = m.slots;
          worker.on('message', (r: Reply) => {
            slot.held--;
            const w = waiting.get(r.seq);
            waiting.delete(r.seq);
            if (!w) return;
            if (r.ok) w.resolve(r.result);
            else w.reject(new CasusError('internal', `an import worker failed: ${r.message}`));
          });
          worker.on('error', fail);
          worker.on('exit', (code) => {
            if (code !== 0) fail(new CasusError('internal', `an import worker stopped (exit code ${code})`));
          });
          resolve();
        });
      });
  };
  // Without a territory index, the first worker builds it (about 5 s) and the others then read it.
  const firstAlone = !existsSync(territoryIndexFile());
  await (async () => {
    if (firstAlone) await start();
    await Promise.all(Array.from({ length: firstAlone ? size - 1 : size }, start));
  })().catch(async (error: unknown) => {
    await Promise.all(workers.map((w) => w.worker.terminate()));
    throw error;
  });
  return {
    slots,
    run(piece, firstLine) {
      if (failure) return Promise.reject(failure instanceof Error ? failure : new Error('an import worker failed'));
      const slot = workers.reduce((a, b) => (b.held < a.held ? b : a));
      const id = seq++;
      slot.held++;
      return new Promise<PieceResult>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // The piece's memory moves to the worker instead of being copied.
        const copy = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength ? piece : piece.slice();
        slot.worker.postMessage({ seq: id, piece: copy, firstLine }, [copy.buffer as ArrayBuffer]);
      });
    },
    async close() {
      for (const w of workers) w.worker.removeAllListeners('exit');
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
