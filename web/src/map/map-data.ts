/**
 * @module map-data
 * Turns the API's map answers into the GeoJSON the style draws: countries with their colour and
 * their standing in the chosen treaty, overlays with a colour and a pattern flag per reading.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { READINGS, type OverlayProperties } from '../api/types.js';
import type { Standing } from './membership.js';
import { assignColors, polityColor } from './polity-colors.js';

export interface CountryProperties {
  readonly name: string;
  readonly code?: string;
  readonly sovereign: string | null;
}

// A ring that crosses the antimeridian (Chukotka, Fiji) comes as longitudes jumping from 180 to
// -180; drawn as is it spans the whole map. Shifting its western half by 360° keeps it in one piece
// (MapLibre draws longitudes past 180 to the right of the line).
function unwrapRing(ring: Position[]): Position[] {
  let jumps = false;
  for (let i = 1; i < ring.length && !jumps; i++) jumps = Math.abs(ring[i]![0]! - ring[i - 1]![0]!) > 180;
  return jumps ? ring.map(([x, y]) => [x! < 0 ? x! + 360 : x!, y!]) : ring;
}

function unwrap(g: Geometry | null): Geometry | null {
  if (g?.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g?.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

/** Countries as GeoJSON, from the TopoJSON GET /v1/map/countries answers. */
export function countriesFromTopology(topology: unknown): FeatureCollection<Geometry, CountryProperties> {
  const t = topology as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const fc = feature<CountryProperties>(t, t.objects.countries);
  return { ...fc, features: fc.features.map((f) => ({ ...f, geometry: unwrap(f.geometry)! })) };
}

/** Colours such that neighbouring polities differ, from the countries' shared arcs. */
export function colorsFromTopology(topology: unknown): Map<string, string> {
  const t = topology as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const geometries = t.objects.countries.geometries;
  const holders = geometries.map((g) => {
    const p = g.properties as Partial<CountryProperties> | undefined;
    return p?.sovereign ?? p?.code ?? null;
  });
  return assignColors(holders, neighbors(geometries));
}

/** Adds `color` (by sovereign) and `party` (standing in the chosen treaty, or "") to each country. */
export function paintCountries(fc: FeatureCollection<Geometry, CountryProperties>, standings: readonly Standing[], colors?: ReadonlyMap<string, string>): FeatureCollection {
  const party = new Map(standings.map((s) => [s.polity, s.status]));
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f, i) => {
      const holder = f.properties.sovereign ?? f.properties.code ?? null;
      return {
        ...f,
        id: i,
        properties: { ...f.properties, holder: holder ?? '', color: polityColor(holder, colors), party: holder ? (party.get(holder) ?? '') : '' },
      };
    }),
  };
}

const split = (list: string) => (list ? list.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** Adds c_<reading> (fill colour) and p_<reading> (1 when hatched) for each reading to each overlay. */
export function paintOverlays(fc: FeatureCollection, colors?: ReadonlyMap<string, string>): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f, i) => {
      const p = f.properties as OverlayProperties;
      const extra: Record<string, string | number> = {};
      for (const reading of READINGS) {
        const value = p[reading];
        const ids = value === 'undetermined' ? [] : split(value);
        extra[`c_${reading}`] = polityColor(ids[0], colors);
        extra[`p_${reading}`] = value === 'undetermined' || ids.length > 1 ? 1 : 0;
      }
      return { ...f, id: i, properties: { ...p, ...extra } };
    }),
  };
}

function ringArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(a / 2);
}

/** Where to put an overlay's label: the vertex mean of its largest outer ring. */
export function labelPoint(f: Feature): [number, number] | undefined {
  const g = f.geometry as Polygon | MultiPolygon | null;
  if (!g) return undefined;
  const outers = g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!);
  let best: Position[] | undefined;
  for (const r of outers) if (!best || ringArea(r) > ringArea(best)) best = r;
  if (!best || best.length === 0) return undefined;
  let x = 0;
  let y = 0;
  for (const [px, py] of best) {
    x += px!;
    y += py!;
  }
  return [x / best.length, y / best.length];
}
