/**
 * @module assessments-worker
 * The worker thread behind POST /v1/assessments: loads the knowledge base once, then answers each
 * incident with BRIEF's answer object as JSON text, so the explanation and its serialisation (most
 * of a request's cost) run beside the thread that parses and writes HTTP.
 */
import { assessIncident, loadKnowledge } from '../knowledge/index.js';
import type { AssessmentRequest } from './assessments-service.js';
import { answerJobs } from './worker-jobs.js';

const knowledge = loadKnowledge();
const utf8 = new TextEncoder();
// Bytes, not text: the main thread writes them to the socket as they are, without measuring or encoding.
answerJobs<AssessmentRequest>(({ incident, options }) => utf8.encode(JSON.stringify(assessIncident(incident, options, knowledge))));
