/**
 * The answer cache keeps a body's answer only the second time the body is seen, copies what it keeps
 * (the bytes offered may be shared memory about to be reused), and drops the oldest answers first
 * once its byte limit is reached.
 */
import { describe, expect, it } from 'vitest';
import { createAnswerCache } from '../src/api/answer-cache.js';

describe('answer cache', () => {
  it('keeps an answer the second time its key is offered, as a copy', () => {
    const cache = createAnswerCache({ maxBytes: 100 });
    const shared = Buffer.from('answer');
    cache.offer('k', shared);
    expect(cache.get('k')).toBeUndefined();
    cache.offer('k', shared);
    shared.write('reused');
    expect(cache.get('k')?.toString()).toBe('answer');
    expect(cache.bytes).toBe(6);
  });

  it('drops the oldest answers to stay within its byte limit, and keeps nothing at 0', () => {
    const cache = createAnswerCache({ maxBytes: 10 });
    for (const key of ['a', 'b', 'c']) for (let seen = 0; seen < 2; seen++) cache.offer(key, Buffer.alloc(4, key));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.toString()).toBe('bbbb');
    expect(cache.get('c')?.toString()).toBe('cccc');
    expect(cache.bytes).toBe(8);
    const none = createAnswerCache({ maxBytes: 0 });
    none.offer('a', Buffer.from('x'));
    none.offer('a', Buffer.from('x'));
    expect(none.get('a')).toBeUndefined();
  });

  it('forgets a key seen once when a later key takes its slot, so distinct bodies never fill it', () => {
    const cache = createAnswerCache({ maxBytes: 1000, doorkeeper: 1 });
    for (const key of ['a', 'b', 'a']) cache.offer(key, Buffer.from(key));
    expect(cache.get('a')).toBeUndefined();
    const wide = createAnswerCache({ maxBytes: 1000 });
    for (let i = 0; i < 10_000; i++) wide.offer(`body ${i}`, Buffer.from('answer'));
    expect(wide.bytes).toBeLessThan(100 * 6);
  });
});
