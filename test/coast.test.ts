/**
 * Territory reaches the coast: city centres that Natural Earth 1:10m put in the sea, the territorial
 * sea (UNCLOS Articles 2–3: a state's sovereignty extends to it, 12 nautical miles at most), the sea
 * beyond, a strait on its median line, and the assessments that follow.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Incident } from '../src/domain/assessment/index.js';
import { locate } from '../src/domain/territory/index.js';
import { assessIncident, loadKnowledge } from '../src/knowledge/index.js';

const { map } = loadKnowledge();
const at = (lat: number, lon: number, date = '2024-06-01') => locate(map, lat, lon, date);
const run = (i: Omit<Incident, 'kind' | 'against'> & Partial<Pick<Incident, 'kind' | 'against'>>) => assessIncident({ kind: 'armed-attack', against: 'territory', ...i });
const status = (findings: readonly Finding[], treaty: string, provision: string, reading: string) =>
  findings.find((f) => f.treaty === treaty && f.provision === provision && f.reading === reading)?.status;

describe('coastal city centres (in the sea at Natural Earth 1:10m)', () => {
  it.each([
    ['Copenhagen, city hall', 55.6759, 12.569, 'DNK'],
    ['Miami, downtown', 25.7743, -80.1937, 'USA'],
    ['Lagos Island', 6.4541, 3.3947, 'NGA'],
    ['Mombasa, old town', -4.0635, 39.6758, 'KEN'],
    ['Halifax, downtown', 44.6488, -63.5752, 'CAN'],
  ])('%s is land of its state', (_name, lat, lon, state) => {
    const l = at(lat, lon);
    expect(l.surface).toBe('land');
    expect(l.recognized).toEqual([state]);
  });
});

describe('the territorial sea', () => {
  it('about 5 nm off Tallinn is Estonia under every reading', () => {
    const l = at(59.53, 24.75);
    expect(l.surface).toBe('territorial-sea');
    expect([l.recognized, l.administered, l.claimed, l.delimited]).toEqual([['EST'], ['EST'], ['EST'], ['EST']]);
    expect(l.notes.join(' ')).toMatch(/baselines are not modelled/);
  });

  it('about 40 nm out in the Baltic, west of Saaremaa, is no state’s territory', () => {
    const l = at(58.3, 20.6);
    expect(l.surface).toBe('sea');
    expect([l.recognized, l.administered, l.claimed]).toEqual([[], [], []]);
    expect(l.regions).toContain('europe');
  });

  it('the Strait of Gibraltar divides on the median line: Spain’s waters north of it, Morocco’s south', () => {
    expect(at(36.0, -5.45)).toMatchObject({ surface: 'territorial-sea', recognized: ['ESP'] });
    expect(at(35.97, -5.45)).toMatchObject({ surface: 'territorial-sea', recognized: ['MAR'] });
  });
});

describe('assessments on the coast', () => {
  it('an armed attack on Copenhagen’s city hall on 2024-06-01 triggers NATO Article 5 (it read "not triggered" at 1:10m)', () => {
    const { findings } = run({ date: '2024-06-01', at: [55.6759, 12.569], attacker: 'RUS', target: 'DNK' });
    expect(status(findings, 'nato', 'art-5', 'recognized')).toBe('triggered');
  });

  it('a strike 5 nm off Tallinn is on Estonia’s territory (Article 5); 40 nm out it is not', () => {
    const near = run({ date: '2024-06-01', at: [59.53, 24.75], attacker: 'RUS', target: 'EST' });
    expect(status(near.findings, 'nato', 'art-5', 'recognized')).toBe('triggered');
    const far = run({ date: '2024-06-01', at: [58.3, 20.6], attacker: 'RUS', target: 'EST' });
    expect(status(far.findings, 'nato', 'art-5', 'recognized')).not.toBe('triggered');
  });
});
