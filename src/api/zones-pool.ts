/**
 * @module zones-pool
 * The zones worker threads (one by default: the grid is CPU-bound and the machine is shared), one
 * job per worker at a time. The caller bounds the queue (zones-service).
 */
import type { ZonesQuery } from '../domain/zones/index.js';
import { createWorkerPool } from './worker-pool.js';

/** Runs zones jobs off the main thread; answers GeoJSON text. */
export interface ZonesPool {
  run(query: ZonesQuery): Promise<string>;
  /** Fails waiting jobs and stops the workers. */
  close(): Promise<void>;
}

/**
 * Starts a pool of `size` zones workers, each spawned on its first job.
 * @example const pool = createZonesPool(); const json = await pool.run({ treaty: 'nato', provision: 'art-5', date: '2024-06-01' })
 */
export function createZonesPool(size = 1): ZonesPool {
  return createWorkerPool<ZonesQuery>(new URL('./zones-worker.js', import.meta.url), { size, name: 'zones' });
}
