/**
 * @module schemas
 * Request and response schemas of the API. Requests reuse the domain's schemas (the incident is the
 * one `casus assess` validates), so the CLI and the API refuse the same input; /openapi.json is
 * generated from these.
 */
import { z } from 'zod';
import { incidentSchema } from '../domain/assessment/index.js';
import { caseIncidentSchema } from '../domain/casefile/index.js';
import { isIsoDate } from '../domain/dates/index.js';
import { READINGS } from '../domain/territory/index.js';
import { HTTP_STATUS, type ApiErrorCode } from './api-error.js';

// The pattern documents the shape in /openapi.json; isIsoDate then refuses 2020-02-30.
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const isoDate = z
  .string()
  .regex(DATE_PATTERN, { message: 'expected a date YYYY-MM-DD', abort: true })
  .refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' })
  .describe('YYYY-MM-DD');
/** A date the API accepts (1945 on): query and body fields alike. */
export const apiDate = isoDate
  .refine((d) => d >= '1945-01-01', { message: 'expected a date on or after 1945-01-01' })
  .describe('YYYY-MM-DD');
const date = apiDate;
const readingOrAll = z.enum([...READINGS, 'all']);

/** `[lat, lon]`: a tuple, which JSON Schema says with prefixItems; min/maxItems make the length explicit. */
const atTuple = z
  .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)])
  .meta({ minItems: 2, maxItems: 2, description: '[latitude, longitude] in decimal degrees' });

/** POST /v1/assessments: the incident (docs/json.md) plus the treaties and reading to assess. */
export const assessmentRequest = incidentSchema
  .extend({
    date,
    at: atTuple.optional(),
    treaty: z.union([z.string(), z.array(z.string())]).optional().describe('treaty ids, a list or a comma-separated string (default: all)'),
    reading: readingOrAll.optional().describe('one reading or all (default)'),
  })
  .strict()
  .describe('An incident: { date, at: [lat, lon], attacker, target, kind, against, flag, fatalities, requestedBy }');

const latLon = z
  .string()
  .regex(/^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/, 'expected LAT,LON in decimal degrees, latitude first')
  .transform((s) => s.split(',').map(Number) as [number, number])
  .refine(([lat]) => lat >= -90 && lat <= 90, { message: 'latitude must be within [-90, 90]' })
  .refine(([, lon]) => lon >= -180 && lon <= 180, { message: 'longitude must be within [-180, 180]' });

/** GET /v1/locate */
export const locateQuery = z.object({ at: latLon.describe('LAT,LON'), date: date.optional().describe('YYYY-MM-DD (default: today)') }).strict();

/** Zones grid cell size when none is asked for (about 28 km; ~2 s of one core). */
export const DEFAULT_RESOLUTION = 0.25;
// 0.1° takes ~9 s of a worker; 0.05° (which the CLI allows) ~36 s, too long to hold a request for.
const MIN_RESOLUTION = 0.1;

/** GET /v1/zones */
export const zonesQuery = z
  .object({
    treaty: z.string().min(1),
    provision: z.string().regex(/^art-[1-9][0-9]*(-[1-9][0-9]*)?$/, 'expected art-N, or art-N-M for a paragraph'),
    date,
    reading: z.enum(READINGS).optional(),
    resolution: z.coerce
      .number()
      .min(MIN_RESOLUTION, `expected a cell size of at least ${MIN_RESOLUTION} degrees (finer maps: casus zones)`)
      .max(2)
      .optional()
      .describe(`cell size in degrees, ${MIN_RESOLUTION} to 2 (default ${DEFAULT_RESOLUTION})`),
    attacker: z.string().optional(),
  })
  .strict();

/** POST /v1/cases */
export const caseCreateRequest = z
  .object({
    treaty: z.string().min(1),
    title: z.string().min(1).max(300),
    incident: caseIncidentSchema.extend({ date: isoDate, at: atTuple }),
    note: z.string().optional().describe('required when no source is given'),
    sources: z.array(z.object({ title: z.string(), url: z.string() }).passthrough()).optional(),
  })
  .strict();

/** POST /v1/cases/{id}/events */
export const eventAppendRequest = z
  .object({
    expectedVersion: z.number().int().min(0).describe('the number of events the writer has seen'),
    event: z.record(z.string(), z.unknown()).describe('a case event: { type, date, sources?, note?, ... } (docs/case-files.md)'),
  })
  .strict();

/** Listing filters. */
export const casesQuery = z.object({ treaty: z.string().optional(), origin: z.enum(['record', 'user', 'all']).optional() }).strict();
export const reliabilityQuery = z.object({ treaty: z.string().optional(), origin: z.enum(['record', 'user', 'all']).optional() }).strict();

/** Path parameters. */
export const idParam = z.object({ id: z.string().min(1) });
export const provisionParams = z.object({ id: z.string().min(1), provision: z.string().min(1) });

const polities = z.array(z.string()).describe('polity ids (ISO 3166-1 alpha-3, non-state:<slug>, entity:<slug>)');

