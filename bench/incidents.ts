/**
 * 1,000,000 fixed pseudo-random incidents for the assessment benchmark: dates 1995–2025, half of them
 * at points inside the territory of a treaty party (so conditions past the first one are evaluated),
 * half anywhere; attackers and targets drawn from states, parties and non-state actors.
 */
import type { Incident } from '../src/domain/assessment/index.js';
import { INCIDENT_KINDS, ATTACKED_OBJECTS } from '../src/domain/assessment/index.js';

/** mulberry32: a small, seeded PRNG (Math.random cannot be seeded). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Rough boxes inside a few parties (lon0, lat0, lon1, lat1): the centre of each country, not its edges.
const PARTY_BOXES: readonly [string, number, number, number, number][] = [
  ['ARM', 44.3, 39.9, 45.2, 40.8],
  ['RUS', 37, 53, 60, 60],
  ['KAZ', 63, 45, 80, 51],
  ['USA', -100, 35, -85, 42],
  ['POL', 17, 51, 22, 53],
  ['EST', 24.5, 58.5, 26.5, 59.2],
  ['TUR', 30, 37.5, 38, 40],
  ['JPN', 137, 35.5, 140, 37.5],
  ['FRA', 0, 45, 5, 48],
];
const ATTACKERS = ['AZE', 'RUS', 'UKR', 'CHN', 'PRK', 'IRN', 'SYR', 'USA', 'non-state:al-qaeda', 'non-state:isis-k', 'entity:artsakh'];
const DAY = 86_400_000;
const FIRST = Date.UTC(1995, 0, 1);
const SPAN = Math.floor((Date.UTC(2025, 11, 31) - FIRST) / DAY);

/** The `i`-th incident of the fixed set (any slice can be generated on its own, e.g. in a worker). */
export function incidentAt(i: number, seed = 42): Incident & { at: [number, number] } {
  const r = prng(seed * 1_000_003 + i);
  const date = new Date(FIRST + Math.floor(r() * SPAN) * DAY).toISOString().slice(0, 10);
  let lat: number;
  let lon: number;
  let target: string;
  if (i % 2 === 0) {
    const [code, x0, y0, x1, y1] = PARTY_BOXES[Math.floor(r() * PARTY_BOXES.length)]!;
    lon = x0 + r() * (x1 - x0);
    lat = y0 + r() * (y1 - y0);
    target = code;
  } else {
    lon = -180 + r() * 360;
    lat = -90 + r() * 180;
    target = PARTY_BOXES[Math.floor(r() * PARTY_BOXES.length)]![0];
  }
  const roll = r();
  return {
    date,
    at: [lat, lon],
    attacker: ATTACKERS[Math.floor(r() * ATTACKERS.length)]!,
    target,
    kind: roll < 0.7 ? 'armed-attack' : INCIDENT_KINDS[Math.floor(r() * INCIDENT_KINDS.length)]!,
    against: roll < 0.85 ? 'territory' : ATTACKED_OBJECTS[Math.floor(r() * ATTACKED_OBJECTS.length)]!,
  };
}
