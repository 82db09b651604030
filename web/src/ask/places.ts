/**
 * @module places
 * The places a person can type instead of coordinates: the record's incident sites (Tavush,
 * Jermuk, …), the status overlays (Crimea, Kashmir, …) and the countries, each with a point.
 */
import type { FeatureCollection } from 'geojson';
import type { CaseFile, OverlayProperties } from '../api/types.js';
import { labelPoint } from '../map/map-data.js';

export interface Place {
  readonly name: string;
  readonly at: readonly [number, number];
  readonly what: string;
}

/** Places from the record's incidents (their own sourced coordinates). */
export function recordPlaces(cases: readonly CaseFile[]): Place[] {
  return cases.flatMap((c) => {
    const place = c.incident.place;
    return place ? [{ name: place, at: c.incident.at, what: `${c.treaty.toUpperCase()} record, ${c.incident.date}` }] : [];
  });
}

/** Places from map features (overlays or countries), at their label points. */
export function featurePlaces(fc: FeatureCollection | undefined, what: string): Place[] {
  if (!fc) return [];
  return fc.features.flatMap((f) => {
    const name = (f.properties as Partial<OverlayProperties> | null)?.name;
    const at = labelPoint(f);
    return name && at ? [{ name, at: [Math.round(at[1] * 1e3) / 1e3, Math.round(at[0] * 1e3) / 1e3] as const, what }] : [];
  });
}

/** The places whose name contains every word typed (case- and accent-insensitive), best first. */
export function searchPlaces(places: readonly Place[], text: string, limit = 8): Place[] {
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits = places.filter((p) => words.every((w) => fold(p.name).includes(w)));
  return hits.sort((a, b) => Number(!fold(b.name).startsWith(words[0]!)) - Number(!fold(a.name).startsWith(words[0]!)) || a.name.length - b.name.length).slice(0, limit);
}