/** The location object (GET /v1/locate adds `at` and `date`). */
export const locationSchema = z
  .object({
    recognized: polities,
    administered: polities,
    claimed: polities,
    delimited: polities,
    surface: z
      .enum(['land', 'territorial-sea', 'sea'])
      .describe('land; a state\'s territorial sea or internal waters (within 12 nm of the coast as the base map draws it, baselines not modelled: approximate), where the readings apply as on land; or the sea beyond'),
    regions: z.array(z.string()),
    overlays: z.array(z.string()).describe('status overlays in force at the point'),
    undetermined: z.array(z.enum(READINGS)).describe('readings whose answer is unknown here'),
    notes: z.array(z.string()),
  })
  .describe('Where a point lies, per reading');

/** GET /v1/locate */
export const locateAnswer = locationSchema.extend({ at: z.array(z.number()).meta({ minItems: 2, maxItems: 2 }), date: isoDate });

const truth = z.enum(['true', 'false', 'unknown']);
export const findingSchema = z
  .object({
    treaty: z.string(),
    provision: z.string(),
    reading: z.enum(READINGS),
    defaultReading: z.boolean().describe('whether this is the provision\'s own reading'),
    status: z.enum(['triggered', 'not-triggered', 'undetermined']),
    beneficiary: z.string().nullable(),
    obliged: polities,
    prerequisites: z.array(z.string()).describe('procedural steps still open, e.g. "application by ARM"'),
    conditions: z.array(
      z.object({
        id: z.string(),
        result: truth,
        reason: z.string(),
        words: z.string().describe('the treaty words the condition encodes'),
        cites: z.object({ file: z.string(), line: z.number().int() }),
        missing: z.array(z.string()).optional().describe('the facts whose absence made the result unknown'),
      }),
    ),
    version: z.object({ label: z.string(), from: isoDate, to: isoDate.nullable() }).describe('the text of the article that applied'),
    notes: z.array(z.string()),
  })
  .describe('One treaty × provision × reading');

/** The answer object (docs/json.md): the same as `casus assess --json`. */
export const assessmentAnswer = z
  .object({
    incident: z
      .object({
        date: isoDate,
        at: z.array(z.number()).meta({ minItems: 2, maxItems: 2 }).optional(),
        attacker: z.string().optional(),
        target: z.string().optional(),
        kind: z.string(),
        against: z.string(),
        flag: z.string().optional(),
        fatalities: z.number().int().optional(),
        requestedBy: z.array(z.string()).optional(),
      })
      .describe('the incident, with defaults filled in'),
    location: locationSchema.nullable().describe('null when the incident has no location'),
    findings: z.array(findingSchema),
    summary: z.array(
      z.object({
        treaty: z.string(),
        provision: z.string(),
        defaultReading: z.enum(READINGS),
        statuses: z.record(z.string(), z.enum(['triggered', 'not-triggered', 'undetermined'])),
        readingsDisagree: z.boolean(),
      }),
    ),
  })
  .describe('The assessment: where the incident lies and, per treaty, provision and reading, what follows');

/** POST /v1/assessments?view=summary: the answer without the findings' condition trees. */
export const assessmentSummaryAnswer = assessmentAnswer
  .pick({ incident: true, location: true, summary: true })
  .describe('The summary view (?view=summary): the incident, where it lies, and per treaty and provision the status under each reading; the findings with their conditions are left out');

/** Query of POST /v1/assessments. */
export const assessmentQuery = z
  .object({ view: z.enum(['full', 'summary']).optional().describe('full (default): the answer object with every finding and its conditions; summary: only which provisions, which status, under which reading (about a tenth of the size)') })
  .strict();

/** The error body. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(HTTP_STATUS) as [ApiErrorCode, ...ApiErrorCode[]]),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), message: z.string(), expected: z.string().optional(), received: z.string().optional() })),
      details: z.record(z.string(), z.unknown()).optional().describe('machine-readable facts, e.g. { currentVersion, expectedVersion } on a 409'),
    }),
  })
  .describe('Every error answer');

/** A loosely described JSON object (the shapes are documented in docs/json.md and docs/api.md). */
export const anyObject = z.record(z.string(), z.unknown());

/** A JSON response of the OpenAPI document. */
export const jsonResponse = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

/** The error answers every route can give (reads need a token off loopback; everything is rate-limited). */
export const commonErrors = {
  400: jsonResponse(errorSchema, 'Bad input: the issues name each field'),
  401: jsonResponse(errorSchema, 'A bearer token is needed (writes; every request off loopback)'),
  429: jsonResponse(errorSchema, 'Rate limited (retry-after says when to retry)'),
  500: jsonResponse(errorSchema, 'Internal error: the body says only that; the server log has the cause'),
};

/** The error answers of a route taking a JSON body. */
export const bodyErrors = {
  413: jsonResponse(errorSchema, 'Body over the size limit'),
  415: jsonResponse(errorSchema, 'The body is not declared application/json (header.content-type)'),
};
