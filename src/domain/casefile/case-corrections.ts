/**
 * @module case-corrections
 * The corrected view of a log: every `correction` applied to the event it names (replaced, or
 * retracted), the corrections themselves left out. The stored log keeps the originals; status,
 * latencies and compliance are derived from this view.
 */
import type { CaseEvent, ProcedureEvent } from './case-event.js';

/** A procedure event of the corrected view, with the number (1-based) of the log entry it stands for. */
export interface EffectiveEvent {
  readonly seq: number;
  readonly event: ProcedureEvent;
}

/** True when the log holds at least one correction (the corrected view then differs from the log). */
export function hasCorrections(events: readonly CaseEvent[]): boolean {
  return events.some((e) => e.type === 'correction');
}

/**
 * The corrected view, in log order. A later correction of the same event wins; a correction naming
 * something that is not an earlier procedure event is ignored here (the transition refuses it).
 * @example effectiveEntries([a, b, { type: 'correction', corrects: 2, retract: true, ... }]).map((e) => e.seq)  // [1]
 */
export function effectiveEntries(events: readonly CaseEvent[]): EffectiveEvent[] {
  const slots: (ProcedureEvent | null | undefined)[] = events.map((e) => (e.type === 'correction' ? undefined : e));
  events.forEach((e, i) => {
    if (e.type !== 'correction') return;
    const target = e.corrects - 1;
    if (target >= i || events[target]?.type === 'correction' || events[target] === undefined) return;
    slots[target] = e.retract ? null : (e.replacement ?? slots[target]);
  });
  return slots.flatMap((event, i) => (event ? [{ seq: i + 1, event }] : []));
}

/** The corrected events alone (see {@link effectiveEntries}). */
export function effectiveEvents(events: readonly CaseEvent[]): readonly ProcedureEvent[] {
  if (!hasCorrections(events)) return events as readonly ProcedureEvent[];
  return effectiveEntries(events).map((e) => e.event);
}
