/**
 * @module worker-pool
 * A pool of worker threads that answer jobs with JSON text (worker-jobs is the other end). Jobs wait
 * in one FIFO queue and go to the worker with the fewest jobs in hand; a worker may hold several at
 * once (`jobsPerWorker`), so it never sits idle waiting for the main thread to hand it the next one.
 * A crashed worker fails only the jobs it held and is restarted on the next job.
 */
import type { Worker } from 'node:worker_threads';
import { CasusError, type CasusErrorCode, type Issue } from '../domain/errors.js';
import type { AnswerArena } from './answer-arena.js';
import { startModuleWorker } from './module-worker.js';

/** A job as sent to a worker; `slot` is the arena slot its answer may be written into (-1: none). */
export interface WorkerJob<Input> {
  readonly id: number;
  readonly input: Input;
  readonly slot: number;
}

/** A worker's answer: JSON text, its length in the job's arena slot, or the error as data (classes do not cross threads). */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly json: string }
  | { readonly id: number; readonly ok: true; readonly bytes: number }
  | { readonly id: number; readonly ok: false; readonly error: { readonly code: CasusErrorCode; readonly message: string; readonly issues: readonly Issue[] } };

/** An answer as the pool hands it over: text, or bytes in the arena, valid until `release()`. */
export type PoolAnswer = { readonly text: string } | { readonly bytes: Buffer; readonly release: () => void };

/** Runs jobs off the main thread. */
export interface WorkerPool<Input> {
  run(input: Input): Promise<string>;
  /** Like run, but an answer that fits a free arena slot comes back as bytes there (text otherwise). */
  answer(input: Input): Promise<PoolAnswer>;
  /** Jobs handed to a worker or waiting for one. */
  readonly pending: number;
  /**
   * Starts every worker now rather than on its first job; resolves once each has loaded and can
   * answer, rejects if one fails to start.
   */
  warm(): Promise<void>;
  /** Fails the jobs not yet answered and stops the workers. */
  close(): Promise<void>;
}

/** How a pool runs. */
export interface WorkerPoolOptions {
  /** Worker threads (at least 1). */
  readonly size: number;
  /** Jobs a worker holds at once (default 1). */
  readonly jobsPerWorker?: number;
  /** Names the workers in errors: "the zones worker stopped". */
  readonly name: string;
  /** Shared slots the workers write their answers into (`answer()`); none: answers come as text. */
  readonly arena?: AnswerArena;
}

interface Task<Input> {
  readonly id: number;
  readonly input: Input;
  /** Wants its answer in an arena slot if one is free when the job goes to a worker. */
  readonly inArena: boolean;
  /** The arena slot it was given (-1: none). */
  slot: number;
  resolve(answer: PoolAnswer): void;
  reject(error: unknown): void;
}

interface Slot<Input> {
  worker: Worker | undefined;
  /** Settles when the worker says it is ready, or fails before it is. */
  started: Promise<void> | undefined;
  readonly held: Map<number, Task<Input>>;
}

/** The message a worker sends once, when it has loaded and can answer jobs. */
export const WORKER_READY = 'ready';

/**
 * Starts a pool of workers running `url` (a module that calls `answerJobs`), each spawned on its first job.
 * @example const pool = createWorkerPool<ZonesQuery>(new URL('./zones-worker.js', import.meta.url), { size: 1, name: 'zones' })
 */
