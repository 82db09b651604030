/**
 * The shipped procedures (data/treaties/*.yaml `procedure:` blocks) refuse impossible orders and
 * accept the orders the record needs: one table of event sequences per treaty, each replayed
 * through the REAL procedure, not the fixture one.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCaseFile, transition, type CaseEvent, type CaseFile, type EventType } from '../src/domain/casefile/index.js';
import { loadProcedure } from '../src/knowledge/record/index.js';
import { minimalEvent } from './support/casefile-fixtures.js';

const TREATIES = join(resolve(import.meta.dirname, '..'), 'data/treaties');

const src = [{ title: 'T', url: 'https://example.org' }];

/** The applicant per treaty: a party on 2022-09-13, the date every sequence is played on. */
const APPLICANT: Readonly<Record<string, string>> = { csto: 'ARM', nato: 'POL', 'us-japan': 'JPN' };

function event(treaty: string, type: EventType, date: string): CaseEvent {
  return minimalEvent(type, date, { by: APPLICANT[treaty]!, outcome: 'assistance' });
}

/** Replays `types`; returns the refusal message of the first refused event, or the final state. */
function play(treaty: string, types: readonly EventType[]): { ok: true; state: string } | { ok: false; at: number; message: string } {
  const procedure = loadProcedure(treaty, TREATIES);
  let file: CaseFile = openCaseFile(
    {
      id: 't',
      treaty,
      title: 't',
      incident: { date: '2022-09-13', at: [0, 0], attacker: 'RUS', target: APPLICANT[treaty]!, kind: 'armed-attack', against: 'territory' },
      origin: 'user',
    },
    procedure,
  );
  for (const [at, type] of types.entries()) {
    const r = transition(file, event(treaty, type, '2022-09-13'));
    if (!r.ok) return { ok: false, at, message: r.refusal.message };
    file = r.file;
  }
  return { ok: true, state: file.state };
}

const R = 'incident-recorded';
type Row = readonly [treaty: string, why: string, types: readonly EventType[], refusedAt: number, message: RegExp];

describe('the shipped procedures refuse impossible orders', () => {
  const refused: readonly Row[] = [
    ['csto', 'assistance with no application (Article 4 as amended: "at the request")', [R, 'decision-taken', 'assistance-provided'], 2, /assistance-provided requires an earlier application-lodged in this case file, and there is none \(procedure transitions\[5\]: Article 4 as amended/],
    ['csto', 'assistance before any decision', [R, 'application-lodged', 'assistance-provided'], 2, /not allowed in state "applied"/],
    ['csto', 'a mission before any decision', [R, 'application-lodged', 'mission-dispatched'], 2, /not allowed in state "applied"/],
    ['csto', 'withdrawing assistance never provided', [R, 'application-lodged', 'decision-taken', 'assistance-withdrawn'], 3, /not allowed in state "decided"/],
    ['csto', 'withdrawing an application never lodged', [R, 'application-withdrawn'], 1, /not allowed in state "recorded"/],
    ['csto', 'anything after closing', [R, 'closed', 'application-lodged'], 2, /not allowed in state "closed" \(Closed\); it accepts no further events/],
    ['csto', 'a first event other than incident-recorded', ['application-lodged'], 0, /starts with incident-recorded/],
    ['nato', 'assistance before any decision', [R, 'application-lodged', 'assistance-provided'], 2, /not allowed in state "requested"/],
    ['nato', 'withdrawing measures never deployed', [R, 'decision-taken', 'assistance-withdrawn'], 2, /not allowed in state "decided"/],
    ['nato', 'anything after closing', [R, 'closed', 'decision-taken'], 2, /not allowed in state "closed"/],
    ['us-japan', 'assistance before any decision', [R, 'consultations-convened', 'assistance-provided'], 2, /not allowed in state "consulting"/],
    ['us-japan', 'withdrawing assistance never provided', [R, 'decision-taken', 'assistance-withdrawn'], 2, /not allowed in state "decided"/],
    ['us-japan', 'anything after closing', [R, 'closed', 'consultations-convened'], 2, /not allowed in state "closed"/],
  ];
  it.each(refused)('%s refuses %s', (treaty, _, types, refusedAt, message) => {
    const r = play(treaty, types);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.at).toBe(refusedAt);
    expect(r.message).toMatch(message);
  });

  const accepted: readonly (readonly [string, string, readonly EventType[], string])[] = [
    ['csto', 'assistance at the request of the member (Kazakhstan 2022)', [R, 'application-lodged', 'decision-taken', 'assistance-provided', 'assistance-withdrawn', 'closed'], 'closed'],
    ['csto', 'consultations before any application (13 July 2020)', [R, 'consultations-convened', 'application-lodged'], 'applied'],
    ['nato', 'assistance with no application (Article 5, September 2001)', [R, 'decision-taken', 'assistance-provided'], 'assisting'],
    ['us-japan', 'consultation, decision and measures', [R, 'application-lodged', 'decision-taken', 'assistance-provided'], 'assisting'],
  ];
  it.each(accepted)('%s accepts %s', (treaty, _, types, state) => {
    expect(play(treaty, types)).toEqual({ ok: true, state });
  });
});

