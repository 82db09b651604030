/**
 * @module incident-schema
 * The zod schema for a case file's incident (the same facts `casus assess` takes).
 */
import { z } from 'zod';
import type { Issue } from '../errors.js';
import { INCIDENT_KINDS, TARGET_OBJECTS, type CaseIncident } from './case-file.js';
import { isoDateSchema, polityIdSchema } from './event-schema.js';
import { fromZodIssues } from './zod-issues.js';

/** `[lat, lon]`. */
const latLon = z.tuple([
  z.number().min(-90, 'latitude must be within -90..90').max(90, 'latitude must be within -90..90'),
  z.number().min(-180, 'longitude must be within -180..180').max(180, 'longitude must be within -180..180'),
]);

/** A case file's incident. */
export const caseIncidentSchema = z.strictObject({
  date: isoDateSchema,
  at: latLon,
  attacker: polityIdSchema,
  target: polityIdSchema,
  kind: z.enum(INCIDENT_KINDS).default('armed-attack'),
  against: z.enum(TARGET_OBJECTS).default('territory'),
  flag: polityIdSchema.optional(),
  fatalities: z.int().min(0).optional(),
  requestedBy: z.array(polityIdSchema).min(1).optional(),
  place: z.string().min(1).optional(),
  approximateKm: z.number().positive().optional(),
});

/** Validates an incident; `kind` defaults to armed-attack and `against` to territory. */
export function parseCaseIncident(
  input: unknown,
  path: readonly (string | number)[] = [],
): { ok: true; incident: CaseIncident } | { ok: false; issues: readonly Issue[] } {
  const parsed = caseIncidentSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, path) };
  const incident = Object.fromEntries(
    Object.entries(parsed.data).filter(([, v]) => v !== undefined),
  ) as unknown as CaseIncident;
  return { ok: true, incident };
}
