/**
 * The answer writer writes exactly the bytes of JSON.stringify then UTF-8, for the full answer and
 * the summary view, over thousands of incidents (dates 1995-2025, places in and out of the parties,
 * disputed ground, no place at all, dates before a treaty is in force, one treaty or one reading);
 * and grows its buffer when an answer is larger than it.
 */
import { describe, expect, it } from 'vitest';
import { answerJson } from '../src/api/assessments-service.js';
import { createAnswerWriter, textsOf } from '../src/api/answer-writer.js';
import { incidentSchema } from '../src/domain/assessment/index.js';
import type { z } from 'zod';
import { READINGS } from '../src/domain/territory/index.js';
import { assessIncident, loadKnowledge } from '../src/knowledge/index.js';
import { incidentAt } from '../bench/incidents.js';

const knowledge = loadKnowledge();
const writer = createAnswerWriter(textsOf(knowledge.treaties));

const SPECIAL: readonly [z.input<typeof incidentSchema>, { treaties?: string[]; readings?: typeof READINGS }][] = [
  [{ date: '2022-09-13', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM' }, {}],
  [{ date: '2016-06-01', at: [44.9521, 34.1024], attacker: 'RUS', target: 'UKR', kind: 'armed-attack', against: 'territory' }, {}],
  [{ date: '2001-09-11', target: 'USA', kind: 'armed-attack', against: 'territory' }, {}],
  [{ date: '1950-06-25', at: [37.5, 127], attacker: 'PRK', target: 'KOR' }, {}],
  [{ date: '2020-10-01', at: [39.8, 46.75], attacker: 'AZE', target: 'ARM', requestedBy: ['ARM'] }, { treaties: ['csto'], readings: ['claimed'] }],
  [{ date: '2024-01-01', at: [59.437, 24.7536], attacker: 'RUS', target: 'EST', fatalities: 3 }, { treaties: ['nato', 'csto'] }],
];

describe('answer writer', () => {
  it('writes what JSON.stringify writes, full and summary, for 3,000 incidents and the special cases', () => {
    const cases = [...SPECIAL.map(([i, o]) => [incidentSchema.parse(i), o] as const), ...Array.from({ length: 3000 }, (_, i) => [incidentAt(i), {}] as const)];
    let compared = 0;
    for (const [incident, options] of cases) {
      const answer = assessIncident(incident, { readings: READINGS, ...options }, knowledge);
      for (const view of ['full', 'summary'] as const) {
        const written = writer.write(answer, view);
        if (!written.equals(Buffer.from(answerJson(answer, view)))) expect.fail(`${view} answer to ${JSON.stringify(incident)} differs`);
        compared++;
      }
    }
    expect(compared).toBe(2 * cases.length);
  }, 60_000);

  it('grows its buffer for an answer larger than it', () => {
    const small = createAnswerWriter([]);
    const answer = assessIncident(incidentSchema.parse(SPECIAL[0]![0]), { readings: READINGS }, knowledge);
    expect(small.write(answer, 'full').toString()).toBe(answerJson(answer, 'full'));
    expect(small.write(answer, 'summary').toString()).toBe(answerJson(answer, 'summary'));
  });
});
