/**
 * @module transition
 * The only way a case file moves: `transition(file, event)` checks the event against the treaty's
 * procedure and the calendar, and returns the next file or a refusal that says why.
 */
import { CasusError, formatPath, type Issue } from '../errors.js';
import { checkEventAgainstTreaty } from './treaty-roster.js';
import type { CaseEvent, EventType } from './case-event.js';
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
      readonly event: EventType;
      /** Each bad field, with its path within the event (`provision`, `by[0]`, `positions.JPN`). */
      readonly issues: readonly Issue[];
      readonly message: string;
    }
  | {
      readonly kind: 'out-of-order';
      readonly state: string;
      readonly event: EventType;
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
 * current state. Dates never go backwards, and nothing precedes the incident.
 * @example transition(openCaseFile(header, procedure), { type: 'closed', ... }).ok === false
 */
export function transition(file: CaseFile, event: CaseEvent): TransitionResult {
  const { procedure, state } = file;
  const last = file.events.at(-1);
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
  const missing = (row?.row.requires ?? []).filter((type) => !file.events.some((e) => e.type === type));
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
  return { ok: true, file: { ...file, events: [...file.events, event], state: to } };
}

function refuse(refusal: TransitionRefusal): TransitionResult {
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
  for (const [index, event] of events.entries()) {
    const result = transition(file, event);
    if (!result.ok) return { ok: false, index, refusal: result.refusal };
    file = result.file;
  }
  return { ok: true, file };
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
