/**
 * replayCase checks a log without corrections against the events so far, grown in place (linear),
 * and falls back to transition after the first correction: for any log, through the real
 * procedures, it must give exactly what folding transition over the events gives, refusals included.
 */
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, openCaseFile, replayCase, transition, type CaseEvent, type CaseLog, type Procedure } from '../src/domain/casefile/index.js';
import { loadProcedure } from '../src/knowledge/record/index.js';
import { minimalEvent } from './support/casefile-fixtures.js';

const TREATIES = join(resolve(import.meta.dirname, '..'), 'data/treaties');
const APPLICANT: Readonly<Record<string, string>> = { csto: 'ARM', nato: 'POL', 'us-japan': 'JPN' };

function fold(log: CaseLog, procedure: Procedure) {
  const { events, ...header } = log;
  let file = openCaseFile(header, procedure);
  for (const [index, event] of events.entries()) {
    const r = transition(file, event);
    if (!r.ok) return { ok: false as const, index, refusal: r.refusal };
    file = r.file;
  }
  return { ok: true as const, file };
}

describe('replayCase', () => {
  it('replays a long log (the contended case file of the load bench) as transition does, before and after a correction', () => {
    const procedure = loadProcedure('nato', TREATIES);
    const note = (i: number): CaseEvent => ({ ...minimalEvent('incident-recorded', '2024-01-01', { by: 'POL', outcome: 'assistance' }), note: `bench w0 #${i}` });
    const events: CaseEvent[] = Array.from({ length: 2000 }, (_, i) => note(i));
    events.push(minimalEvent('application-lodged', '2024-01-02', { by: 'POL', outcome: 'assistance' }));
    events.push({ type: 'correction', date: '2024-01-03', sources: [{ title: 'T', url: 'https://example.org' }], corrects: 2001, retract: true, reason: 'test' });
    events.push(...Array.from({ length: 50 }, (_, i) => note(2000 + i)).map((e) => ({ ...e, date: '2024-01-03' })));
    const log: CaseLog = {
      id: 't',
      treaty: 'nato',
      title: 't',
      incident: { date: '2024-01-01', at: [59.437, 24.7536], attacker: 'RUS', target: 'EST', kind: 'armed-attack', against: 'territory' },
      origin: 'user',
      events,
    };
    const replayed = replayCase(log, procedure);
    expect(replayed.ok).toBe(true);
    expect(replayed).toEqual(fold(log, procedure));
  });


  it.each(Object.keys(APPLICANT))('equals folding transition over any %s log, with and without corrections', (treaty) => {
    const procedure = loadProcedure(treaty, TREATIES);
    const step = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('event' as const), type: fc.constantFrom(...EVENT_TYPES), day: fc.integer({ min: 0, max: 3 }) }), weight: 5 },
      { arbitrary: fc.record({ kind: fc.constant('correction' as const), corrects: fc.integer({ min: 1, max: 12 }), retract: fc.boolean(), day: fc.integer({ min: 0, max: 3 }) }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        let day = 13;
        const events: CaseEvent[] = [minimalEvent('incident-recorded', '2022-09-13', { by: APPLICANT[treaty]!, outcome: 'assistance' })];
        for (const s of steps) {
          day = Math.min(28, day + s.day);
          const date = `2022-09-${String(day).padStart(2, '0')}`;
          if (s.kind === 'event') events.push(minimalEvent(s.type, date, { by: APPLICANT[treaty]!, outcome: 'assistance' }));
          else
            events.push({
              type: 'correction',
              date,
              sources: [{ title: 'T', url: 'https://example.org' }],
              corrects: s.corrects,
              reason: 'test',
              ...(s.retract ? { retract: true as const } : { replacement: minimalEvent('consultations-convened', date, { by: APPLICANT[treaty]!, outcome: 'assistance' }) as never }),
            });
        }
        const log: CaseLog = {
          id: 't',
          treaty,
          title: 't',
          incident: { date: '2022-09-13', at: [0, 0], attacker: 'RUS', target: APPLICANT[treaty]!, kind: 'armed-attack', against: 'territory' },
          origin: 'user',
          events,
        };
        expect(replayCase(log, procedure)).toEqual(fold(log, procedure));
      }),
      { numRuns: 300 },
    );
  });
});
