import { describe, expect, it } from 'vitest';
import type { CaseEvent } from './case-event.js';
import type { CaseLog } from './case-file.js';
import { caseLatencies } from './case-latencies.js';
import { TEST_HEADER } from '../../../test/support/casefile-fixtures.js';

const src = [{ title: 'T', url: 'https://example.org' }];
const log = (events: readonly CaseEvent[]): CaseLog => ({ ...TEST_HEADER, events });
const recorded: CaseEvent = { type: 'incident-recorded', date: '2022-09-13', sources: src };
const consult = (date: string): CaseEvent => ({ type: 'consultations-convened', date, body: 'Council', sources: src });
const apply = (date: string): CaseEvent => ({ type: 'application-lodged', date, by: ['ARM'], request: 'help', sources: src });
const decide = (date: string): CaseEvent => ({ type: 'decision-taken', date, body: 'Council', outcome: 'mission', sources: src });

describe('caseLatencies', () => {
  it('measures consecutive milestones in procedural order', () => {
    const l = caseLatencies(log([recorded, apply('2022-09-14'), consult('2022-09-15'), decide('2022-09-20')]));
    expect(l.afterIncident).toEqual({ application: 1, consultation: 2, decision: 7 });
    expect(l.steps).toEqual([
      { from: 'incident', to: 'application', days: 1 },
      { from: 'application', to: 'consultation', days: 1 },
      { from: 'consultation', to: 'decision', days: 5 },
    ]);
  });

  it('never reports a negative step: consultations before the application get no step (Sotk 2021)', () => {
    const l = caseLatencies(log([recorded, consult('2022-09-14'), apply('2022-09-15'), decide('2022-09-16')]));
    expect(l.afterIncident).toEqual({ application: 2, consultation: 1, decision: 3 });
    expect(l.steps).toEqual([
      { from: 'incident', to: 'application', days: 2 },
      { from: 'application', to: 'decision', days: 1 },
    ]);
  });

  it('measures to the first later event of a milestone when an earlier one preceded the previous step', () => {
    const l = caseLatencies(log([recorded, consult('2022-09-14'), apply('2022-09-15'), consult('2022-09-17')]));
    expect(l.dates.consultation).toBe('2022-09-14');
    expect(l.steps).toEqual([
      { from: 'incident', to: 'application', days: 2 },
      { from: 'application', to: 'consultation', days: 2 },
    ]);
  });
});
