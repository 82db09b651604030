/**
 * @module answer-cache
 * Answers of requests asked more than once, as the bytes written to the socket. An assessment depends
 * only on its request and on the knowledge base, which is loaded once per server, so the same body
 * always gets the same bytes: a dashboard polling one incident, or many readers of one news story,
 * are answered without a worker. A body is kept only the second time it is seen within the last
 * `doorkeeper` distinct bodies, so a stream of distinct incidents (an import, a simulation) copies
 * nothing; the oldest answers go first once `maxBytes` is reached.
 */

/** Answers by request key. */
export interface AnswerCache {
  get(key: string): Buffer | undefined;
  /** Offers the answer to `key` (copied when kept: `bytes` may be a view of memory about to be reused). */
  offer(key: string, bytes: Buffer): void;
  /** Bytes held. */
  readonly bytes: number;
}

/** How much to keep. */
export interface AnswerCacheOptions {
  /** Answers kept, in bytes, at most (0: keep nothing). */
  readonly maxBytes: number;
  /** Distinct keys remembered as seen once (default 4,096). */
  readonly doorkeeper?: number;
}

/**
 * Builds an empty cache.
 * @example const cache = createAnswerCache({ maxBytes: 32 * 1024 * 1024 })
 */
export function createAnswerCache(options: AnswerCacheOptions): AnswerCache {
  const kept = new Map<string, Buffer>();
  const seenLimit = options.doorkeeper ?? 4096;
  let seen = new Set<string>();
  let held = 0;
  return {
    get: (key) => kept.get(key),
    offer(key, bytes) {
      if (options.maxBytes <= 0 || bytes.length > options.maxBytes || kept.has(key)) return;
      if (!seen.has(key)) {
        // A fresh set when full: remembering the most recent keys is all admission needs.
        if (seen.size >= seenLimit) seen = new Set();
        seen.add(key);
        return;
      }
      seen.delete(key);
      for (const [oldKey, old] of kept) {
        if (held + bytes.length <= options.maxBytes) break;
        kept.delete(oldKey);
        held -= old.length;
      }
      kept.set(key, Buffer.from(bytes));
      held += bytes.length;
    },
    get bytes() {
      return held;
    },
  };
}
