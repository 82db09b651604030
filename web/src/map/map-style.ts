/**
 * @module map-style
 * The map as data: a MapLibre style with no tile server, no glyphs and no sprites (nothing to fetch),
 * GeoJSON sources filled in by the app, and layers whose paint reads feature properties. Changing
 * the reading, the treaty or the date changes a source, a filter or one paint property.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Reading } from '../api/types.js';

const empty = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

export const SEA = '#dbe7f0';

/** The base style; the app fills the sources. */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: { countries: empty(), overlays: empty(), zones: empty(), borders: empty() },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': SEA } },
      { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.95 } },
      { id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#ffffff', 'line-width': 0.6 } },
      { id: 'overlays-fill', type: 'fill', source: 'overlays', paint: { 'fill-color': ['get', 'c_recognized'], 'fill-opacity': 0.95 } },
      {
        id: 'overlays-pattern',
        type: 'fill',
        source: 'overlays',
        filter: ['==', ['get', 'p_recognized'], 1],
        paint: { 'fill-pattern': 'hatch', 'fill-opacity': 0.9 },
      },
      { id: 'overlays-line', type: 'line', source: 'overlays', paint: { 'line-color': '#6b4e16', 'line-width': 1.2, 'line-dasharray': [2, 1.5] } },
      // Under the delimited reading: borders not settled by agreement (the reading is undetermined near
      // them) and sections already delimited.
      {
        id: 'borders-undelimited',
        type: 'line',
        source: 'borders',
        filter: ['==', ['get', 'kind'], 'undelimited'],
        layout: { visibility: 'none', 'line-cap': 'round' },
        paint: { 'line-color': '#d35400', 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 3, 8, 10], 'line-opacity': 0.75 },
      },
      {
        id: 'borders-sections',
        type: 'fill',
        source: 'borders',
        filter: ['==', ['get', 'kind'], 'delimited-section'],
        layout: { visibility: 'none' },
        paint: { 'fill-color': '#1e8449', 'fill-opacity': 0.35 },
      },
      { id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': '#c0392b', 'fill-opacity': 0.3, 'fill-antialias': false } },
      {
        id: 'members-line',
        type: 'line',
        source: 'countries',
        filter: ['in', ['get', 'party'], ['literal', ['member']]],
        paint: { 'line-color': '#1f3a93', 'line-width': 2 },
      },
      {
        id: 'frozen-line',
        type: 'line',
        source: 'countries',
        filter: ['in', ['get', 'party'], ['literal', ['frozen', 'suspended']]],
        paint: { 'line-color': '#b9770e', 'line-width': 2, 'line-dasharray': [2, 1] },
      },
    ],
  };
}

/** The fill colour of an overlay under a reading (precomputed per feature as c_<reading>). */
export const overlayColor = (reading: Reading): ExpressionSpecification => ['get', `c_${reading}`];

/** Overlays drawn hatched under a reading: several claimants, or a delimitation not settled. */
export const overlayPatternFilter = (reading: Reading): ExpressionSpecification => ['==', ['get', `p_${reading}`], 1];

/** A diagonal hatch drawn into pixels, so the pattern needs no sprite file. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      data.set(on ? [90, 60, 20, 190] : [0, 0, 0, 0], i);
    }
  return { width: size, height: size, data };
}
