/**
 * @module worker-jobs
 * The worker's end of worker-pool: answers each job with JSON text (or its UTF-8 bytes, whose memory
 * moves to the main thread rather than being copied), and a failure as data (a
 * CasusError keeps its code, message and issues; anything else is an internal error with its stack,
 * which the main thread logs and never sends to a client).
 */
import { parentPort } from 'node:worker_threads';
import { CasusError } from '../domain/errors.js';
import type { WorkerJob, WorkerReply } from './worker-pool.js';

/**
 * Answers the jobs the pool sends this worker; `answer` returns the JSON of one job, as text or bytes.
 * @example answerJobs<ZonesQuery>((query) => JSON.stringify(provisionZones(knowledge, query)))
 */
export function answerJobs<Input>(answer: (input: Input) => string | Uint8Array): void {
  const port = parentPort;
  if (!port) throw new Error('this module must run as a worker thread (see worker-pool)');
  port.on('message', (job: WorkerJob<Input>) => {
    let reply: WorkerReply<string | Uint8Array>;
    try {
      const json = answer(job.input);
      if (typeof json !== 'string') {
        port.postMessage({ id: job.id, ok: true, json } satisfies WorkerReply<Uint8Array>, [json.buffer as ArrayBuffer]);
        return;
      }
      reply = { id: job.id, ok: true, json };
    } catch (error) {
      reply =
        error instanceof CasusError
          ? { id: job.id, ok: false, error: { code: error.code, message: error.message, issues: error.issues } }
          : { id: job.id, ok: false, error: { code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error), issues: [] } };
    }
    port.postMessage(reply);
  });
}
