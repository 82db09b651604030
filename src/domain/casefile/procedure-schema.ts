/**
 * @module procedure-schema
 * A treaty's case-file procedure, declared in the treaty file's `procedure:` block: named states, the
 * initial one, and one table of transitions "in state S, event E leads to state T". Nothing else moves
 * a case file.
 */
import { z } from 'zod';
import { EVENT_TYPES, type EventType } from './case-event.js';
import { sourceSchema } from './event-schema.js';
import type { TreatyRoster } from './treaty-roster.js';

const stateId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, { message: 'expected a state id in kebab-case (consultations-opened)' });

/** One row of the transition table; `from` may list several states sharing the row. */
export const transitionSchema = z.strictObject({
  from: z.union([stateId, z.array(stateId).min(1)]),
  on: z.enum(EVENT_TYPES),
  to: stateId,
  requires: z
    .array(z.enum(EVENT_TYPES))
    .min(1)
    .optional()
    .describe('event types that must already be in the log for this row to apply (CSTO assistance needs an application-lodged)'),
  note: z.string().min(1).optional(),
});

/** A state: its display label; `final` states accept no further events. */
export const stateSchema = z.strictObject({
  label: z.string().min(1),
  final: z.boolean().optional(),
  description: z.string().min(1).optional(),
});

/**
 * The `procedure:` block of a treaty file.
 * @example procedureSchema.safeParse({ initial: 'recorded', states: { recorded: { label: 'Incident recorded' } },
 *   transitions: [], source: { title: 'Charter', url: 'https://example.org' } }).success === true
 */
export const procedureSchema = z
  .strictObject({
    initial: stateId,
    states: z.record(stateId, stateSchema),
    transitions: z.array(transitionSchema),
    source: sourceSchema,
    note: z.string().min(1).optional(),
  })
  .superRefine((p, ctx) => {
    const known = Object.keys(p.states);
    const unknown = (s: string) => `unknown state "${s}"; the states are ${known.join(', ')}`;
    if (!(p.initial in p.states)) ctx.addIssue({ code: 'custom', path: ['initial'], message: unknown(p.initial) });
    const seen = new Map<string, number>();
    p.transitions.forEach((t, i) => {
      const froms = typeof t.from === 'string' ? [t.from] : t.from;
      froms.forEach((from, j) => {
        const path = typeof t.from === 'string' ? ['transitions', i, 'from'] : ['transitions', i, 'from', j];
        if (!(from in p.states)) ctx.addIssue({ code: 'custom', path, message: unknown(from) });
        else if (p.states[from]?.final)
          ctx.addIssue({ code: 'custom', path, message: `state "${from}" is final and cannot be left` });
        const key = `${from} ${t.on}`;
        const earlier = seen.get(key);
        if (earlier !== undefined)
          ctx.addIssue({
            code: 'custom',
            path,
            message: `"${t.on}" in state "${from}" is already declared by transitions[${earlier}]; a procedure must be deterministic`,
          });
        else seen.set(key, i);
      });
      if (!(t.to in p.states)) ctx.addIssue({ code: 'custom', path: ['transitions', i, 'to'], message: unknown(t.to) });
      t.requires?.forEach((type, j) => {
        // incident-recorded always opens the log; any other requirement must be producible by some row.
        if (type !== 'incident-recorded' && !p.transitions.some((other) => other.on === type))
          ctx.addIssue({
            code: 'custom',
            path: ['transitions', i, 'requires', j],
            message: `no transition accepts "${type}", so this row could never apply`,
          });
      });
    });
    const reachable = new Set([p.initial]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const t of p.transitions)
        if ((typeof t.from === 'string' ? [t.from] : t.from).some((f) => reachable.has(f)) && !reachable.has(t.to)) {
          reachable.add(t.to);
          grew = true;
        }
    }
    for (const s of known)
      if (!reachable.has(s))
        ctx.addIssue({ code: 'custom', path: ['states', s], message: `state "${s}" cannot be reached from "${p.initial}"` });
  });

/**
 * A validated procedure. `roster` (the treaty's provision ids and dated parties) is attached by the
 * loader from the rest of the treaty file, so that every writer holding the procedure also checks
 * `provision`, `by` and `positions`; a procedure without it checks the table only.
 */
export type Procedure = z.infer<typeof procedureSchema> & { readonly roster?: TreatyRoster };

/** The event types a state accepts, in declaration order. */
export function allowedEvents(procedure: Procedure, state: string): EventType[] {
  const out: EventType[] = [];
  for (const t of procedure.transitions)
    if ((typeof t.from === 'string' ? t.from === state : t.from.includes(state)) && !out.includes(t.on))
      out.push(t.on);
  return out;
}

/** One row of a procedure's transition table. */
export type Transition = Procedure['transitions'][number];

/** The row that handles `event` in `state` (with its index), or undefined when the procedure does not allow it. */
export function transitionRow(
  procedure: Procedure,
  state: string,
  event: EventType,
): { readonly row: Transition; readonly index: number } | undefined {
  const index = procedure.transitions.findIndex(
    (t) => t.on === event && (typeof t.from === 'string' ? t.from === state : t.from.includes(state)),
  );
  const row = procedure.transitions[index];
  return row ? { row, index } : undefined;
}

/** The state `event` leads to from `state`, or undefined when the procedure does not allow it. */
export function nextState(procedure: Procedure, state: string, event: EventType): string | undefined {
  return transitionRow(procedure, state, event)?.row.to;
}

/** The label of a state, or its id. */
export function stateLabel(procedure: Procedure, state: string): string {
  return procedure.states[state]?.label ?? state;
}
