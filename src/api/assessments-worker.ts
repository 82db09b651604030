/**
 * @module assessments-worker
 * The worker thread behind POST /v1/assessments: loads the knowledge base once, then answers each
 * incident (validated, or a raw body it validates) with the answer object (docs/json.md) as JSON text, so the explanation and its serialisation (most
 * of a request's cost) run beside the thread that parses and writes HTTP.
 */
import { assessIncident, loadKnowledge } from '../knowledge/index.js';
import { createAnswerWriter, textsOf } from './answer-writer.js';
import { parseAssessment } from './assessment-request.js';
import { assessmentJson, type AssessmentJob } from './assessments-service.js';
import { answerJobs } from './worker-jobs.js';

const knowledge = loadKnowledge();
// A raw body is parsed and validated here, not on the thread serving HTTP. Answers go back as text,
// or into a shared arena slot when the pool gave one (never as transferred buffers: 2,000 of those a
// second count as external memory on the main thread and set off a mark-compact every half second
// there, 10-40 ms stalls, measured).
// Into a slot the answer writer writes the bytes itself, from the answer object (answer-writer).
const writer = createAnswerWriter(textsOf(knowledge.treaties));
answerJobs<AssessmentJob>((job, slot) => {
  const request = 'bytes' in job ? parseAssessment(job, knowledge) : job;
  if (!slot) return assessmentJson(request, knowledge);
  const answer = assessIncident(request.incident, request.options, knowledge);
  const bytes = writer.write(answer, request.view ?? 'full');
  return bytes.length <= slot.length ? bytes.copy(slot) : bytes.toString();
});
