/**
 * @module zones-pool
 * A small pool of zones worker threads (one by default: the grid is CPU-bound and the machine is
 * shared). Jobs wait in a FIFO queue; a crashed worker fails only its own job and is restarted on
 * the next one. The caller bounds the queue (zones-service).
 */
import type { Worker } from 'node:worker_threads';
import { CasusError, type CasusErrorCode, type Issue } from '../domain/errors.js';
import type { ZonesQuery } from '../domain/zones/index.js';
import { startModuleWorker } from './module-worker.js';

/** A job sent to a worker. */
export interface ZonesJob {
  readonly id: number;
  readonly query: ZonesQuery;
}

/** A worker's answer: the GeoJSON text, or the error as data (classes do not cross threads). */
export type ZonesReply =
  | { readonly id: number; readonly ok: true; readonly json: string }
  | { readonly id: number; readonly ok: false; readonly error: { readonly code: CasusErrorCode; readonly message: string; readonly issues: readonly Issue[] } };

/** Runs zones jobs off the main thread. */
export interface ZonesPool {
  run(query: ZonesQuery): Promise<string>;
  /** Fails waiting jobs and stops the workers. */
  close(): Promise<void>;
}

interface Task {
  readonly job: ZonesJob;
  resolve(json: string): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker | undefined;
  task: Task | undefined;
}

/**
 * Starts a pool of `size` workers, each spawned on its first job.
 * @example const pool = createZonesPool(); const json = await pool.run({ treaty: 'nato', provision: 'art-5', date: '2024-06-01' })
 */
export function createZonesPool(size = 1): ZonesPool {
  const slots: Slot[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: undefined, task: undefined }));
  const waiting: Task[] = [];
  let nextId = 1;
  let closed = false;

  const spawn = (slot: Slot): Worker => {
    const worker = startModuleWorker(new URL('./zones-worker.js', import.meta.url));
    // The HTTP server keeps the process alive while it serves; an idle worker must not.
    worker.unref();
    worker.on('message', (reply: ZonesReply) => {
      if (slot.task?.job.id !== reply.id) return;
      const task = slot.task;
      slot.task = undefined;
      if (reply.ok) task.resolve(reply.json);
      else task.reject(new CasusError(reply.error.code, reply.error.message, { issues: reply.error.issues }));
      dispatch();
    });
    const fail = (error: unknown) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const task = slot.task;
      slot.task = undefined;
      task?.reject(new CasusError('internal', 'the zones worker stopped', { cause: error }));
      dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
    return worker;
  };

  const dispatch = () => {
    if (closed) return;
    for (const slot of slots) {
      if (slot.task || waiting.length === 0) continue;
      const task = waiting.shift()!;
      slot.task = task;
      slot.worker ??= spawn(slot);
      slot.worker.postMessage(task.job);
    }
  };

  return {
    run(query) {
      if (closed) return Promise.reject(new CasusError('internal', 'the zones pool is closed'));
      return new Promise<string>((resolve, reject) => {
        waiting.push({ job: { id: nextId++, query }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const task of waiting.splice(0)) task.reject(new CasusError('internal', 'the server is shutting down'));
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = undefined;
          slot.task?.reject(new CasusError('internal', 'the server is shutting down'));
          slot.task = undefined;
          await worker?.terminate();
        }),
      );
    },
  };
}
