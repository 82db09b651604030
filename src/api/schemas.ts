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

const date = z
  .string()
  .refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' })
  .refine((d) => d >= '1945-01-01', { message: 'expected a date on or after 1945-01-01' })
  .describe('YYYY-MM-DD');
const readingOrAll = z.enum([...READINGS, 'all']);

/** POST /v1/assessments: BRIEF's incident plus the treaties and reading to assess. */
export const assessmentRequest = incidentSchema
  .extend({
    treaty: z.union([z.string(), z.array(z.string())]).optional().describe('treaty ids, a list or a comma-separated string (default: all)'),
    reading: readingOrAll.optional().describe('one reading or all (default)'),
  })
  .strict()
  .describe('An incident: { date, at: [lat, lon], attacker, target, kind, against, flag, fatalities }');

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
    provision: z.string().regex(/^art-[1-9][0-9]*$/, 'expected art-N'),
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
    incident: caseIncidentSchema,
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

/** The error body. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), message: z.string(), expected: z.string().optional(), received: z.string().optional() })),
    }),
  })
  .describe('Every error answer');

/** A loosely described JSON object (the shapes are documented in BRIEF and docs/). */
export const anyObject = z.record(z.string(), z.unknown());
