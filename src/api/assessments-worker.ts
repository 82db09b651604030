/**
 * @module assessments-worker
 * The worker thread behind POST /v1/assessments: loads the knowledge base once, then answers each
 * incident with the answer object (docs/json.md) as JSON text, so the explanation and its serialisation (most
 * of a request's cost) run beside the thread that parses and writes HTTP.
 */
import { loadKnowledge } from '../knowledge/index.js';
import { assessmentJson, type AssessmentRequest } from './assessments-service.js';
import { answerJobs } from './worker-jobs.js';

const knowledge = loadKnowledge();
// Text, not transferred bytes: 2,000 transferred 22 KB buffers a second count as external memory on
// the main thread and set off a mark-compact every half second there (10-40 ms stalls, measured).
answerJobs<AssessmentRequest>((request) => assessmentJson(request, knowledge));