describe('events are checked against the treaty, not only the procedure', () => {
  const procedure = (treaty: string) => loadProcedure(treaty, TREATIES);
  const opened = (treaty: string, target: string, date: string) =>
    openCaseFile(
      { id: 't', treaty, title: 't', incident: { date, at: [0, 0], attacker: 'AZE', target, kind: 'armed-attack', against: 'territory' }, origin: 'user' },
      procedure(treaty),
    );
  const recorded = (treaty: string, target: string, date: string) => {
    const r = transition(opened(treaty, target, date), { type: 'incident-recorded', date, sources: src });
    if (!r.ok) throw new Error(r.refusal.message);
    return r.file;
  };
  const issuesOf = (file: CaseFile, e: CaseEvent) => {
    const r = transition(file, e);
    return r.ok ? [] : r.refusal.kind === 'not-in-treaty' ? r.refusal.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [r.refusal.message];
  };

  it('refuses an application by a non-party under a provision the treaty does not have, naming both fields', () => {
    const file = recorded('csto', 'ARM', '2022-09-13');
    const issues = issuesOf(file, { type: 'application-lodged', date: '2022-09-13', by: ['USA'], provision: 'art-99', request: 'help', sources: src });
    expect(issues).toEqual([
      'provision: expected a provision of csto (art-4, art-2); got "art-99"',
      expect.stringMatching(/^by\.0: expected a party to csto on 2022-09-13 \(ARM, BLR, KAZ, KGZ, RUS, TJK\); got "USA"$/) as string,
    ]);
  });

  it('refuses a position recorded for a polity that is not a party on the decision date', () => {
    let file = recorded('csto', 'ARM', '2022-09-13');
    const applied = transition(file, { type: 'application-lodged', date: '2022-09-13', by: ['ARM'], provision: 'art-4', request: 'help', sources: src });
    if (!applied.ok) throw new Error(applied.refusal.message);
    file = applied.file;
    const issues = issuesOf(file, { type: 'decision-taken', date: '2022-09-14', body: 'Council', outcome: 'mission', positions: { RUS: 'for', JPN: 'for' }, sources: src });
    expect(issues).toEqual([expect.stringMatching(/^positions\.JPN: expected a party to csto on 2022-09-14 \(.*RUS.*\); got "JPN"$/) as string]);
  });

  it('counts membership on the event date: Finland could not apply to NATO before its accession (4 April 2023)', () => {
    const before = recorded('nato', 'FIN', '2023-03-01');
    expect(issuesOf(before, { type: 'application-lodged', date: '2023-03-01', by: ['FIN'], provision: 'art-4', request: 'consultations', sources: src })[0]).toMatch(
      /^by\.0: expected a party to nato on 2023-03-01 .*; got "FIN"$/,
    );
    const after = recorded('nato', 'FIN', '2023-05-01');
    expect(issuesOf(after, { type: 'application-lodged', date: '2023-05-01', by: ['FIN'], provision: 'art-4', request: 'consultations', sources: src })).toEqual([]);
  });
});
