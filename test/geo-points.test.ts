/**
 * The table of places in test/fixtures/geo-points.yaml, each with its expected answer per reading and
 * date and the source of that expectation, located on the shipped knowledge base.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { locate, type Location } from '../src/domain/territory/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';

interface Row {
  name: string;
  at: [number, number];
  date: string | Date;
  expect: {
    recognized?: string[];
    administered?: string[];
    claimed?: string[];
    delimited?: string[] | 'unknown';
    surface?: 'land' | 'territorial-sea' | 'sea';
    regions?: string[];
    inRegions?: string[];
    notInRegions?: string[];
    overlays?: string[];
  };
  source: string;
}

// One table of general places, and one file per topic in fixtures/geo-points/ (disputes, coasts, …).
const topicDir = resolve(import.meta.dirname, 'fixtures/geo-points');
const files = [resolve(import.meta.dirname, 'fixtures/geo-points.yaml'), ...readdirSync(topicDir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(topicDir, f))];
const rows = files.flatMap((f) => parse(readFileSync(f, 'utf8')) as Row[]);
const day = (d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);
const sorted = (xs: readonly string[]) => [...xs].sort();

describe('geo points', () => {
  const { map } = loadKnowledge();

  it('has at least 60 sourced rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    for (const r of rows) expect(r.source, r.name).toBeTruthy();
  });

  it.each(rows.map((r) => [`${r.name} on ${day(r.date)}`, r] as const))('%s', (_label, row) => {
    const loc: Location = locate(map, row.at[0], row.at[1], day(row.date));
    const e = row.expect;
    const got: Record<string, unknown> = {};
    const want: Record<string, unknown> = {};
    for (const reading of ['recognized', 'administered', 'claimed'] as const)
      if (e[reading]) [got[reading], want[reading]] = [sorted(loc[reading]), sorted(e[reading])];
    if (e.delimited !== undefined)
      [got.delimited, want.delimited] = [loc.undetermined.includes('delimited') ? 'unknown' : sorted(loc.delimited), e.delimited === 'unknown' ? 'unknown' : sorted(e.delimited)];
    if (e.surface) [got.surface, want.surface] = [loc.surface, e.surface];
    if (e.regions) [got.regions, want.regions] = [sorted(loc.regions), sorted(e.regions)];
    for (const r of e.inRegions ?? []) [got[`in ${r}`], want[`in ${r}`]] = [loc.regions.includes(r), true];
    for (const r of e.notInRegions ?? []) [got[`in ${r}`], want[`in ${r}`]] = [loc.regions.includes(r), false];
    for (const o of e.overlays ?? []) [got[`overlay ${o}`], want[`overlay ${o}`]] = [loc.overlays.includes(o), true];
    expect(got, `${row.name} (${row.at.join(',')}) — ${row.source}`).toEqual(want);
  });
});
