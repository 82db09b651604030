/**
 * @module worker-jobs
 * The worker's end of worker-pool: answers each job with JSON text (written into the job's arena
 * slot when the pool has an arena and the text fits), and a failure as data (a
 * CasusError keeps its code, message and issues; anything else is an internal error with its stack,
 * which the main thread logs and never sends to a client).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CasusError } from '../domain/errors.js';
import { arenaWriter } from './answer-arena.js';
import { WORKER_READY, type WorkerJob, type WorkerReply } from './worker-pool.js';

/**
 * Answers the jobs the pool sends this worker, and tells the pool it is ready. `answer` returns the
 * JSON text of one job; when the job came with an arena slot, `answer` gets it and may instead write
 * the answer's UTF-8 there itself and return how many bytes it wrote.
 * @example answerJobs<ZonesQuery>((query) => JSON.stringify(provisionZones(knowledge, query)))
 */
export function answerJobs<Input>(answer: (input: Input, slot: Buffer | undefined) => string | number): void {
  const port = parentPort;
  if (!port) throw new Error('this module must run as a worker thread (see worker-pool)');
  const shared = (workerData as { arena?: { memory: SharedArrayBuffer; slotBytes: number } } | null)?.arena;
  const arena = shared ? arenaWriter(shared.memory, shared.slotBytes) : undefined;
  port.on('message', (job: WorkerJob<Input>) => {
    let reply: WorkerReply;
    try {
      const slot = arena && job.slot >= 0 ? arena.slot(job.slot) : undefined;
      const given = answer(job.input, slot);
      const bytes = typeof given === 'number' ? given : slot ? arena!.write(job.slot, given) : undefined;
      reply = bytes !== undefined ? { id: job.id, ok: true, bytes } : { id: job.id, ok: true, json: given as string };
    } catch (error) {
      reply =
        error instanceof CasusError
          ? { id: job.id, ok: false, error: { code: error.code, message: error.message, issues: error.issues } }
          : { id: job.id, ok: false, error: { code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error), issues: [] } };
    }
    port.postMessage(reply);
  });
  // Whatever the module loaded before calling this (the knowledge base) is ready now.
  port.postMessage(WORKER_READY);
}
