/**
 * @module base-layer-cache
 * The base layer, built once into one binary file (the territory index) so that a process answers
 * its first question well under a second: building it from the OpenStreetMap-derived GeoJSON takes
 * about 5 s, reading the index about a tenth of a second. `npm run build` (and so `npm install`)
 * builds it; a missing, stale or unreadable index is rebuilt on first use, with a line on stderr.
 * The file lives in `node_modules/.cache/casus/` (or CASUS_CACHE_DIR); it is keyed by the source
 * files' sizes and mtimes and by FORMAT.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPointGrid, type PointGrid, type Ring } from '../domain/geo/index.js';
import type { BaseFeature } from '../domain/territory/index.js';
import { PACKAGE_ROOT } from './data-dir.js';
import { loadNaturalEarth, NATURAL_EARTH_FILE } from './natural-earth.js';
import { loadSeaRings, loadTerritoryFeatures, osmSourceStamp } from './osm-territory.js';

/** Bump when the ring repair, the grid or this layout changes. */
const FORMAT = 4;
const MAGIC = 'CASUSBASE';

/** The base layer: territory (land and territorial sea) with its grid, the sea mask, Natural Earth. */
export interface BaseLayer {
  /** Territory features (OSM, land plus territorial sea), in grid order; the index keeps no rings. */
  readonly features: readonly BaseFeature[];
  readonly grid: PointGrid;
  /** One feature: the seas and oceans. A territory point inside it is territorial sea. */
  readonly sea: PointGrid;
  /** Natural Earth admin-0 features with their rings: named geometry for overlays, and border lines. */
  readonly naturalEarth: readonly BaseFeature[];
}

/** Where cache files go. */
export function cacheDir(): string {
  return process.env.CASUS_CACHE_DIR ? resolve(process.env.CASUS_CACHE_DIR) : join(PACKAGE_ROOT, 'node_modules', '.cache', 'casus');
}

function cacheFile(): string {
  const s = statSync(NATURAL_EARTH_FILE);
  return join(cacheDir(), `territory-v${FORMAT}-${osmSourceStamp()}-${s.size}-${Math.floor(s.mtimeMs)}.bin`);
}

type ArrayType = 'f64' | 'i32' | 'u8';
type GridMeta = Pick<PointGrid, 'cellSize' | 'cols' | 'rows' | 'featureCount'>;
interface Header {
  magic: string;
  territory: { code: string | null; name: string }[];
  naturalEarth: { code: string | null; name: string; rings: number[] }[];
  grids: GridMeta[];
  arrays: { type: ArrayType; length: number }[];
}

const GRID_ARRAYS = ['cells', 'candStart', 'candFeature', 'candCentreInside', 'edgeStart', 'edges'] as const;

/** Builds the base layer from its sources (no cache involved; about 5 s), territory rings included. */
export function buildBaseLayer(): BaseLayer {
  const territory = loadTerritoryFeatures();
  const grid = buildPointGrid(territory);
  const sea = buildPointGrid([{ rings: loadSeaRings() }]);
  const naturalEarth = loadNaturalEarth().map((f) => ({ code: f.code, name: f.name, rings: f.rings }));
  return { features: territory, grid, sea, naturalEarth };
}

const typeOf = (data: ArrayBufferView): ArrayType => (data instanceof Float64Array ? 'f64' : data instanceof Int32Array ? 'i32' : 'u8');
const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** A JSON header, then every typed array 8-byte aligned. */
function encode(header: Omit<Header, 'arrays'>, chunks: readonly (ArrayBufferView & { length: number })[]): Buffer {
  const full: Header = { ...header, arrays: chunks.map((c) => ({ type: typeOf(c), length: c.length })) };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const parts: Buffer[] = [];
  const lenBuf = Buffer.alloc(8);
  lenBuf.writeUInt32LE(json.length, 0);
  parts.push(lenBuf, json, Buffer.alloc(pad8(8 + json.length)));
  for (const c of chunks) {
    const b = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    parts.push(b, Buffer.alloc(pad8(b.length)));
  }
  return Buffer.concat(parts);
}

function decode(buffer: ArrayBuffer): { header: Header; views: (Float64Array | Int32Array | Uint8Array)[] } {
  const jsonLength = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(Buffer.from(buffer, 8, jsonLength).toString('utf8')) as Header;
  if (header.magic !== MAGIC) throw new Error('not a Casus territory index');
  let offset = 8 + jsonLength;
  offset += pad8(offset);
  const views = header.arrays.map((a) => {
    const size = a.type === 'f64' ? 8 : a.type === 'i32' ? 4 : 1;
    const view = a.type === 'f64' ? new Float64Array(buffer, offset, a.length) : a.type === 'i32' ? new Int32Array(buffer, offset, a.length) : new Uint8Array(buffer, offset, a.length);
    offset += a.length * size;
    offset += pad8(offset);
    return view;
  });
  return { header, views };
}

function gridChunks(grid: PointGrid): (ArrayBufferView & { length: number })[] {
  return GRID_ARRAYS.map((name) => grid[name]);
}