export function createWorkerPool<Input>(url: URL, options: WorkerPoolOptions): WorkerPool<Input> {
  const perWorker = Math.max(1, options.jobsPerWorker ?? 1);
  const slots: Slot<Input>[] = Array.from({ length: Math.max(1, options.size) }, () => ({ worker: undefined, started: undefined, held: new Map() }));
  const waiting: Task<Input>[] = [];
  let nextId = 1;
  let closed = false;

  const arena = options.arena;
  // A job that will never be answered gives its arena slot back.
  const fail = (task: Task<Input>, error: unknown) => {
    if (task.slot >= 0) arena?.release(task.slot);
    task.reject(error);
  };

  const spawn = (slot: Slot<Input>): Worker => {
    const worker = startModuleWorker(url, arena ? { workerData: { arena: { memory: arena.memory, slotBytes: arena.slotBytes } } } : {});
    // The HTTP server keeps the process alive while it serves; an idle worker must not.
    worker.unref();
    let ready: () => void = () => undefined;
    let failed: (error: unknown) => void = () => undefined;
    slot.started = new Promise<void>((resolve, reject) => ((ready = resolve), (failed = reject)));
    // Nobody may be waiting for the start; a failure then shows as the jobs' own errors.
    slot.started.catch(() => undefined);
    worker.on('message', (reply: WorkerReply | typeof WORKER_READY) => {
      if (reply === WORKER_READY) return ready();
      const task = slot.held.get(reply.id);
      if (!task) return;
      slot.held.delete(reply.id);
      const given = task.slot;
      if (reply.ok && 'bytes' in reply) task.resolve({ bytes: arena!.view(given, reply.bytes), release: () => arena!.release(given) });
      else if (reply.ok) {
        if (given >= 0) arena?.release(given);
        task.resolve({ text: reply.json });
      }
      // An unexpected failure stays a plain Error, so the server logs its stack and the client sees none of it.
      else if (reply.error.code === 'internal') fail(task, new Error(`${options.name} worker: ${reply.error.message}`));
      else fail(task, new CasusError(reply.error.code, reply.error.message, { issues: reply.error.issues }));
      dispatch();
    });
    const stopped = (error: unknown) => {
      failed(new CasusError('internal', `the ${options.name} worker could not start: ${error instanceof Error ? error.message : String(error)}`, { cause: error }));
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const lost = [...slot.held.values()];
      slot.held.clear();
      for (const task of lost) fail(task, new CasusError('internal', `the ${options.name} worker stopped`, { cause: error }));
      dispatch();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`exit code ${code}`)));
    return worker;
  };

  const dispatch = () => {
    while (!closed && waiting.length > 0) {
      let slot: Slot<Input> | undefined;
      for (const s of slots) if (s.held.size < perWorker && (!slot || s.held.size < slot.held.size)) slot = s;
      if (!slot) return;
      const task = waiting.shift()!;
      // Taken only now, so slots go to jobs a worker holds, not to a long queue.
      if (task.inArena && arena) task.slot = arena.acquire();
      slot.held.set(task.id, task);
      slot.worker ??= spawn(slot);
      const job: WorkerJob<Input> = { id: task.id, input: task.input, slot: task.slot };
      slot.worker.postMessage(job);
    }
  };

  const submit = (input: Input, inArena: boolean): Promise<PoolAnswer> => {
    if (closed) return Promise.reject(new CasusError('internal', `the ${options.name} pool is closed`));
    return new Promise<PoolAnswer>((resolve, reject) => {
      waiting.push({ id: nextId++, input, inArena, slot: -1, resolve, reject });
      dispatch();
    });
  };

  return {
    run: (input) => submit(input, false).then((answer) => ('text' in answer ? answer.text : answer.bytes.toString())),
    answer: (input) => submit(input, true),
    get pending() {
      let held = 0;
      for (const slot of slots) held += slot.held.size;
      return held + waiting.length;
    },
    async warm() {
      if (closed) return;
      for (const slot of slots) slot.worker ??= spawn(slot);
      await Promise.all(slots.map((slot) => slot.started ?? Promise.resolve()));
    },
    async close() {
      closed = true;
      const stopping = new CasusError('internal', 'the server is shutting down');
      for (const task of waiting.splice(0)) fail(task, stopping);
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = undefined;
          for (const task of slot.held.values()) fail(task, stopping);
          slot.held.clear();
          await worker?.terminate();
        }),
      );
    },
  };
}
