/**
 * @module event-schema
 * The zod schemas for case-file events and incidents. Unknown keys are errors; every problem is
 * reported at once with its path (`events[3].positions.ARM`).
 */
import { z } from 'zod';
import { isIsoDate } from '../dates/index.js';
import { isPolityId } from '../polity/index.js';
import type { Issue } from '../errors.js';
import { ASSISTANCE_KINDS, CASE_EVENT_TYPES, EVENT_TYPES, OUTCOMES, POSITIONS, type CaseEvent } from './case-event.js';
import { closest, fromZodIssues } from './zod-issues.js';

/** `YYYY-MM-DD`, a real calendar date. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });

/** A polity id: `ARM`, `non-state:isis-k`, `entity:artsakh`. */
export const polityIdSchema = z.string().refine(isPolityId, {
  message: 'expected a polity id: an ISO 3166-1 alpha-3 code (ARM), non-state:<slug> or entity:<slug>',
});

/** A provision id `art-N` (arabic numerals), or `art-N-M` for paragraph M of an article (TEU 42(7) is `art-42-7`). */
const PROVISION_ID = /^art-[1-9][0-9]*(-[1-9][0-9]*)?$/;

/** A provision id `art-N`, arabic numerals; `art-N-M` for a numbered paragraph. */
export const provisionIdSchema = z
  .string()
  .regex(PROVISION_ID, { message: 'expected a provision id art-N with arabic numerals (art-4), or art-N-M for a paragraph (art-42-7)' });

/** A citation. */
export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }),
  publisher: z.string().min(1).optional(),
  date: isoDateSchema.optional(),
  accessed: isoDateSchema.optional(),
  note: z.string().min(1).optional(),
});

const polityList = z
  .union([polityIdSchema, z.array(polityIdSchema).min(1)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const base = {
  date: isoDateSchema,
  sources: z.array(sourceSchema).default([]),
  note: z.string().min(1).optional(),
};

const eventSchemas = [
  z.strictObject({ type: z.literal('incident-recorded'), ...base }),
  z.strictObject({
    type: z.literal('application-lodged'),
    ...base,
    by: polityList,
    provision: provisionIdSchema.optional(),
    request: z.string().min(1),
  }),
  z.strictObject({
    type: z.literal('consultations-convened'),
    ...base,
    body: z.string().min(1),
    provision: provisionIdSchema.optional(),
  }),
  z.strictObject({
    type: z.literal('decision-taken'),
    ...base,
    body: z.string().min(1),
    outcome: z.enum(OUTCOMES),
    summary: z.string().min(1).optional(),
    positions: z.record(polityIdSchema, z.enum(POSITIONS)).optional(),
  }),
  z.strictObject({ type: z.literal('mission-dispatched'), ...base, what: z.string().min(1) }),
  z.strictObject({
    type: z.literal('assistance-provided'),
    ...base,
    kind: z.enum(ASSISTANCE_KINDS),
    forces: z.string().min(1).optional(),
    by: polityList.optional(),
  }),
  z.strictObject({ type: z.literal('assistance-withdrawn'), ...base }),
  z.strictObject({ type: z.literal('application-withdrawn'), ...base, by: polityList.optional() }),
  z.strictObject({ type: z.literal('closed'), ...base, reason: z.string().min(1) }),
] as const;

const unknownType = (types: readonly string[]) => (issue: z.core.$ZodRawIssue) => {
  if (issue.code !== 'invalid_union') return undefined;
  const type = (issue.input as { type?: unknown } | null)?.type;
  const hint = typeof type === 'string' ? closest(type, types) : undefined;
  return `expected an event type, one of ${types.join(', ')}; got ${JSON.stringify(type) ?? 'nothing'}${hint ? ` (did you mean "${hint}"?)` : ''}`;
};

/** A procedure event (anything but a correction): what a correction's `replacement` holds. */
export const procedureEventSchema = z.discriminatedUnion('type', eventSchemas, { error: unknownType(EVENT_TYPES) });

/** A correction: `corrects` an earlier event by number, with a `replacement` or `retract: true`. */
export const correctionSchema = z.strictObject({
  type: z.literal('correction'),
  ...base,
  corrects: z.int().min(1, { message: 'expected the number (1 or more) of the event corrected, as "casus cases show" lists it' }),
  replacement: procedureEventSchema.optional(),
  retract: z.literal(true).optional(),
  reason: z.string().min(1),
});

/** Any case-file event; the `type` picks the shape. */
export const caseEventSchema = z.discriminatedUnion('type', [...eventSchemas, correctionSchema], {
  error: unknownType(CASE_EVENT_TYPES),
});

/** Where an event comes from: the shipped record must cite; a user may instead explain in a note. */
export type EventOrigin = 'record' | 'user';

/** Result of {@link parseCaseEvent}. */
export type ParsedEvent =
  | { readonly ok: true; readonly event: CaseEvent }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Validates one event. Record events need at least one source; user events may have none, but then
 * must say why in `note`.
 * @example parseCaseEvent({ type: 'closed', date: '2022-01-13', reason: 'withdrawn', note: 'x' }, 'user').ok === true
 */
export function parseCaseEvent(
  input: unknown,
  origin: EventOrigin,
  path: readonly (string | number)[] = [],
): ParsedEvent {
  const parsed = caseEventSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: fromZodIssues(parsed.error.issues, path) };
  const event = stripUndefined(parsed.data as CaseEvent);
  const issues = sourceIssues(event, origin, path);
  if (event.type === 'correction') {
    if ((event.replacement === undefined) === (event.retract === undefined))
      issues.push({
        code: 'invalid',
        path: [...path, event.replacement === undefined ? 'replacement' : 'retract'],
        message: 'a correction needs exactly one of replacement (the event as it should have been) or retract: true',
      });
    if (event.replacement) issues.push(...sourceIssues(event.replacement, origin, [...path, 'replacement']));
  }
  if (issues.length > 0) return { ok: false, issues };
  if (event.type === 'correction' && event.replacement)
    return { ok: true, event: { ...event, replacement: stripUndefined(event.replacement) } };
  return { ok: true, event };
}

function sourceIssues(event: CaseEvent, origin: EventOrigin, path: readonly (string | number)[]): Issue[] {
  if (event.sources.length > 0) return [];
  if (origin === 'record')
    return [{ code: 'missing', path: [...path, 'sources'], message: 'a record event needs at least one source' }];
  if (event.note === undefined)
    return [{ code: 'missing', path: [...path, 'note'], message: 'an event without sources needs a note saying where it comes from' }];
  return [];
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
