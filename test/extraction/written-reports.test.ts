/**
 * The short reports written for the tests (test/fixtures/reports/written): other alliances, relative
 * dates, ambiguous places, several incidents in one text, no incident at all, non-English spellings.
 * Each expected field is scored; the accuracy (fields right / total) is printed and must stay high.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractDrafts, normalizeName, type DraftIncident, type Field } from '../../src/domain/extraction/index.js';
import { loadExtractionTables } from '../../src/knowledge/index.js';

type Expected = Record<string, string | boolean | Date>;
type Expectations = Record<string, { reportDate: Date | string; drafts: Expected[] }>;
const dirOf = (set: string) => new URL(`../fixtures/reports/${set}/`, import.meta.url);
const expectations = (set: string) => parse(readFileSync(new URL('expected.yaml', dirOf(set)), 'utf8'), { version: '1.1' }) as Expectations;
const dir = dirOf('written');
const expected = expectations('written');
const iso = (v: Date | string) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
const tables = loadExtractionTables();

function actual(d: DraftIncident | undefined, key: string): string | boolean | undefined {
  if (d === undefined) return undefined;
  const v = <T>(f: Field<T>) => (f.status === 'found' ? f.value : 'unknown');
  switch (key) {
    case 'date': return d.date.status === 'found' ? d.date.value.value : 'unknown';
    case 'place': return d.place.status === 'found' ? d.place.value.name : 'unknown';
    case 'ambiguous': return d.place.status === 'found' && d.place.value.ambiguous;
    case 'attacker': return v(d.attacker);
    case 'target': return v(d.target);
    case 'kind': return v(d.kind);
    case 'against': return v(d.against);
    default: return undefined;
  }
}

/** Scores one report: every expected field, plus the number of drafts. */
function score(name: string, set = 'written', all: Expectations = expected): { right: number; total: number; misses: string[] } {
  const e = all[name]!;
  const text = readFileSync(new URL(`${name}.txt`, dirOf(set)), 'utf8');
  const x = extractDrafts(text, tables, { reportDate: iso(e.reportDate) });
  const misses: string[] = [];
  let right = 0;
  let total = 1;
  if (x.drafts.length === e.drafts.length) right++;
  else misses.push(`${name}: ${x.drafts.length} drafts, expected ${e.drafts.length}`);
  e.drafts.forEach((want, i) => {
    for (const [key, value] of Object.entries(want)) {
      total++;
      const got = actual(x.drafts[i], key);
      const w = value instanceof Date ? iso(value) : value;
      // Place names compare without diacritics: GeoNames writes "Hakkâri", a report "Hakkari".
      const same = key === 'place' && typeof got === 'string' && typeof w === 'string' ? normalizeName(got) === normalizeName(w) : got === w;
      if (same) right++;
      else misses.push(`${name} #${i + 1} ${key}: got ${String(got)}, expected ${String(w)}`);
    }
  });
  return { right, total, misses };
}

const names = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();

describe('written reports', () => {
  it('has an expectation for each of at least 15 reports', () => {
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(expected).sort()).toEqual(names);
  });

  it('reads at least 90% of the expected fields right (the figure is printed)', () => {
    let right = 0;
    let total = 0;
    const misses: string[] = [];
    for (const n of names) {
      const s = score(n);
      right += s.right;
      total += s.total;
      misses.push(...s.misses);
    }
    console.log(`extraction accuracy on ${names.length} written reports: ${right}/${total} fields = ${((100 * right) / total).toFixed(1)}%${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`);
    expect(right / total).toBeGreaterThanOrEqual(0.9);
  });

  it('prints the accuracy on the held-out reports, which were never used to tune the rules', () => {
    const held = expectations('holdout');
    let right = 0;
    let total = 0;
    const misses: string[] = [];
    for (const n of Object.keys(held).sort()) {
      const s = score(n, 'holdout', held);
      right += s.right;
      total += s.total;
      misses.push(...s.misses);
    }
    console.log(`extraction accuracy on ${Object.keys(held).length} held-out reports: ${right}/${total} fields = ${((100 * right) / total).toFixed(1)}%${misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : ''}`);
    expect(right / total).toBeGreaterThanOrEqual(0.5);
  });

  it('lists the candidates of an ambiguous place, best first, and does not take a target from it', () => {
    const x = extractDrafts(readFileSync(new URL('10-ambiguous-alexandria.txt', dir), 'utf8'), tables, { reportDate: '2023-05-06' });
    const place = x.drafts[0]!.place;
    expect(place.status === 'found' && place.value.candidates.map((c) => c.country)).toEqual(expect.arrayContaining(['EGY', 'USA']));
    expect(x.drafts[0]!.target.status).toBe('unknown');
  });

  it('finds no incident in a report of a meeting, an exercise, a hypothetical or page chrome', () => {
    for (const n of ['06-anzus-exercise-no-incident', '07-csto-meeting-no-incident', '18-page-chrome-no-incident', '20-taiwan-none-hypothetical'])
      expect(extractDrafts(readFileSync(new URL(`${n}.txt`, dir), 'utf8'), tables, { reportDate: '2024-06-10' }).drafts).toEqual([]);
  });
});
