/**
 * @module extract-schemas
 * The request and answer of POST /v1/extract, as the OpenAPI document shows them. The draft is a
 * contract of its own (docs/extraction.md); these schemas describe it, field by field.
 */
import { z } from 'zod';
import { ATTACKED_OBJECTS, INCIDENT_KINDS } from '../domain/assessment/index.js';
import { isIsoDate } from '../domain/dates/index.js';
import { READINGS } from '../domain/territory/index.js';
import { assessmentAnswer, locationSchema } from './schemas.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date YYYY-MM-DD', abort: true }).refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' }).meta({ format: 'date', example: '2022-09-13' });

/** POST /v1/extract */
export const extractRequest = z
  .object({
    text: z.string().describe('the report, as plain text (a pasted web page is fine)'),
    date: isoDate.optional().describe('the report\'s date, for relative dates ("on Tuesday", "overnight"); default: its dateline, if any'),
    assess: z.boolean().optional().describe('also assess each dated draft (default false)'),
    treaty: z.union([z.string(), z.array(z.string())]).optional().describe('with assess: treaty ids (default: all)'),
    reading: z.enum([...READINGS, 'all']).optional().describe('with assess: one reading or all (default)'),
  })
  .strict()
  .describe('A news report to read draft incidents from');

const evidence = z.object({ text: z.string(), start: z.number().int(), end: z.number().int() }).describe('a quoted span: text === report.slice(start, end)');
const unknownField = z.object({ status: z.literal('unknown'), reason: z.string() });
const field = <T extends z.ZodType>(value: T, description: string) =>
  z
    .union([
      z.object({ status: z.literal('found'), value, confidence: z.number().min(0).max(1), how: z.string().describe('the rule that read it'), evidence: z.array(evidence) }),
      unknownField,
    ])
    .describe(description);

const candidate = z.object({
  name: z.string(),
  at: z.array(z.number()).meta({ minItems: 2, maxItems: 2 }).describe('[latitude, longitude]'),
  country: z.string().optional().describe('ISO 3166-1 alpha-3 of the country the gazetteer files it under'),
  kind: z.enum(['city', 'area', 'province', 'border', 'overlay', 'village']),
  source: z.string().describe('geonames:<id>, overlay:<id> or places:<id> (data/gazetteer/places.yaml)'),
  population: z.number().int().optional(),
});
const place = candidate.extend({
  mention: z.string().describe('the words of the report'),
  ambiguous: z.boolean(),
  candidates: z.array(candidate).describe('every place the name may mean, best first (empty when only one)'),
});
const draftDate = z.object({ value: isoDate.describe('the day to assess with (the first of the range)'), precision: z.enum(['day', 'month', 'season', 'year']), from: isoDate, to: isoDate });

const draft = z
  .object({
    id: z.string(),
    evidence: z.array(evidence).describe('the sentences the draft was read from'),
    date: field(draftDate, 'when'),
    place: field(place, 'where (the first place named)'),
    places: z.array(field(place, 'a place')).describe('every place the incident\'s sentences name'),
    attacker: field(z.string(), 'who attacked (polity id)'),
    target: field(z.string(), 'the state attacked (polity id)'),
    kind: field(z.enum(INCIDENT_KINDS), 'what happened'),
    against: field(z.enum(ATTACKED_OBJECTS), 'what was attacked'),
    application: field(z.object({ by: z.string(), date: isoDate.optional() }), 'a request for help (e.g. Armenia applying to the CSTO)'),
    location: locationSchema.nullable().describe('where the place lies at the draft\'s date, per reading'),
    incident: assessmentAnswer.shape.incident.nullable().describe('the incident to assess (null without a date): POST it to /v1/assessments'),
    assessment: assessmentAnswer.optional().describe('with assess: the assessment of the incident'),
  })
  .describe('A draft incident for review');

/** The answer of POST /v1/extract (and of casus extract --json). */
export const extractAnswer = z
  .object({
    reportDate: field(isoDate, 'the report\'s date (given, or its dateline)'),
    drafts: z.array(draft),
    truncated: z.boolean().describe('true when only the first part of a very long text was read'),
    characters: z.number().int(),
  })
  .describe('Draft incidents read from a report');
