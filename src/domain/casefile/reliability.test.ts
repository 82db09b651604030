import { describe, expect, it } from 'vitest';
import type { CaseEvent, EventType } from './case-event.js';
import { caseCompliance } from './case-compliance.js';
import { caseLatencies } from './case-latencies.js';
import { caseVerdict } from './case-verdict.js';
import { openCaseFile, type CaseFile } from './case-file.js';
import { computeReliability, describeReadings, type AssessIncident } from './reliability.js';
import { TEST_HEADER, TEST_PROCEDURE } from '../../../test/support/casefile-fixtures.js';
import { transition } from './transition.js';

const src = [{ title: 'T', url: 'https://example.org' }];
function build(id: string, steps: readonly (readonly [EventType, string, Partial<CaseEvent>?])[]): CaseFile {
  let file = openCaseFile({ ...TEST_HEADER, id }, TEST_PROCEDURE);
  for (const [type, date, extra] of steps) {
    const defaults: Record<string, unknown> = {
      'application-lodged': { by: ['ARM'], provision: 'art-4', request: 'help' },
      'consultations-convened': { body: 'Council' },
      'decision-taken': { body: 'Council', outcome: 'mission' },
      'mission-dispatched': { what: 'fact-finding mission' },
      'assistance-provided': { kind: 'peacekeeping' },
      closed: { reason: 'over' },
    };
    const event = { type, date, sources: src, ...(defaults[type] as object), ...extra } as CaseEvent;
    const r = transition(file, event);
    if (!r.ok) throw new Error(r.refusal.message);
    file = r.file;
  }
  return file;
}

const mission = build('mission', [
  ['incident-recorded', '2022-09-13'],
  ['application-lodged', '2022-09-13'],
  ['consultations-convened', '2022-09-13'],
  ['decision-taken', '2022-09-13'],
  ['mission-dispatched', '2022-09-28'],
]);
const assistance = build('assistance', [
  ['incident-recorded', '2022-09-13'],
  ['application-lodged', '2022-09-16'],
  ['decision-taken', '2022-09-17', { outcome: 'assistance' }],
  ['assistance-provided', '2022-09-17'],
  ['assistance-withdrawn', '2022-09-30'],
  ['closed', '2022-09-30'],
]);
const silent = build('silent', [
  ['incident-recorded', '2022-09-13'],
  ['closed', '2022-09-20'],
]);

describe('derived figures', () => {
  it('measures latencies between the milestones reached', () => {
    expect(caseLatencies(mission)).toEqual({
      dates: { incident: '2022-09-13', application: '2022-09-13', consultation: '2022-09-13', decision: '2022-09-13', delivery: '2022-09-28' },
      afterIncident: { application: 0, consultation: 0, decision: 0, delivery: 15 },
      steps: [
        { from: 'incident', to: 'application', days: 0 },
        { from: 'application', to: 'consultation', days: 0 },
        { from: 'consultation', to: 'decision', days: 0 },
        { from: 'decision', to: 'delivery', days: 15 },
      ],
    });
    expect(caseLatencies(assistance).steps.map((s) => `${s.from}>${s.to}:${s.days}`)).toEqual([
      'incident>application:3',
      'application>decision:1',
      'decision>delivery:0',
    ]);
  });

  it('summarises compliance: applied, decided, delivered', () => {
    expect(caseCompliance(mission)).toMatchObject({ applied: true, consulted: true, delivered: 'mission' });
    expect(caseCompliance(assistance)).toMatchObject({ delivered: 'assistance', assistanceWithdrawn: '2022-09-30', closed: { reason: 'over' } });
    expect(caseCompliance(silent)).toMatchObject({ applied: false, delivered: 'nothing', decisions: [] });
  });

  it('writes a one-line verdict', () => {
    expect(caseVerdict(mission, 'art-4 triggered on every reading')).toBe(
      'art-4 triggered on every reading; applied the same day; mission agreed the same day; mission only, no assistance; open (Mission on the ground)',
    );
    expect(caseVerdict(assistance)).toBe(
      'applied within 3 days; assistance agreed within 1 day; peacekeeping assistance delivered within 4 days of the incident; assistance withdrawn 2022-09-30',
    );
    expect(caseVerdict(silent)).toBe('no application');
  });
});

describe('computeReliability', () => {
  it('says "assessment unavailable" rather than guess when no assessment engine is given', () => {
    const report = computeReliability([mission, silent]);
    expect(report.assessment).toBe('unavailable');
    const [csto] = report.alliances;
    expect(csto).toMatchObject({ treaty: 'csto', cases: 2, triggered: null, applied: 1, decided: 1, missions: 1, assistance: 0 });
    expect(csto?.caseReports.every((c) => c.verdict.startsWith('assessment unavailable;'))).toBe(true);
  });

  it('uses the injected assessment, for the provision the application invoked', () => {
    const assess: AssessIncident = () => ({
      findings: [
        { treaty: 'csto', provision: 'art-4', reading: 'recognized', status: 'triggered' },
        { treaty: 'csto', provision: 'art-4', reading: 'administered', status: 'triggered' },
        { treaty: 'csto', provision: 'art-4', reading: 'delimited', status: 'undetermined' },
        { treaty: 'csto', provision: 'art-2', reading: 'recognized', status: 'not-triggered' },
        { treaty: 'nato', provision: 'art-5', reading: 'recognized', status: 'not-triggered' },
      ],
    });
    const report = computeReliability([mission, assistance, silent], { assess });
    const [csto] = report.alliances;
    expect(csto?.triggered).toBe(3);
    expect(csto?.medianDays).toEqual({ application: 1.5, decision: 2, delivery: 9.5 });
    expect(csto?.caseReports[0]?.verdict).toMatch(/^art-4 triggered under recognized, administered; undetermined under delimited; applied/);
  });

  it('reports a failing assessment as unavailable for that case, with the reason', () => {
    const report = computeReliability([silent], {
      assess: () => {
        throw new Error('no text in force');
      },
    });
    expect(report.alliances[0]?.caseReports[0]?.triggered).toEqual({ available: false, reason: 'assessment failed: no text in force' });
  });

  it.each([
    [['triggered', 'triggered'], 'art-5 triggered on every reading'],
    [['not-triggered', 'not-triggered'], 'art-5 not triggered on any reading'],
    [['triggered', 'not-triggered'], 'art-5 triggered under r0; not under r1'],
  ] as const)('describes readings %j as "%s"', (statuses, expected) => {
    expect(describeReadings('art-5', statuses.map((status, i) => ({ reading: `r${i}`, status })))).toBe(expected);
  });
});
