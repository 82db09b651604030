/**
 * @module natural-earth
 * Reads Natural Earth admin-0 1:10m (npm package world-atlas, TopoJSON) into flat rings per feature,
 * repaired at the antimeridian. No geometry is copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import { normalizeRings, type Ring } from '../domain/geo/index.js';
import { alpha3FromNumeric } from '../domain/polity/index.js';

/** One Natural Earth feature: its ISO numeric id (if any), mapped alpha-3, name and rings. */
export interface NaturalEarthFeature {
  readonly numeric: string | undefined;
  readonly code: string | undefined;
  readonly name: string;
  readonly rings: readonly Ring[];
}

const require = createRequire(import.meta.url);

/** Path of the TopoJSON file Casus reads. */
export const NATURAL_EARTH_FILE: string = require.resolve('world-atlas/countries-10m.json');

/** Loads every admin-0 feature, sorted by name so that results do not depend on file order. */
export function loadNaturalEarth(file = NATURAL_EARTH_FILE): NaturalEarthFeature[] {
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries);
  const out: NaturalEarthFeature[] = [];
  for (const f of collection.features) {
    const geometry = f.geometry as Polygon | MultiPolygon | null;
    if (!geometry) continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const numeric = typeof f.id === 'string' ? f.id : undefined;
    out.push({
      numeric,
      code: numeric ? alpha3FromNumeric(numeric) : undefined,
      name: f.properties?.name ?? '(unnamed)',
      rings: normalizeRings(polygons.flat()),
    });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
