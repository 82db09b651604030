/**
 * The base layer and its point grid against the reference (even-odd ray casting over every feature),
 * with fast-check: every land point has exactly one base answer, the grid agrees with the reference,
 * answers do not depend on the order of the polygons, and the binary cache round-trips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPointGrid, gridLookup, ringsContain } from '../src/domain/geo/index.js';
import { buildBaseLayer, decodeBaseLayer, encodeBaseLayer } from '../src/knowledge/index.js';

const layer = buildBaseLayer();
const { features, grid } = layer;
const containing = (lon: number, lat: number) => features.flatMap((f, i) => (ringsContain(f.rings, lon, lat) ? [i] : []));
// Uniform over the lon/lat rectangle (fc.double favours extreme and tiny values).
const SCALE = 2 ** 30;
const lonLat = fc
  .tuple(fc.integer({ min: 0, max: SCALE - 1 }), fc.integer({ min: 1, max: SCALE - 1 }))
  .map(([x, y]): [number, number] => [-180 + (360 * x) / SCALE, -90 + (180 * y) / SCALE]);
const sameBytes = (a: ArrayBufferView, b: ArrayBufferView) =>
  Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;

describe('base layer', () => {
  it('agrees with the reference ray casting at random points (the grid answers the lowest containing feature)', () => {
    fc.assert(
      fc.property(lonLat, ([lon, lat]) => {
        const expected = containing(lon, lat);
        expect(gridLookup(grid, lon, lat)).toBe(expected.length === 0 ? -1 : expected[0]);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('gives every land point of the base layer exactly one base answer', () => {
    // Land points: vertices of features nudged inwards are awkward; sample random points and keep land.
    let land = 0;
    fc.assert(
      fc.property(lonLat, ([lon, lat]) => {
        const hits = containing(lon, lat);
        if (hits.length === 0) return;
        land++;
        // Natural Earth admin-0 features do not overlap: one answer, whichever order.
        expect(hits).toHaveLength(1);
      }),
      { numRuns: 3000, seed: 11 },
    );
    expect(land).toBeGreaterThan(700); // ~29% of a uniform lon/lat sample is land
  });

  it('does not depend on the order of the polygons', () => {
    const order = features.map((_, i) => i).reverse();
    const reversed = buildPointGrid(order.map((i) => features[i]!));
    fc.assert(
      fc.property(lonLat, ([lon, lat]) => {
        const a = gridLookup(grid, lon, lat);
        const b = gridLookup(reversed, lon, lat);
        expect(a === -1 ? -1 : features[a]!.name).toBe(b === -1 ? -1 : features[order[b]!]!.name);
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('puts a point exactly on a shared border in exactly one of the two features', () => {
    // A vertex shared by Armenia and Azerbaijan (both features list it).
    const arm = features.find((f) => f.code === 'ARM')!;
    const aze = features.find((f) => f.code === 'AZE')!;
    const azeVertices = new Set<string>();
    for (const r of aze.rings) for (let i = 0; i < r.length; i += 2) azeVertices.add(`${r[i]},${r[i + 1]}`);
    const shared: [number, number][] = [];
    for (const r of arm.rings) for (let i = 0; i < r.length; i += 2) if (azeVertices.has(`${r[i]},${r[i + 1]}`)) shared.push([r[i]!, r[i + 1]!]);
    expect(shared.length).toBeGreaterThan(10);
    for (const [lon, lat] of shared.slice(0, 50)) {
      const hit = gridLookup(grid, lon, lat);
      expect(hit).toBeGreaterThanOrEqual(0);
      expect(containing(lon, lat).length).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ['Inari, Finland (north of the Arctic Circle)', 68.9, 27.03, 'FIN'],
    ['Kiruna, Sweden', 67.85, 20.23, 'SWE'],
    ['Suva, Fiji (east of 180°)', -18.12, 178.44, 'FJI'],
    ['Taveuni, Fiji (on the antimeridian)', -16.85, -179.97, 'FJI'],
    ['inland Chukotka west of 180°', 64.75, 177.4, 'RUS'],
    ['inland Chukotka east of 180°', 66.5, -172, 'RUS'],
    ['Maseru, Lesotho (a hole in South Africa)', -29.31, 27.48, 'LSO'],
    ['Bloemfontein, South Africa', -29.12, 26.21, 'ZAF'],
  ])('%s', (_name, lat, lon, code) => {
    const hit = gridLookup(grid, lon, lat);
    expect(features[hit]?.code).toBe(code);
  });

  it('round-trips through the binary cache', () => {
    const back = decodeBaseLayer(encodeBaseLayer(layer));
    expect(back.features.map((f) => [f.code, f.name])).toEqual(features.map((f) => [f.code, f.name]));
    for (const name of ['cells', 'candStart', 'candFeature', 'candCentreInside', 'edgeStart', 'edges'] as const)
      expect(sameBytes(back.grid[name], grid[name]), name).toBe(true);
    fc.assert(fc.property(lonLat, ([lon, lat]) => gridLookup(back.grid, lon, lat) === gridLookup(grid, lon, lat)), { numRuns: 2000 });
  });
});
