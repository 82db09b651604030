import { describe, expect, it } from 'vitest';
import { TEST_HEADER, TEST_PROCEDURE } from '../../../test/support/casefile-fixtures.js';
import type { CaseEvent } from './case-event.js';
import { caseCompliance } from './case-compliance.js';
import { openCaseFile, type CaseFile } from './case-file.js';
import { caseLatencies } from './case-latencies.js';
import { parseCaseEvent } from './event-schema.js';
import { replayCase, transition } from './transition.js';

const src = [{ title: 'T', url: 'https://example.org' }];
const recorded: CaseEvent = { type: 'incident-recorded', date: '2022-09-13', sources: src };
const applied: CaseEvent = { type: 'application-lodged', date: '2022-09-13', by: ['ARM'], provision: 'art-4', request: 'help', sources: src };
const decided: CaseEvent = { type: 'decision-taken', date: '2022-09-14', body: 'Council', outcome: 'mission', sources: src };
const mission: CaseEvent = { type: 'mission-dispatched', date: '2022-09-20', what: 'mission', sources: src };

function play(events: readonly CaseEvent[]): CaseFile {
  let file = openCaseFile(TEST_HEADER, TEST_PROCEDURE);
  for (const e of events) {
    const r = transition(file, e);
    if (!r.ok) throw new Error(r.refusal.message);
    file = r.file;
  }
  return file;
}
const refusal = (file: CaseFile, e: CaseEvent) => {
  const r = transition(file, e);
  return r.ok ? undefined : r.refusal;
};

describe('corrections', () => {
  it('replaces an event for every derived figure while the original stays in the log', () => {
    const file = play([
      recorded,
      applied,
      decided,
      { type: 'correction', date: '2022-09-30', corrects: 3, replacement: { ...decided, date: '2022-09-16', outcome: 'declined' }, reason: 'misdated, and it was a refusal', sources: src },
    ]);
    expect(file.events).toHaveLength(4);
    expect(file.events[2]).toEqual(decided);
    expect(file.state).toBe('decided');
    expect(caseCompliance(file).decisions).toEqual([{ date: '2022-09-16', body: 'Council', outcome: 'declined' }]);
    expect(caseLatencies(file).afterIncident.decision).toBe(3);
  });

  it('retracts an event: the procedure state goes back and later events follow the corrected log', () => {
    const file = play([recorded, applied, decided, { type: 'correction', date: '2022-09-15', corrects: 3, retract: true, reason: 'no decision was taken', sources: src }]);
    expect(file.state).toBe('applied');
    expect(caseCompliance(file).decisions).toEqual([]);
    expect(refusal(file, mission)?.message).toMatch(/not allowed in state "applied"/);
    expect(play([...file.events, { ...decided, date: '2022-09-14' }]).state).toBe('decided');
  });

  it('refuses a correction whose corrected log breaks the procedure, naming the event that fails', () => {
    const file = play([recorded, applied, decided, mission]);
    const r = refusal(file, { type: 'correction', date: '2022-09-21', corrects: 3, retract: true, reason: 'x', sources: src });
    expect(r?.kind).toBe('bad-correction');
    expect(r?.message).toMatch(/^corrects: the corrected log would not satisfy the csto procedure: at event 4, mission-dispatched is not allowed in state "applied"/);
    const misdated = refusal(file, { type: 'correction', date: '2022-09-21', corrects: 2, replacement: { ...applied, date: '2022-09-15' }, reason: 'x', sources: src });
    expect(misdated?.message).toMatch(/at event 3, decision-taken on 2022-09-14 is dated before the last event/);
  });

  it.each([
    ['a later event', 5, /^corrects: expected the number of an earlier event of this case file \(1 to 3\); got 5$/],
    ['the correction itself', 4, /^corrects: expected the number of an earlier event of this case file \(1 to 3\); got 4$/],
  ])('refuses a correction of %s', (_, corrects, message) => {
    const file = play([recorded, applied, decided]);
    expect(refusal(file, { type: 'correction', date: '2022-09-15', corrects, retract: true, reason: 'x', sources: src })?.message).toMatch(message);
  });

  it('refuses correcting a correction, and a correction dated before the event it corrects', () => {
    const file = play([recorded, applied, decided, { type: 'correction', date: '2022-09-15', corrects: 3, replacement: { ...decided, outcome: 'declined' }, reason: 'x', sources: src }]);
    expect(refusal(file, { type: 'correction', date: '2022-09-16', corrects: 4, retract: true, reason: 'x', sources: src })?.message).toMatch(
      /event 4 is itself a correction \(of event 3\); correct event 3 instead/,
    );
    expect(refusal(file, { type: 'correction', date: '2022-09-13', corrects: 3, retract: true, reason: 'x', sources: src })?.message).toMatch(
      /dated before the event it corrects \(decision-taken on 2022-09-14\)/,
    );
  });

  it('lets a later correction of the same event win, and replays the same from the stored log', () => {
    const file = play([
      recorded,
      applied,
      decided,
      { type: 'correction', date: '2022-09-15', corrects: 3, retract: true, reason: 'x', sources: src },
      { type: 'correction', date: '2022-09-16', corrects: 3, replacement: { ...decided, outcome: 'assistance' }, reason: 'it did happen', sources: src },
    ]);
    expect(file.state).toBe('decided');
    expect(caseCompliance(file).decisions.map((d) => d.outcome)).toEqual(['assistance']);
    const replayed = replayCase(file, TEST_PROCEDURE);
    expect(replayed.ok && replayed.file.state).toBe('decided');
  });
});

