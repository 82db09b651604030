/**
 * The assessment workers answer the same bytes as the main thread (`--assessment-workers 0`), for an
 * incident with a place, one in disputed territory, and one without a place.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createAssessmentsService } from '../src/api/index.js';
import { READINGS } from '../src/domain/territory/index.js';

const inProcess = createAssessmentsService({ workers: 0 });
const worker = createAssessmentsService({ workers: 1 });
afterAll(() => Promise.all([inProcess.close(), worker.close()]));

const incidents = [
  { date: '2022-09-13', at: [39.84, 45.67] as [number, number], attacker: 'AZE', target: 'ARM', kind: 'armed-attack' as const, against: 'territory' as const },
  { date: '2016-06-01', at: [44.9521, 34.1024] as [number, number], attacker: 'RUS', target: 'UKR', kind: 'armed-attack' as const, against: 'territory' as const },
  { date: '2001-09-11', target: 'USA', kind: 'armed-attack' as const, against: 'territory' as const },
];

describe('assessments service', () => {
  it.each(incidents)('answers $date $target with the same bytes in a worker as on the main thread', async (incident) => {
    await worker.ready();
    const request = { incident, options: { readings: READINGS } };
    const [a, b] = await Promise.all([inProcess.assess(request), worker.assess(request)]);
    expect(a.kind).toBe('ready');
    expect(b).toEqual(a);
  }, 30_000);
});
