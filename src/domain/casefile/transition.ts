/**
 * @module transition
 * The only way a case file moves: `transition(file, event)` checks the event against the treaty's
 * procedure and the calendar, and returns the next file or a refusal that says why.
 */
import { CasusError, formatPath, type Issue } from '../errors.js';
import { checkEventAgainstTreaty } from './treaty-roster.js';
import type { CaseEvent, CaseEventType, Correction, EventType, ProcedureEvent } from './case-event.js';
import { effectiveEntries, effectiveEvents } from './case-corrections.js';
import type { CaseFile, CaseLog } from './case-file.js';
import { openCaseFile } from './case-file.js';
import { allowedEvents, nextState, stateLabel, transitionRow, type Procedure } from './procedure-schema.js';

/** Why an event was refused. */
export type TransitionRefusal =
  | {
      readonly kind: 'not-allowed';
      readonly state: string;
      readonly stateLabel: string;
      readonly event: EventType;
      readonly allowed: readonly EventType[];
      readonly message: string;
    }
  | {
      readonly kind: 'missing-requirement';
      readonly state: string;
      readonly event: EventType;
      /** The event types the row requires that the log does not hold yet. */
      readonly missing: readonly EventType[];
      /** Index of the row in the procedure's `transitions`. */
      readonly transition: number;
      readonly message: string;
    }
  | {
      readonly kind: 'not-in-treaty';
      readonly state: string;
      readonly event: CaseEventType;
      /** Each bad field, with its path within the event (`provision`, `by[0]`, `positions.JPN`). */
      readonly issues: readonly Issue[];
      readonly message: string;
    }
  | {
      readonly kind: 'bad-correction';
      readonly state: string;
      readonly event: 'correction';
      /** What is wrong, with paths within the correction (`corrects`, `replacement.by[0]`). */
      readonly issues: readonly Issue[];
      readonly message: string;
    }
  | {
      readonly kind: 'out-of-order';
      readonly state: string;
      readonly event: CaseEventType;
      readonly date: string;
      readonly notBefore: string;
      readonly message: string;
    };

/** The next file, or a refusal. */
export type TransitionResult =
  | { readonly ok: true; readonly file: CaseFile }
  | { readonly ok: false; readonly refusal: TransitionRefusal };

/**
 * Applies one event. The first event of every case file is `incident-recorded` (it leaves the file in
 * the procedure's initial state); every later event must be allowed by the procedure's table in the
 * current state, and name only the treaty's provisions and parties. Dates never go backwards, and
 * nothing precedes the incident. A `correction` is checked by replaying the corrected log.
 * The state and the "last event" are those of the corrected log.
 * @example transition(openCaseFile(header, procedure), { type: 'closed', ... }).ok === false
 */
export function transition(file: CaseFile, event: CaseEvent): TransitionResult {
  if (event.type === 'correction') return correct(file, event);
  const next = checkNext(file, effectiveEvents(file.events), event);
  return next.ok ? { ok: true, file: { ...file, events: [...file.events, event], state: next.state } } : next;
}

/** The checks for a procedure event, given the corrected view of the file's log; the state it leads to. */
function checkNext(
  file: CaseFile,
  effective: readonly ProcedureEvent[],
  event: ProcedureEvent,
): { readonly ok: true; readonly state: string } | { readonly ok: false; readonly refusal: TransitionRefusal } {
  const { procedure, state } = file;
  const last = effective.at(-1);
  const notBefore = last?.date ?? file.incident.date;
  if (event.date < notBefore)
    return refuse({
      kind: 'out-of-order',
      state,
      event: event.type,
      date: event.date,
      notBefore,
      message: last
        ? `${event.type} on ${event.date} is dated before the last event (${last.type} on ${last.date}); events must be in date order`
        : `${event.type} on ${event.date} is dated before the incident (${file.incident.date})`,
    });

  const allowed: readonly EventType[] = last === undefined ? ['incident-recorded'] : allowedEvents(procedure, state);
  const to = last === undefined ? (event.type === 'incident-recorded' ? state : undefined) : nextState(procedure, state, event.type);
  if (to === undefined) {
    const label = stateLabel(procedure, state);
    const next =
      allowed.length === 0
        ? 'it accepts no further events'
        : `it accepts ${allowed.join(', ')}`;
    return refuse({
      kind: 'not-allowed',
      state,
      stateLabel: label,
      event: event.type,
      allowed,
      message:
        last === undefined
          ? `a case file starts with incident-recorded; got ${event.type}`
          : `${event.type} is not allowed in state "${state}" (${label}); ${next}`,
    });
  }
  const issues = procedure.roster ? checkEventAgainstTreaty(event, procedure.roster) : [];
  if (issues.length > 0)
    return refuse({
      kind: 'not-in-treaty',
      state,
      event: event.type,
      issues,
      message: issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; '),
    });
  const row = last === undefined ? undefined : transitionRow(procedure, state, event.type);
  const missing = (row?.row.requires ?? []).filter((type) => !effective.some((e) => e.type === type));
  if (row && missing.length > 0)
    return refuse({
      kind: 'missing-requirement',
      state,
      event: event.type,
      missing,
      transition: row.index,
      message:
        `${event.type} requires an earlier ${missing.join(' and ')} in this case file, and there is none ` +
        `(procedure transitions[${row.index}]${row.row.note ? `: ${row.row.note}` : ''})`,
    });
  return { ok: true, state: to };
}

