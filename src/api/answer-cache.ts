/**
 * @module answer-cache
 * Answers of requests asked more than once, as the bytes written to the socket. An assessment depends
 * only on its request and on the knowledge base, which is loaded once per server, so the same body
 * always gets the same bytes: a dashboard polling one incident, or many readers of one news story,
 * are answered without a worker. A body is kept only the second time it is seen, so a stream of
 * distinct incidents (an import, a simulation) copies nothing; the oldest answers go first once
 * `maxBytes` is reached. What has been seen is a table of key hashes, not of keys: keeping the last
 * few thousand bodies as strings made every young-generation GC of the thread serving HTTP copy them
 * (3 ms pauses under 2,000 distinct incidents a second).
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
  /** Slots of the seen-once table, a power of two (default 4,096); a later key may take an earlier one's slot. */
  readonly doorkeeper?: number;
}

/**
 * Builds an empty cache.
 * @example const cache = createAnswerCache({ maxBytes: 32 * 1024 * 1024 })
 */
export function createAnswerCache(options: AnswerCacheOptions): AnswerCache {
  const kept = new Map<string, Buffer>();
  const seen = new Int32Array(options.doorkeeper ?? 4096);
  const mask = seen.length - 1;
  let held = 0;
  return {
    get: (key) => kept.get(key),
    offer(key, bytes) {
      if (options.maxBytes <= 0 || bytes.length > options.maxBytes || kept.has(key)) return;
      const hash = hashOf(key);
      if (seen[hash & mask] !== hash) {
        seen[hash & mask] = hash;
        return;
      }
      // Two keys of one hash: the second is kept on its first sighting, which costs only memory.
      seen[hash & mask] = 0;
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

/** FNV-1a over the UTF-16 units, never 0 (0 marks an empty slot). */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0 || 1;
}
