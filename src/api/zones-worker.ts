/**
 * @module zones-worker
 * The worker thread behind GET /v1/zones: loads the knowledge base once, then answers each job with
 * the zones as a JSON string (a string crosses threads far cheaper than a cloned object tree).
 */
import { provisionZones, type ZonesQuery } from '../domain/zones/index.js';
import { loadKnowledge } from '../knowledge/index.js';
import { answerJobs } from './worker-jobs.js';

const knowledge = loadKnowledge();
answerJobs<ZonesQuery>((query) => JSON.stringify(provisionZones(knowledge, { ...query })));