/** A correction: it must name an earlier procedure event, and the corrected log must replay. */
function correct(file: CaseFile, event: Correction): TransitionResult {
  const bad = (issues: Issue[]): TransitionResult =>
    refuse({
      kind: 'bad-correction',
      state: file.state,
      event: 'correction',
      issues,
      message: issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('; '),
    });
  const target = file.events[event.corrects - 1];
  if (target === undefined)
    return bad([
      {
        code: 'invalid-reference',
        path: ['corrects'],
        message: `expected the number of an earlier event of this case file (1 to ${file.events.length}); got ${event.corrects}`,
      },
    ]);
  if (target.type === 'correction')
    return bad([
      {
        code: 'invalid-reference',
        path: ['corrects'],
        message: `event ${event.corrects} is itself a correction (of event ${target.corrects}); correct event ${target.corrects} instead`,
      },
    ]);
  if (event.date < target.date)
    return refuse({
      kind: 'out-of-order',
      state: file.state,
      event: 'correction',
      date: event.date,
      notBefore: target.date,
      message: `a correction on ${event.date} is dated before the event it corrects (${target.type} on ${target.date})`,
    });
  const roster = file.procedure.roster;
  if (event.replacement && roster) {
    const issues = checkEventAgainstTreaty(event.replacement, roster).map((i) => ({ ...i, path: ['replacement', ...i.path] }));
    if (issues.length > 0) return bad(issues);
  }
  const events = [...file.events, event];
  const entries = effectiveEntries(events);
  let replayed = openCaseFile(file, file.procedure);
  for (const { seq, event: e } of entries) {
    const r = transition(replayed, e);
    if (!r.ok)
      return bad([
        {
          code: r.refusal.kind,
          path: ['corrects'],
          message: `the corrected log would not satisfy the ${file.treaty} procedure: at event ${seq}, ${r.refusal.message}`,
        },
      ]);
    replayed = r.file;
  }
  return { ok: true, file: { ...file, events, state: replayed.state } };
}

function refuse(refusal: TransitionRefusal): { readonly ok: false; readonly refusal: TransitionRefusal } {
  return { ok: false, refusal };
}

/**
 * Replays a stored log through a procedure. A refusal names the event's index.
 * @example replayCase(log, procedure).ok && replayCase(log, procedure).file.state === 'closed'
 */
export function replayCase(
  log: CaseLog,
  procedure: Procedure,
): { readonly ok: true; readonly file: CaseFile } | { readonly ok: false; readonly index: number; readonly refusal: TransitionRefusal } {
  const { events, ...header } = log;
  let file = openCaseFile(header, procedure);
  // Until a correction, the corrected view is the log itself: each event is checked against the
  // events so far, which grow in place, so replaying a long log is linear rather than quadratic.
  const soFar: CaseEvent[] = [];
  let corrected = false;
  for (const [index, event] of events.entries()) {
    if (!corrected && event.type !== 'correction') {
      const next = checkNext(file, soFar as ProcedureEvent[], event);
      if (!next.ok) return { ok: false, index, refusal: next.refusal };
      soFar.push(event);
      if (next.state !== file.state) file = { ...file, state: next.state };
      continue;
    }
    if (!corrected) file = { ...file, events: [...soFar] };
    corrected = true;
    const result = transition(file, event);
    if (!result.ok) return { ok: false, index, refusal: result.refusal };
    file = result.file;
  }
  return { ok: true, file: corrected ? file : { ...file, events: soFar } };
}

/** The throwing twin of {@link replayCase}, for logs that were validated when written. */
export function replayCaseOrThrow(log: CaseLog, procedure: Procedure): CaseFile {
  const result = replayCase(log, procedure);
  if (result.ok) return result.file;
  throw new CasusError(
    'invalid-input',
    `case file ${log.id}: events[${result.index}]: ${result.refusal.message} (has the ${log.treaty} procedure changed?)`,
    { details: { refusal: result.refusal } },
  );
}

/** A refusal as an `invalid-input` error naming the state and what it accepts. */
export function refusalError(caseId: string, refusal: TransitionRefusal): CasusError {
  return new CasusError('invalid-input', `case file ${caseId}: ${refusal.message}`, {
    issues: refusalIssues(refusal),
    details: { refusal },
  });
}

/** A refusal as issues, with paths inside the event (`date`, `type`, `by[0]`, …). */
export function refusalIssues(refusal: TransitionRefusal): Issue[] {
  if (refusal.kind === 'not-in-treaty') return [...refusal.issues];
  return [{ code: refusal.kind, path: refusal.kind === 'out-of-order' ? ['date'] : ['type'], message: refusal.message }];
}
