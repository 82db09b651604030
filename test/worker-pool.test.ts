/**
 * The worker pool behind /v1/assessments and /v1/zones, with a real worker thread: answers in order
 * while several jobs are in hand, errors crossing as data (a CasusError keeps its code and issues, a
 * bug becomes a plain Error so no stack reaches a client), a crash failing only the jobs it held,
 * and close() failing what is left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAnswerArena } from '../src/api/answer-arena.js';
import { createWorkerPool, type PoolAnswer, type WorkerPool } from '../src/api/worker-pool.js';
import { CasusError } from '../src/domain/errors.js';

type Input = { say?: string; fail?: 'casus' | 'bug' | 'crash'; spinMs?: number };
const ECHO = new URL('./fixtures/workers/echo-worker.ts', import.meta.url);
let pool: WorkerPool<Input> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

describe('worker pool', () => {
  it('answers every job, several in hand per worker, and counts what is pending', async () => {
    pool = createWorkerPool<Input>(ECHO, { size: 2, jobsPerWorker: 4, name: 'echo' });
    const jobs = Array.from({ length: 20 }, (_, i) => pool!.run({ say: `w${i}`, spinMs: 2 }));
    expect(pool.pending).toBe(20);
    expect(await Promise.all(jobs)).toEqual(Array.from({ length: 20 }, (_, i) => JSON.stringify({ said: `w${i}` })));
    expect(pool.pending).toBe(0);
  }, 30_000);

  it('keeps a CasusError a CasusError, and makes a bug a plain Error', async () => {
    pool = createWorkerPool<Input>(ECHO, { size: 1, name: 'echo' });
    const refused = await pool.run({ fail: 'casus' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CasusError);
    expect(refused).toMatchObject({ code: 'invalid-input', message: 'say: expected a word', issues: [{ path: ['body', 'say'] }] });
    const bug = await pool.run({ fail: 'bug' }).catch((e: unknown) => e);
    expect(bug).toBeInstanceOf(Error);
    expect(bug).not.toBeInstanceOf(CasusError);
    expect((bug as Error).message).toMatch(/^echo worker: Error: boom/);
    expect(await pool.run({ say: 'still here' })).toBe('{"said":"still here"}');
  }, 30_000);

  it('fails only the jobs a crashed worker held, then starts a new worker', async () => {
    pool = createWorkerPool<Input>(ECHO, { size: 1, jobsPerWorker: 2, name: 'echo' });
    const crash = pool.run({ fail: 'crash' }).catch((e: unknown) => e);
    const held = pool.run({ say: 'held', spinMs: 50 }).catch((e: unknown) => e);
    const queued = pool.run({ say: 'queued' });
    expect(await crash).toMatchObject({ code: 'internal', message: 'the echo worker stopped' });
    // The job held beside the crash is lost with the worker; the one still queued runs on its successor.
    expect(await held).toMatchObject({ message: 'the echo worker stopped' });
    expect(await queued).toBe('{"said":"queued"}');
  }, 30_000);

  it('warm() resolves once every worker is ready, and rejects when one cannot start', async () => {
    pool = createWorkerPool<Input>(ECHO, { size: 2, name: 'echo' });
    await expect(pool.warm()).resolves.toBeUndefined();
    const broken = createWorkerPool<Input>(new URL('./fixtures/workers/broken-worker.ts', import.meta.url), { size: 1, name: 'broken' });
    await expect(broken.warm()).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/^the broken worker could not start: .*cannot be read/) });
    await broken.close();
  }, 30_000);

  it('close() fails the jobs not yet answered and refuses new ones', async () => {
    pool = createWorkerPool<Input>(ECHO, { size: 1, name: 'echo' });
    await pool.warm();
    const running = pool.run({ spinMs: 200 }).catch((e: unknown) => e);
    const waiting = pool.run({ say: 'never' }).catch((e: unknown) => e);
    await pool.close();
    expect(await running).toMatchObject({ message: 'the server is shutting down' });
    expect(await waiting).toMatchObject({ message: 'the server is shutting down' });
    await expect(pool.run({ say: 'late' })).rejects.toMatchObject({ message: 'the echo pool is closed' });
  }, 30_000);

  it('answers into arena slots while one is free, as text when none is, and gets every slot back', async () => {
    const arena = createAnswerArena(2, 64);
    pool = createWorkerPool<Input>(ECHO, { size: 1, jobsPerWorker: 4, name: 'echo', arena });
    const text = (a: PoolAnswer) => ('text' in a ? a.text : a.bytes.toString());
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => pool!.answer({ say: `Երևան ${i}`, spinMs: 2 })));
    expect(answers.map(text)).toEqual(Array.from({ length: 6 }, (_, i) => JSON.stringify({ said: `Երևան ${i}` })));
    // Four jobs in hand, two slots: two answers come as bytes (held until released), the rest as text.
    expect(answers.filter((a) => 'bytes' in a)).toHaveLength(2);
    expect(arena.inUse).toBe(2);
    for (const a of answers) if ('bytes' in a) a.release();
    expect(arena.inUse).toBe(0);
    // Too long for a slot: text, and the slot is free again.
    expect(text(await pool.answer({ say: 'x'.repeat(100) }))).toBe(JSON.stringify({ said: 'x'.repeat(100) }));
    // A failed or crashed job gives its slot back.
    await expect(pool.answer({ fail: 'casus' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(pool.answer({ fail: 'crash' })).rejects.toMatchObject({ message: 'the echo worker stopped' });
    expect(arena.inUse).toBe(0);
  }, 30_000);
});