function gridFrom(meta: GridMeta, views: (Float64Array | Int32Array | Uint8Array)[]): PointGrid {
  const [cells, candStart, candFeature, candCentreInside, edgeStart, edges] = views as [Int32Array, Int32Array, Int32Array, Uint8Array, Int32Array, Float64Array];
  return { ...meta, cells, candStart, candFeature, candCentreInside, edgeStart, edges };
}

const metaOf = (g: PointGrid): GridMeta => ({ cellSize: g.cellSize, cols: g.cols, rows: g.rows, featureCount: g.featureCount });

/** Serialises a base layer into the territory index. */
export function encodeBaseLayer(layer: BaseLayer): Buffer {
  const rings = layer.naturalEarth.flatMap((f) => f.rings);
  return encode(
    {
      magic: MAGIC,
      territory: layer.features.map((f) => ({ code: f.code ?? null, name: f.name })),
      naturalEarth: layer.naturalEarth.map((f) => ({ code: f.code ?? null, name: f.name, rings: f.rings.map((r) => r.length) })),
      grids: [metaOf(layer.grid), metaOf(layer.sea)],
    },
    [...rings, ...gridChunks(layer.grid), ...gridChunks(layer.sea)],
  );
}

/** Reads what encodeBaseLayer wrote; the typed arrays are views on `buffer` (no copy). */
export function decodeBaseLayer(buffer: ArrayBuffer): BaseLayer {
  const { header, views } = decode(buffer);
  let k = 0;
  const naturalEarth: BaseFeature[] = header.naturalEarth.map((f) => ({
    code: f.code ?? undefined,
    name: f.name,
    rings: f.rings.map(() => views[k++] as Float64Array),
  }));
  const n = GRID_ARRAYS.length;
  const grid = gridFrom(header.grids[0]!, views.slice(k, k + n));
  const sea = gridFrom(header.grids[1]!, views.slice(k + n, k + 2 * n));
  const features = header.territory.map((f) => ({ code: f.code ?? undefined, name: f.name, rings: [] }));
  return { features, grid, sea, naturalEarth };
}

/** The whole file in one fresh, 8-byte-aligned ArrayBuffer (Float64Array views need the alignment). */
function readAligned(file: string): ArrayBuffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    let offset = 0;
    while (offset < size) {
      const n = readSync(fd, bytes, offset, size - offset, null);
      if (n === 0) throw new Error(`${file}: unexpected end of file`);
      offset += n;
    }
    return buffer;
  } finally {
    closeSync(fd);
  }
}

function writeAtomically(file: string, data: Buffer): void {
  mkdirSync(cacheDir(), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Writes the territory index, and removes indexes built from older sources (each is ~140 MB). */
export function writeTerritoryIndex(file: string, data: Buffer): void {
  writeAtomically(file, data);
  const dir = cacheDir();
  for (const old of readdirSync(dir))
    if (/^(territory|base-layer)-v\d+-.*\.bin$/.test(old) && join(dir, old) !== file) rmSync(join(dir, old), { force: true });
}

/** Path of the territory index for the installed sources. */
export function territoryIndexFile(): string {
  return cacheFile();
}

/**
 * The base layer, from the territory index when it is fresh, else built (and kept when the cache
 * directory is writable). `onBuild` hears when a build starts, so a command can say why it waits.
 */
export function cachedBaseLayer(onBuild: (why: string) => void = () => {}): BaseLayer {
  let file: string | undefined;
  try {
    file = cacheFile();
    return decodeBaseLayer(readAligned(file));
  } catch {
    // No usable index: build, then try to keep it.
  }
  onBuild(file === undefined ? 'a source file is missing' : `no territory index at ${file}`);
  const layer = buildBaseLayer();
  if (file !== undefined) {
    try {
      writeTerritoryIndex(file, encodeBaseLayer(layer));
    } catch {
      // A read-only install still works, only slower to start.
    }
  }
  return layer;
}

/**
 * buildPointGrid with the same file cache, keyed by a hash of the rings and the cell size: the
 * overlay and region grids are rebuilt only when their geometry changes.
 */
export function cachedPointGrid(features: readonly { rings: readonly Ring[] }[], cellSize: number): PointGrid {
  const hash = createHash('sha1');
  hash.update(`v${FORMAT}:${cellSize}:${features.length}`);
  for (const f of features) {
    hash.update(`|${f.rings.length}`);
    for (const r of f.rings) hash.update(new Uint8Array(r.buffer, r.byteOffset, r.byteLength));
  }
  const file = join(cacheDir(), `grid-${hash.digest('hex').slice(0, 20)}.bin`);
  try {
    const { header, views } = decode(readAligned(file));
    return gridFrom(header.grids[0]!, views);
  } catch {
    // Not cached yet.
  }
  const grid = buildPointGrid(features, cellSize);
  try {
    writeAtomically(file, encode({ magic: MAGIC, territory: [], naturalEarth: [], grids: [metaOf(grid)] }, gridChunks(grid)));
  } catch {
    // Read-only: fine, only slower.
  }
  return grid;
}
