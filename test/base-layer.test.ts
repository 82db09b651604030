/**
 * The base layer against the reference (even-odd ray casting over every feature), with fast-check:
 * the territory grid agrees with the reference, the smaller of two overlapping features answers,
 * the sea mask tells land from territorial sea, and the territory index round-trips.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPointGrid, gridLookup, ringsContain } from '../src/domain/geo/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBaseLayer, decodeBaseLayer, encodeBaseLayer, readTerritoryIndex } from '../src/knowledge/index.js';

const layer = buildBaseLayer();
const { features, grid, sea } = layer;
const containing = (lon: number, lat: number) => features.flatMap((f, i) => (ringsContain(f.rings, lon, lat) ? [i] : []));
const codeAt = (lon: number, lat: number) => features[gridLookup(grid, lon, lat)]?.code;
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
      { numRuns: 1500, seed: 7 },
    );
  });

  it('lists the territory features smallest first, so a dependency inside its sovereign decides', () => {
    // The OSM data draws Puerto Rico inside the United States' feature too, and Lesotho inside South Africa's.
    expect(containing(-66.1057, 18.4655).map((i) => features[i]!.code)).toEqual(["PRI", "USA"]);
    expect(codeAt(-66.1057, 18.4655)).toBe('PRI');
    expect(codeAt(27.48, -29.31)).toBe('LSO');
    expect(codeAt(26.21, -29.12)).toBe('ZAF');
  });

  it('does not depend on the order of the polygons (Natural Earth features, which do not overlap)', () => {
    const ne = layer.naturalEarth;
    const forward = buildPointGrid(ne);
    const order = ne.map((_, i) => i).reverse();
    const reversed = buildPointGrid(order.map((i) => ne[i]!));
    fc.assert(
      fc.property(lonLat, ([lon, lat]) => {
        const a = gridLookup(forward, lon, lat);
        const b = gridLookup(reversed, lon, lat);
        expect(a === -1 ? -1 : ne[a]!.name).toBe(b === -1 ? -1 : ne[order[b]!]!.name);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('puts a point exactly on a shared border in exactly one of the two features', () => {
    // Vertices Armenia and Azerbaijan both list.
    const arm = features.find((f) => f.code === 'ARM')!;
    const aze = features.find((f) => f.code === 'AZE')!;
    const azeVertices = new Set<string>();
    for (const r of aze.rings) for (let i = 0; i < r.length; i += 2) azeVertices.add(`${r[i]},${r[i + 1]}`);
    const shared: [number, number][] = [];
    for (const r of arm.rings) for (let i = 0; i < r.length; i += 2) if (azeVertices.has(`${r[i]},${r[i + 1]}`)) shared.push([r[i]!, r[i + 1]!]);
    expect(shared.length).toBeGreaterThan(10);
    for (const [lon, lat] of shared.slice(0, 50)) {
      expect(['ARM', 'AZE']).toContain(codeAt(lon, lat));
      expect(containing(lon, lat).filter((i) => ['ARM', 'AZE'].includes(features[i]!.code!)).length).toBeLessThanOrEqual(1);
    }
  });

  it.each([
    ['Inari, Finland (north of the Arctic Circle)', 68.9, 27.03, 'FIN'],
    ['Kiruna, Sweden', 67.85, 20.23, 'SWE'],
    ['Suva, Fiji (east of 180°)', -18.12, 178.44, 'FJI'],
    ['Taveuni, Fiji (on the antimeridian)', -16.85, -179.97, 'FJI'],
    ['inland Chukotka west of 180°', 64.75, 177.4, 'RUS'],
    ['inland Chukotka east of 180°', 66.5, -172, 'RUS'],
    ['Copenhagen city hall (sea at Natural Earth 1:10m)', 55.6759, 12.569, 'DNK'],
    ['Miami, downtown', 25.7743, -80.1937, 'USA'],
    ['Lagos Island', 6.4541, 3.3947, 'NGA'],
  ])('%s', (_name, lat, lon, code) => {
    expect(codeAt(lon, lat)).toBe(code);
  });

  it.each([
    ['Copenhagen city hall', 55.6759, 12.569, false],
    ['5 nm off Tallinn, in the Gulf of Finland', 59.53, 24.75, true],
    ['the middle of the Atlantic', 30, -40, true],
    ['Lake Geneva (a lake is land territory)', 46.45, 6.6, false],
    ['the Caspian Sea (mapped as sea by the OSM coastline)', 42, 50.5, true],
  ])('sea mask: %s', (_name, lat, lon, isSea) => {
    expect(gridLookup(sea, lon, lat) >= 0).toBe(isSea);
  });

  it('round-trips through the territory index', () => {
    const encoded = encodeBaseLayer(layer);
    const copy = new ArrayBuffer(encoded.length);
    new Uint8Array(copy).set(encoded);
    const back = decodeBaseLayer(copy);
    expect(back.features.map((f) => [f.code, f.name])).toEqual(features.map((f) => [f.code, f.name]));
    expect(back.naturalEarth.map((f) => f.name)).toEqual(layer.naturalEarth.map((f) => f.name));
    for (const name of ['cells', 'candStart', 'candFeature', 'candCentreInside', 'edgeStart', 'edges'] as const) {
      expect(sameBytes(back.grid[name], grid[name]), name).toBe(true);
      expect(sameBytes(back.sea[name], sea[name]), `sea ${name}`).toBe(true);
    }
    fc.assert(fc.property(lonLat, ([lon, lat]) => gridLookup(back.grid, lon, lat) === gridLookup(grid, lon, lat)), { numRuns: 2000 });
  });

  it('answers the same when the index is read on demand, reading only the edges its lookups reach', () => {
    const dir = mkdtempSync(join(tmpdir(), 'casus-index-'));
    try {
      const file = join(dir, 'territory.bin');
      writeFileSync(file, encodeBaseLayer(layer));
      const lazy = readTerritoryIndex(file, 'on-demand');
      expect(lazy.grid.missing?.every((m) => m === 1)).toBe(true);
      expect(sameBytes(lazy.grid.cells, grid.cells)).toBe(true);
      // Border-dense places first (Tavush, the Fergana enclaves, Baarle), then anywhere.
      for (const [lon, lat] of [[45.45, 40.93], [70.78, 39.97], [4.93, 51.44]] as const) {
        expect(gridLookup(lazy.grid, lon, lat)).toBe(gridLookup(grid, lon, lat));
        expect(gridLookup(lazy.sea, lon, lat)).toBe(gridLookup(sea, lon, lat));
      }
      fc.assert(
        fc.property(lonLat, ([lon, lat]) => gridLookup(lazy.grid, lon, lat) === gridLookup(grid, lon, lat) && gridLookup(lazy.sea, lon, lat) === gridLookup(sea, lon, lat)),
        { numRuns: 2000, seed: 11 },
      );
      const read = lazy.grid.missing!.filter((m) => m === 0).length;
      expect(read).toBeGreaterThan(0);
      expect(read).toBeLessThan(lazy.grid.missing!.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
