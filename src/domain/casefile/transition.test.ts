import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type CaseEvent, type EventType } from './case-event.js';
import { openCaseFile, type CaseFile } from './case-file.js';
import { allowedEvents, nextState } from './procedure-schema.js';
import { minimalEvent, TEST_HEADER, TEST_PROCEDURE } from '../../../test/support/casefile-fixtures.js';
import { replayCase, transition } from './transition.js';

const ev = (type: EventType, date: string): CaseEvent => minimalEvent(type, date, { by: 'ARM', provision: 'art-4', outcome: 'mission' });

function play(types: readonly EventType[], date = '2022-09-14'): CaseFile {
  let file = openCaseFile(TEST_HEADER, TEST_PROCEDURE);
  for (const t of types) {
    const r = transition(file, ev(t, date));
    if (!r.ok) throw new Error(r.refusal.message);
    file = r.file;
  }
  return file;
}

describe('transition', () => {
  it('follows the declared table from the initial state', () => {
    const file = play(['incident-recorded', 'application-lodged', 'consultations-convened', 'decision-taken', 'mission-dispatched']);
    expect(file.state).toBe('mission');
    expect(file.events).toHaveLength(5);
  });

  it.each([
    ['a case file that does not start with incident-recorded', [], 'application-lodged', /starts with incident-recorded; got application-lodged/],
    ['assistance before any decision', ['incident-recorded', 'application-lodged'], 'assistance-provided', /not allowed in state "applied" \(Application lodged\); it accepts consultations-convened, decision-taken, application-withdrawn, closed/],
    ['a decision with no application or consultations', ['incident-recorded'], 'decision-taken', /not allowed in state "recorded"/],
    ['withdrawing assistance never provided', ['incident-recorded', 'application-lodged', 'decision-taken'], 'assistance-withdrawn', /not allowed in state "decided"/],
    ['anything after closing', ['incident-recorded', 'closed'], 'application-lodged', /not allowed in state "closed" \(Closed\); it accepts no further events/],
  ] as const)('refuses %s, naming the state and the allowed events', (_, before, next, message) => {
    const file = play(before);
    const r = transition(file, ev(next, '2022-09-15'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal.kind).toBe('not-allowed');
    expect(r.refusal.message).toMatch(message);
    if (r.refusal.kind === 'not-allowed') expect(r.refusal.allowed).toEqual(before.length === 0 ? ['incident-recorded'] : allowedEvents(TEST_PROCEDURE, file.state));
  });

  it('refuses an event dated before the previous one, and anything dated before the incident', () => {
    const file = play(['incident-recorded', 'application-lodged'], '2022-09-20');
    const r = transition(file, ev('decision-taken', '2022-09-19'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal).toMatchObject({ kind: 'out-of-order', date: '2022-09-19', notBefore: '2022-09-20' });
    const first = transition(openCaseFile(TEST_HEADER, TEST_PROCEDURE), ev('incident-recorded', '2022-09-12'));
    expect(!first.ok && first.refusal.message).toMatch(/before the incident \(2022-09-13\)/);
  });

  it('accepts events on the same day (a decision the night of the application)', () => {
    expect(play(['incident-recorded', 'application-lodged', 'decision-taken'], '2022-09-13').state).toBe('decided');
  });

  it('never moves except by the table, and replaying the accepted events reproduces the file (property)', () => {
    const step = fc.record({ type: fc.constantFrom(...EVENT_TYPES), gap: fc.integer({ min: -2, max: 3 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let file = openCaseFile(TEST_HEADER, TEST_PROCEDURE);
        let day = Date.parse('2022-09-13T00:00:00Z');
        for (const { type, gap } of steps) {
          day += gap * 86_400_000;
          const event = ev(type, new Date(day).toISOString().slice(0, 10));
          const before = file;
          const r = transition(file, event);
          if (r.ok) {
            const expected = before.events.length === 0 ? before.state : nextState(TEST_PROCEDURE, before.state, type);
            expect(r.file.state).toBe(expected);
            expect(event.date >= (before.events.at(-1)?.date ?? TEST_HEADER.incident.date)).toBe(true);
            file = r.file;
          } else {
            expect(file).toBe(before);
          }
        }
        const replayed = replayCase(file, TEST_PROCEDURE);
        expect(replayed.ok && replayed.file.state).toBe(file.state);
      }),
      { numRuns: 300 },
    );
  });

  it('reports the index of the first refused event when replaying a stored log', () => {
    const good = play(['incident-recorded', 'application-lodged']);
    const bad = { ...good, events: [...good.events, ev('mission-dispatched', '2022-09-15')] };
    const r = replayCase(bad, TEST_PROCEDURE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.index).toBe(2);
  });
});
