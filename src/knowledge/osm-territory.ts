/**
 * @module osm-territory
 * Reads the OpenStreetMap-derived boundaries of the geo-maps project (npm `@geo-maps/*`, data under
 * the ODbL): each country's land plus territorial sea (`countries-maritime-10m`, GeoJSON features
 * keyed by ISO 3166-1 alpha-3 `A3`: the territory layer) and the seas and oceans beyond the coastline
 * (`earth-seas-10m`: the sea mask, which tells a state's territorial sea from its land). Rings are
 * repaired at the antimeridian. Only the build of the territory index reads them (about 5 s); a
 * running Casus reads the index.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { MultiPolygon, Polygon } from 'geojson';
import { normalizeRings, ringSetArea, type Ring } from '../domain/geo/index.js';
import { polityName } from '../domain/polity/index.js';

const require = createRequire(import.meta.url);

/** Land plus territorial sea per country (OSM, ~10 m). */
export const TERRITORY_FILE: string = require.resolve('@geo-maps/countries-maritime-10m/map.geo.json');
/** Seas and oceans, bounded by the OSM coastline. */
export const SEA_FILE: string = require.resolve('@geo-maps/earth-seas-10m/map.geo.json');

/** One territory feature: the country's code as the data gives it, a display name, its rings. */
export interface TerritoryFeature {
  readonly code: string;
  readonly name: string;
  readonly rings: readonly Ring[];
}

interface FeatureCollection {
  features: { properties: { A3?: string } | null; geometry: Polygon | MultiPolygon | null }[];
}

interface GeometryCollection {
  geometries: (Polygon | MultiPolygon)[];
}

function read<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function polygonsOf(geometry: Polygon | MultiPolygon): Polygon['coordinates'][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * The territory features, smallest area first. Where the data gives a place to two features (a
 * dependency inside its sovereign's polygon, such as Puerto Rico in the United States, or an area both
 * neighbours map as theirs, such as Crimea), the smaller feature decides; overlays decide disputes.
 */
export function loadTerritoryFeatures(file = TERRITORY_FILE): TerritoryFeature[] {
  const out: { feature: TerritoryFeature; area: number }[] = [];
  for (const f of read<FeatureCollection>(file).features) {
    const code = f.properties?.A3;
    if (!code || !f.geometry) continue;
    const rings: Ring[] = [];
    for (const polygon of polygonsOf(f.geometry)) for (const r of normalizeRings(polygon)) rings.push(r);
    const name = polityName(code).replace(/ \([A-Z]{3}\)$/, '');
    out.push({ feature: { code, name, rings }, area: ringSetArea(rings) });
  }
  return out.sort((a, b) => a.area - b.area || (a.feature.code < b.feature.code ? -1 : 1)).map((x) => x.feature);
}

/** Every ring of the seas and oceans, as one even-odd area (islands are its holes). */
export function loadSeaRings(file = SEA_FILE): Ring[] {
  const rings: Ring[] = [];
  for (const geometry of read<GeometryCollection>(file).geometries)
    for (const polygon of polygonsOf(geometry)) for (const r of normalizeRings(polygon)) rings.push(r);
  return rings;
}

/** Size and modification time of both source files, to key the index cache. */
export function osmSourceStamp(): string {
  return [TERRITORY_FILE, SEA_FILE].map((f) => {
    const s = statSync(f);
    return `${s.size}-${Math.floor(s.mtimeMs)}`;
  }).join('-');
}
