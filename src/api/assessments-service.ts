/**
 * @module assessments-service
 * POST /v1/assessments off the main thread: a pool of assessment workers (one per core, from 1 to 4)
 * with a bounded queue, so a burst gets 503 `busy` instead of an ever longer wait.
 * With `workers: 0` the assessment runs on the calling thread (a one-core machine, or a test).
 * A body as it came off the socket (`answerRaw`) is parsed and validated by the worker too, its
 * answer comes back as bytes in shared memory (answer-arena), and a body asked for again is answered
 * from the answer cache without a worker.
 */
import { availableParallelism } from 'node:os';
import type { Assessment, AssessOptions, Incident } from '../domain/assessment/index.js';
import { assessIncident, loadKnowledge, type Knowledge } from '../knowledge/index.js';
import { createAnswerArena } from './answer-arena.js';
import { createAnswerCache } from './answer-cache.js';
import { parseAssessment, type RawAssessment } from './assessment-request.js';
import { createWorkerPool, type WorkerPool } from './worker-pool.js';

/** One assessment to run: the incident and which treaties and readings to assess it under. */
export interface AssessmentRequest {
  readonly incident: Incident;
  readonly options: AssessOptions;
  /** `summary`: only which provisions, which status, under which reading (docs/json.md#summary-view). */
  readonly view?: 'full' | 'summary';
}

/** What an assessment worker is given: a validated request (from the route), or a raw body. */
export type AssessmentJob = AssessmentRequest | RawAssessment;

/** The answer: the answer object (docs/json.md) as JSON text, or "busy" as data (the route makes it a 503). */
export type AssessmentAnswer = { readonly kind: 'ready'; readonly json: string } | { readonly kind: 'busy'; readonly pending: number };

/** The answer to a raw body: its bytes (or text), with `release()` to call once they are written; or busy. */
export type RawAnswer = { readonly kind: 'ready'; readonly body: Buffer | string; readonly release: () => void } | { readonly kind: 'busy'; readonly pending: number };

/** Assessments, queued. */
export interface AssessmentsService {
  assess(request: AssessmentRequest): Promise<AssessmentAnswer>;
  /** Answers a body as it came off the socket; a bad body rejects with the route's CasusError. */
  answerRaw(raw: RawAssessment): Promise<RawAnswer>;
  /** The answer to a body already answered and kept in the answer cache, at once. */
  cached(raw: RawAssessment): Buffer | undefined;
  /** Worker threads (0: on the calling thread). */
  readonly workers: number;
  /** Resolves once every worker has loaded the knowledge base; rejects if one cannot start. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Tuning. */
export interface AssessmentsServiceOptions {
  /** Worker threads; 0 runs on the calling thread (default: one per core, from 1 to 4). */
  readonly workers?: number;
  /** Assessments running or waiting before new ones get "busy" (default 256 per worker). */
  readonly maxPending?: number;
  /** The knowledge base for `workers: 0` (each worker loads its own). */
  readonly knowledge?: Knowledge;
  /** Answers of bodies asked for more than once, kept in bytes at most (default 32 MiB; 0: none). */
  readonly answerCacheBytes?: number;
  /** Replaces the worker pool (tests). */
  readonly pool?: WorkerPool<AssessmentJob>;
}

/** The answer object (docs/json.md) for one request, as the JSON text the route writes: the worker and the in-process path both answer with this. */
export function assessmentJson(request: AssessmentRequest, knowledge?: Knowledge): string {
  return answerJson(assessIncident(request.incident, request.options, knowledge), request.view);
}

/** An answer object's JSON text in a view. */
export function answerJson(answer: Assessment, view: AssessmentRequest['view']): string {
  if (view !== 'summary') return JSON.stringify(answer);
  // The summary view: the question, where it lies, and one row per provision with its status under each reading.
  return JSON.stringify({ incident: answer.incident, location: answer.location, summary: answer.summary });
}

/**
 * The default number of assessment workers: one per core. The thread serving HTTP needs no core of
 * its own now that it only moves bytes (assessment-direct): on two cores, two workers answered
 * 2,000 distinct incidents a second with a lower p99 than one (bench/http.ts).
 */
export function defaultAssessmentWorkers(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

// Enough in hand that a worker never waits for the main thread between two jobs, few enough that a
// crash fails only a handful.
const JOBS_PER_WORKER = 16;
// A full answer is 60-75 KB; a larger one comes back as text. Slots go to the jobs workers hold and
// the answers being written, so a few per job in hand is plenty.
const SLOT_BYTES = 256 * 1024;
const SLOTS_PER_WORKER = 2 * JOBS_PER_WORKER;
const NO_RELEASE = (): void => undefined;

/** The cache key of a raw body: its view and its bytes. */
const rawKey = (raw: RawAssessment) => (raw.view === 'summary' ? `s${raw.bytes}` : `f${raw.bytes}`);

/**
 * Builds the service and starts its workers (await `ready()` before serving, so the first request does not wait for one to load).
 * @example const answer = await createAssessmentsService().assess({ incident, options: {} })
 */
export function createAssessmentsService(options: AssessmentsServiceOptions = {}): AssessmentsService {
  const workers = options.workers ?? defaultAssessmentWorkers();
  const cache = createAnswerCache({ maxBytes: options.answerCacheBytes ?? 32 * 1024 * 1024 });
  if (workers === 0 && !options.pool) {
    const knowledge = options.knowledge;
    return {
      workers: 0,
      ready: () => Promise.resolve(),
      // A failure becomes a rejection, as it would from a worker.
      assess: (request) => new Promise((resolve) => resolve({ kind: 'ready', json: assessmentJson(request, knowledge) })),
      cached: (raw) => cache.get(rawKey(raw)),
      answerRaw: (raw) =>
        new Promise((resolve) => {
          const key = rawKey(raw);
          let body = cache.get(key);
          if (!body) cache.offer(key, (body = Buffer.from(assessmentJson(parseAssessment(raw, knowledge ?? loadKnowledge()), knowledge))));
          resolve({ kind: 'ready', body, release: NO_RELEASE });
        }),
      close: () => Promise.resolve(),
    };
  }
  const arena = options.pool ? undefined : createAnswerArena(SLOTS_PER_WORKER * Math.max(1, workers), SLOT_BYTES);
  const pool =
    options.pool ??
    createWorkerPool<AssessmentJob>(new URL('./assessments-worker.js', import.meta.url), { size: workers, jobsPerWorker: JOBS_PER_WORKER, name: 'assessments', ...(arena ? { arena } : {}) });
  // Started now, so they load while the caller does its own start-up.
  const started = pool.warm();
  started.catch(() => undefined);
  const maxPending = options.maxPending ?? 256 * Math.max(1, workers);
  return {
    workers,
    ready: () => started,
    async assess(request) {
      if (pool.pending >= maxPending) return { kind: 'busy', pending: pool.pending };
      return { kind: 'ready', json: await pool.run(request) };
    },
    cached: (raw) => cache.get(rawKey(raw)),
    async answerRaw(raw) {
      const key = rawKey(raw);
      const kept = cache.get(key);
      if (kept) return { kind: 'ready', body: kept, release: NO_RELEASE };
      if (pool.pending >= maxPending) return { kind: 'busy', pending: pool.pending };
      const answer = await pool.answer(raw);
      if ('text' in answer) return { kind: 'ready', body: answer.text, release: NO_RELEASE };
      cache.offer(key, answer.bytes);
      return { kind: 'ready', body: answer.bytes, release: answer.release };
    },
    close: () => pool.close(),
  };
}
