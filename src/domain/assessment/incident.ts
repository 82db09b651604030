/**
 * @module incident
 * An incident as Casus assesses it, and the schema that checks one coming from a user.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates/index.js';
import { isPolityId } from '../polity/index.js';

/** Kinds of incident (docs/json.md#incident). */
export const INCIDENT_KINDS = ['armed-attack', 'incursion', 'airspace-violation', 'threat', 'terrorist-attack', 'cyber-attack', 'internal-unrest'] as const;
/** What was attacked. */
export const ATTACKED_OBJECTS = ['territory', 'forces', 'vessel', 'aircraft'] as const;

const polity = (field: string) =>
  z.string().refine(isPolityId, { message: `${field}: expected a polity id such as ARM, non-state:al-qaeda or entity:artsakh` });

/** Incident input as docs/json.md spells it; `at` is [lat, lon]. */
export const incidentSchema = z
  .object({
    date: z.string().refine(isIsoDate, { message: 'expected a date YYYY-MM-DD' }).refine((d) => d >= '1945-01-01', { message: 'expected a date on or after 1945-01-01' }),
    at: z.tuple([z.number().min(-90).max(90), z.number().min(-180).max(180)]).optional(),
    attacker: polity('attacker').optional(),
    target: polity('target').optional(),
    kind: z.enum(INCIDENT_KINDS).default('armed-attack'),
    against: z.enum(ATTACKED_OBJECTS).default('territory'),
    flag: polity('flag').optional(),
    fatalities: z.number().int().nonnegative().optional(),
    requestedBy: z
      .array(polity('requestedBy'))
      .optional()
      .describe('the parties that asked for consultations or assistance (NATO Article 4 is triggered by a party\'s request)'),
  })
  .strict();

/** An incident. Missing facts are absent, and make findings `undetermined`, never `not-triggered`. */
export type Incident = z.infer<typeof incidentSchema>;