describe('parseCaseEvent for corrections', () => {
  const issues = (input: unknown, origin: 'record' | 'user' = 'user') => {
    const r = parseCaseEvent(input, origin);
    return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('accepts a retraction and a replacement', () => {
    expect(issues({ type: 'correction', date: '2022-09-15', corrects: 3, retract: true, reason: 'x', note: 'n' })).toEqual([]);
    expect(issues({ type: 'correction', date: '2022-09-15', corrects: 3, replacement: { type: 'closed', date: '2022-09-15', reason: 'r', note: 'n' }, reason: 'x', note: 'n' })).toEqual([]);
  });
  it.each([
    [{ type: 'correction', date: '2022-09-15', corrects: 3, reason: 'x', note: 'n' }, 'replacement: a correction needs exactly one of replacement'],
    [{ type: 'correction', date: '2022-09-15', corrects: 3, retract: true, replacement: { type: 'closed', date: '2022-09-15', reason: 'r', note: 'n' }, reason: 'x', note: 'n' }, 'retract: a correction needs exactly one'],
    [{ type: 'correction', date: '2022-09-15', corrects: 0, retract: true, reason: 'x', note: 'n' }, 'corrects: expected the number (1 or more)'],
    [{ type: 'correction', date: '2022-09-15', corrects: 3, retract: true, note: 'n' }, 'reason: required'],
    [{ type: 'correction', date: '2022-09-15', corrects: 3, replacement: { type: 'correction', date: '2022-09-15', corrects: 1, retract: true, reason: 'r' }, reason: 'x', note: 'n' }, 'replacement.type: expected an event type, one of incident-recorded'],
    [{ type: 'correction', date: '2022-09-15', corrects: 3, replacement: { type: 'closed', date: '2022-09-15', reason: 'r' }, reason: 'x', note: 'n' }, 'replacement.note: an event without sources needs a note'],
  ])('rejects %j naming the field', (input, expected) => {
    expect(issues(input).join('\n')).toContain(expected);
  });
  it('requires sources on a record correction and on its replacement', () => {
    expect(issues({ type: 'correction', date: '2022-09-15', corrects: 3, replacement: { type: 'closed', date: '2022-09-15', reason: 'r' }, reason: 'x' }, 'record')).toEqual([
      'sources: a record event needs at least one source',
      'replacement.sources: a record event needs at least one source',
    ]);
  });
});
