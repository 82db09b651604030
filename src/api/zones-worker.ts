/**
 * @module zones-worker
 * The worker thread behind GET /v1/zones: loads the knowledge base once, then answers each job with
 * the zones as a JSON string (a string crosses threads far cheaper than a cloned object tree).
 */
import { parentPort } from 'node:worker_threads';
import { CasusError } from '../domain/errors.js';
import { provisionZones, type ZonesQuery } from '../domain/zones/index.js';
import { loadKnowledge } from '../knowledge/index.js';
import type { ZonesJob, ZonesReply } from './zones-pool.js';

const knowledge = loadKnowledge();
const port = parentPort;
if (!port) throw new Error('zones-worker must run as a worker thread');

port.on('message', (job: ZonesJob) => {
  let reply: ZonesReply;
  try {
    const query: ZonesQuery = { ...job.query };
    reply = { id: job.id, ok: true, json: JSON.stringify(provisionZones(knowledge, query)) };
  } catch (error) {
    reply =
      error instanceof CasusError
        ? { id: job.id, ok: false, error: { code: error.code, message: error.message, issues: error.issues } }
        : { id: job.id, ok: false, error: { code: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error), issues: [] } };
  }
  port.postMessage(reply);
});
