import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseActorMap } from './actor-map.js';
import { assignSides, readDate } from './row-to-incident.js';

const DEFAULTS = resolve(import.meta.dirname, '../../data/import/actors.yaml');

describe('readDate', () => {
  it.each([
    ['2023-01-15', '2023-01-15'],
    ['2023-01-15 00:00:00.000', '2023-01-15'],
    ['15 January 2023', '2023-01-15'],
    ['5-March-2021', '2021-03-05'],
    ['2023-02-30', undefined],
    ['1944-12-31', undefined],
    ['15/01/2023', undefined],
    ['', undefined],
  ])('reads %j as %j', (raw, expected) => expect(readDate(raw)).toBe(expected));
});

describe('assignSides', () => {
  it('makes the state the event happened in the target, whichever column names it', () => {
    expect(assignSides('UKR', 'RUS', 'UKR')).toEqual({ attacker: 'RUS', target: 'UKR' });
    expect(assignSides('RUS', 'UKR', 'UKR')).toEqual({ attacker: 'RUS', target: 'UKR' });
  });
  it('reads actor 1 as attacker when neither side is the state the event is in', () => {
    expect(assignSides('TUR', 'non-state:islamic-state', 'SYR')).toEqual({ attacker: 'TUR', target: 'non-state:islamic-state' });
  });
  it('gives a lone actor the event\'s state as its target', () => {
    expect(assignSides('RUS', undefined, 'EST')).toEqual({ attacker: 'RUS', target: 'EST' });
    expect(assignSides('UKR', undefined, undefined)).toEqual({ attacker: 'UKR' });
  });
});

describe('the shipped actor map', () => {
  const parsed = parseActorMap(readFileSync(DEFAULTS, 'utf8'), 'data/import/actors.yaml');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const map = parsed.map;
  it.each([
    ['Military Forces of Russia (2000-)', 'RUS'],
    ['Military Forces of Ukraine (2019-) Air Force', 'UKR'],
    ['Police Forces of Kosovo (2008-)', 'XKX'],
    ['Government of Russia (Soviet Union)', 'RUS'],
    ['Government of DR Congo (Zaire)', 'COD'],
    ['Civilians (Syria)', 'SYR'],
    ['Protesters (Armenia)', 'ARM'],
    ['Unidentified Armed Group (Ukraine)', 'non-state:unidentified-armed-group'],
    ['IS', 'non-state:islamic-state'],
    ['Wagner Group', 'non-state:wagner-group'],
  ])('maps %j to %s', (name, polity) => expect(map.resolve(name, 'UKR')).toBe(polity));
  it('maps UCDP\'s "Civilians" to the state the event is in, and knows nothing it was not told', () => {
    expect(map.resolve('Civilians', 'SYR')).toBe('SYR');
    expect(map.resolve('Civilians', undefined)).toBeNull();
    expect(map.resolve('Sons of Nowhere', 'UKR')).toBeUndefined();
    expect(map.resolve('Military Forces of Atlantis (2000-)', 'UKR')).toBeUndefined();
  });
  it('refuses a map with a bad polity or an unknown key, naming the path', () => {
    const bad = parseActorMap('actors:\n  - { name: X, polity: Russia }\npatterns:\n  - { match: "A {country}", polity: RUS, colour: red }\n', 'mine.yaml');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['patterns.0']));
  });
});
