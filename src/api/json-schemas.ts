/**
 * @module json-schemas
 * The JSON Schemas of the stable objects (incident, location, finding, answer, error, case event),
 * generated from the zod schemas that validate and describe them, so docs/json.md and schema/ cannot
 * drift from what the API and the CLI write (`npm run schema` regenerates; a test compares).
 */
import { z } from 'zod';
import { caseEventSchema } from '../domain/casefile/index.js';
import { assessmentAnswer, assessmentRequest, assessmentSummaryAnswer, errorSchema, findingSchema, locateAnswer, locationSchema } from './schemas.js';


function toSchema(schema: z.ZodType, io: 'input' | 'output', title: string, anchor: string): Record<string, unknown> {
  return {
    $id: `schema/${anchor}.schema.json`,
    title,
    ...z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }),
    $comment: `Generated from the zod schema by npm run schema; described in docs/json.md#${anchor}`,
  };
}

/** File name (without .schema.json) → JSON Schema, for every stable object. */
export function contractJsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    incident: toSchema(assessmentRequest, 'input', 'Incident (the question: POST /v1/assessments, casus assess)', 'incident'),
    location: toSchema(locationSchema, 'output', 'Location (where a point lies, per reading)', 'location'),
    'locate-answer': toSchema(locateAnswer, 'output', 'GET /v1/locate answer (the location object with the point and date)', 'location'),
    finding: toSchema(findingSchema, 'output', 'Finding (one treaty × provision × reading)', 'finding'),
    answer: toSchema(assessmentAnswer, 'output', 'Answer (casus assess --json, POST /v1/assessments)', 'answer'),
    'answer-summary': toSchema(assessmentSummaryAnswer, 'output', 'Summary view of the answer (POST /v1/assessments?view=summary)', 'summary-view'),
    error: toSchema(errorSchema, 'output', 'Error (every 4xx and 5xx answer of the API)', 'error'),
    'case-event': toSchema(caseEventSchema, 'input', 'Case event (one entry of a case file log)', 'case-file'),
  };
}
