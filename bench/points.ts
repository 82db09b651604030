/**
 * 1,000,000 fixed pseudo-random points for the locate benchmark: half over land (drawn uniformly and
 * kept when the base layer's grid says land — the same set every run, since the generator is seeded),
 * half anywhere on the globe. Returned as [lon, lat, lon, lat, …].
 */
import { gridLookup, type PointGrid } from '../src/domain/geo/index.js';
import { prng } from './incidents.js';

/** The fixed points; `grid` decides what counts as land. */
export function fixedPoints(grid: PointGrid, n = 1_000_000, seed = 42): Float64Array {
  const out = new Float64Array(n * 2);
  const r = prng(seed);
  const half = Math.floor(n / 2);
  let i = 0;
  while (i < half) {
    const lon = -180 + r() * 360;
    const lat = -90 + r() * 180;
    if (gridLookup(grid, lon, lat) < 0) continue;
    out[2 * i] = lon;
    out[2 * i + 1] = lat;
    i++;
  }
  for (; i < n; i++) {
    out[2 * i] = -180 + r() * 360;
    out[2 * i + 1] = -90 + r() * 180;
  }
  return out;
}
