/**
 * The bulk path (assessStatuses: statuses only) gives exactly the statuses of the explained path
 * (assess), for random incidents — with facts missing, at sea, near undelimited borders, at any date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTACKED_OBJECTS, INCIDENT_KINDS, STATUS_CODES, assess, assessStatuses, cachedStatuses, evaluateProvision, incidentContext, planStatuses, type Incident } from '../src/domain/assessment/index.js';
import { partiesOn } from '../src/domain/treaty/index.js';
import { READINGS, territoryFor } from '../src/domain/territory/index.js';
import { locate } from '../src/domain/territory/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';

const PLACES: [number, number][] = [
  [40.93, 45.42], [39.815, 46.752], [40.2186, 45.9283], [39.8408, 45.67], [44.9521, 34.1024], [59.437, 24.7536],
  [21.3069, -157.8583], [25.7435, 123.4735], [40.7115, -74.0134], [55.7558, 37.6173], [41.01, 28.98], [35.0, 18.0],
];
const polity = fc.constantFrom('ARM', 'AZE', 'RUS', 'UKR', 'USA', 'EST', 'JPN', 'CHN', 'TUR', 'KAZ', 'non-state:al-qaeda', 'entity:artsakh');
const incident: fc.Arbitrary<Incident> = fc.record(
  {
    date: fc.integer({ min: Date.UTC(1949, 0, 1), max: Date.UTC(2026, 11, 31) }).map((t) => new Date(t).toISOString().slice(0, 10)),
    at: fc.oneof(fc.constantFrom(...PLACES), fc.tuple(fc.double({ min: -89, max: 89, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true }))),
    attacker: polity,
    target: polity,
    kind: fc.constantFrom(...INCIDENT_KINDS),
    against: fc.constantFrom(...ATTACKED_OBJECTS),
    flag: polity,
    fatalities: fc.integer({ min: 0, max: 3 }),
    requestedBy: fc.array(polity, { maxLength: 2 }),
  },
  { requiredKeys: ['date', 'kind', 'against'] },
);

describe('assessStatuses', () => {
  it('agrees with assess on every treaty × provision × reading', () => {
    const { map, treaties } = loadKnowledge();
    const plan = planStatuses(treaties);
    const out = new Uint8Array(plan.slots.length);
    fc.assert(
      fc.property(incident, (i) => {
        const location = i.at ? locate(map, i.at[0], i.at[1], i.date) : null;
        assessStatuses(plan, i, location, out);
        const full = assess(i, location, treaties).findings;
        expect(plan.slots.map((s, k) => `${s.treaty}/${s.provision}/${s.reading}=${STATUS_CODES[out[k]!]}`)).toEqual(
          full.map((f) => `${f.treaty}/${f.provision}/${f.reading}=${f.status}`),
        );
      }),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('shares a finding between readings only where evaluating each reading gives the same finding', () => {
    const { map, treaties } = loadKnowledge();
    fc.assert(
      fc.property(incident, (i) => {
        const location = i.at ? locate(map, i.at[0], i.at[1], i.date) : null;
        const ctx = incidentContext(i);
        const oneByOne = treaties.flatMap((t) =>
          t.provisions
            .filter((p) => p.kind !== 'scope')
            .flatMap((p) =>
              READINGS.map((reading) => {
                const territory = location ? territoryFor(location, reading) : undefined;
                const facts = !location
                  ? { reading, territory: undefined, regions: undefined, territoryUnknownBecause: 'the incident has no location' }
                  : { reading, territory, regions: location.regions, ...(territory === undefined ? { territoryUnknownBecause: 'the border is not delimited by agreement here' } : {}) };
                return evaluateProvision(t, p, i, ctx, facts, partiesOn(t, i.date));
              }),
            ),
        );
        expect(JSON.stringify(assess(i, location, treaties).findings)).toBe(JSON.stringify(oneByOne));
      }),
      { numRuns: 500, seed: 9 },
    );
  });

  it('gives the same statuses through its cache, for incidents that share a key and for those that do not', () => {
    const { map, treaties } = loadKnowledge();
    const plan = planStatuses(treaties);
    // A small capacity, so that the cache is also emptied during the run.
    const statusesOf = cachedStatuses(plan, 50);
    const [cached, direct] = [new Uint8Array(plan.slots.length), new Uint8Array(plan.slots.length)];
    // Few dates and places, so keys repeat: a cached answer must be right for every incident under its key.
    const repeating = incident.map((i) => ({ ...i, date: ['2020-07-12', '2022-09-13', '2024-03-01'][i.date.charCodeAt(9) % 3]!, ...(i.at ? { at: PLACES[Math.abs(Math.round(i.at[0])) % PLACES.length]! } : {}) }));
    fc.assert(
      fc.property(fc.oneof(incident, repeating), (i) => {
        const location = i.at ? locate(map, i.at[0], i.at[1], i.date) : null;
        const triggered = statusesOf(i, location, cached);
        expect(triggered).toBe(assessStatuses(plan, i, location, direct));
        expect([...cached]).toEqual([...direct]);
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
