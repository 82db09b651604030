/**
 * @module zones-service
 * GET /v1/zones without blocking the server: answers from a cache keyed by every input (treaty,
 * provision, date, reading, attacker, resolution), shares one computation between identical
 * requests in flight, and refuses new work when the queue is full instead of letting it pile up.
 */
import type { ZonesQuery } from '../domain/zones/index.js';
import type { Reading } from '../domain/territory/index.js';
import { createZonesPool, type ZonesPool } from './zones-pool.js';

/** A zones request with its defaults resolved, so equal requests share one cache key. */
export interface ZonesRequest {
  readonly treaty: string;
  readonly provision: string;
  readonly date: string;
  readonly reading: Reading;
  readonly cellDeg: number;
  readonly attacker?: string | undefined;
}

/** The answer: GeoJSON text, or "busy" as data (the route makes it a 503). */
export type ZonesAnswer = { readonly kind: 'ready'; readonly json: string; readonly cached: boolean } | { readonly kind: 'busy'; readonly pending: number };

/** Zones, cached and queued. */
export interface ZonesService {
  zones(request: ZonesRequest): Promise<ZonesAnswer>;
  /** Counters for tests and logs. */
  stats(): { readonly computed: number; readonly hits: number; readonly pending: number };
  close(): Promise<void>;
}

/** Tuning. */
export interface ZonesServiceOptions {
  /** Worker threads (default 1). */
  readonly workers?: number;
  /** Distinct computations running or waiting before new ones get "busy" (default 4). */
  readonly maxPending?: number;
  /** Answers kept (default 64; a 0.1° answer is about 0.6 MB). */
  readonly cacheEntries?: number;
  /** Replaces the worker pool (tests). */
  readonly pool?: ZonesPool;
}

/**
 * Builds the service; workers start on the first uncached request.
 * @example const answer = await createZonesService().zones({ treaty: 'nato', provision: 'art-5', date: '2024-06-01', reading: 'recognized', cellDeg: 1 })
 */
export function createZonesService(options: ZonesServiceOptions = {}): ZonesService {
  const pool = options.pool ?? createZonesPool(options.workers ?? 1);
  const maxPending = options.maxPending ?? 4;
  const cacheEntries = options.cacheEntries ?? 64;
  const cache = new Map<string, string>();
  const inFlight = new Map<string, Promise<string>>();
  let computed = 0;
  let hits = 0;

  return {
    async zones(request) {
      const key = JSON.stringify([request.treaty, request.provision, request.date, request.reading, request.attacker ?? null, request.cellDeg]);
      const hit = cache.get(key);
      if (hit !== undefined) {
        hits++;
        // Least recently used goes first: re-insert on every hit.
        cache.delete(key);
        cache.set(key, hit);
        return { kind: 'ready', json: hit, cached: true };
      }
      let running = inFlight.get(key);
      if (!running) {
        if (inFlight.size >= maxPending) return { kind: 'busy', pending: inFlight.size };
        const query: ZonesQuery = { treaty: request.treaty, provision: request.provision, date: request.date, reading: request.reading, cellDeg: request.cellDeg, attacker: request.attacker };
        running = pool.run(query).finally(() => inFlight.delete(key));
        inFlight.set(key, running);
        running.then(
          (json) => {
            computed++;
            cache.set(key, json);
            for (const old of cache.keys()) {
              if (cache.size <= cacheEntries) break;
              cache.delete(old);
            }
          },
          () => undefined,
        );
      }
      return { kind: 'ready', json: await running, cached: false };
    },
    stats: () => ({ computed, hits, pending: inFlight.size }),
    close: () => pool.close(),
  };
}
