/**
 * @module assessment-request
 * From the body of POST /v1/assessments to the assessment to run. The route gets the body already
 * validated by its OpenAPI schema; the direct path (assessment-direct) hands the body's bytes to a
 * worker, which parses and validates them here with the same schema and refuses bad input with the
 * same errors, so the thread serving HTTP never parses or validates an assessment.
 */
import type { z } from 'zod';
import type { AssessOptions } from '../domain/assessment/index.js';
import { CasusError, type Issue } from '../domain/errors.js';
import { READINGS, type Reading } from '../domain/territory/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { AssessmentRequest } from './assessments-service.js';
import { errorBody, zodIssues, type ApiErrorBody } from './api-error.js';
import { treatiesRequested } from './routes/treaty-lookup.js';
import { assessmentRequest } from './schemas.js';

/** The answer views: full (the answer object) or summary (docs/json.md#summary-view). */
export type AssessmentView = 'full' | 'summary';

/** A body as it came off the socket: its bytes as a latin1 string (one byte a character, so it crosses threads cheaply and keys the answer cache exactly). */
export interface RawAssessment {
  readonly bytes: string;
  readonly view: AssessmentView;
}

/** The assessment a validated body asks for. */
export function assessmentOf(body: z.infer<typeof assessmentRequest>, view: AssessmentView, knowledge: Knowledge): AssessmentRequest {
  const { treaty, reading, ...incident } = body;
  const treaties = treatiesRequested(knowledge.treaties, treaty);
  const readings: readonly Reading[] = reading === undefined || reading === 'all' ? READINGS : [reading];
  const options: AssessOptions = { ...(treaties ? { treaties } : {}), readings };
  return { incident, options, ...(view === 'summary' ? { view } : {}) };
}

// The error the route's JSON validator gives a body that is not JSON.
const MALFORMED = 'Malformed JSON in request body';
const decoder = new TextDecoder();

/**
 * Parses and validates a raw body as the route does; a bad one throws the CasusError whose answer is
 * the route's, byte for byte (test/api/assessment-direct.test.ts checks this).
 */
export function parseAssessment(raw: RawAssessment, knowledge: Knowledge): AssessmentRequest {
  let json: unknown;
  try {
    // As the Fetch API's json(): UTF-8, a byte order mark dropped.
    json = JSON.parse(decoder.decode(Buffer.from(raw.bytes, 'latin1')));
  } catch {
    throw new CasusError('invalid-input', `body: ${MALFORMED}`, { issues: [{ code: 'invalid-input', path: ['body'], message: MALFORMED }] });
  }
  const result = assessmentRequest.safeParse(json);
  if (!result.success) {
    const issues = zodIssues(result.error.issues, 'body');
    const first = issues[0];
    throw new CasusError('invalid-input', `${first?.field ?? 'body'}: ${first?.message ?? 'invalid'}`, {
      issues: issues.map((i): Issue => ({ code: 'invalid-input', path: [i.field], message: i.message, ...(i.expected !== undefined ? { expected: i.expected } : {}) })),
    });
  }
  return assessmentOf(result.data, raw.view, knowledge);
}

/** The body of the 503 a full assessment queue answers with (retry-after: 1). */
export function busyAssessments(pending: number): ApiErrorBody {
  return errorBody('busy', `assessments: ${pending} assessments are running or waiting; retry in a second`, [{ field: 'body', message: 'server busy' }]);
}
