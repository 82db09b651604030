/**
 * @module base-layer-cache
 * The base layer with its point grid, built once and kept as one binary file, so that a fresh process
 * answers its first question well under a second (building from the TopoJSON takes about a second).
 * The file lives in `node_modules/.cache/casus/` (or CASUS_CACHE_DIR); it is keyed by the Natural Earth
 * file's size and mtime and by FORMAT, and a missing, stale or unreadable cache is simply rebuilt.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPointGrid, type PointGrid, type Ring } from '../domain/geo/index.js';
import type { BaseFeature } from '../domain/territory/index.js';
import { PACKAGE_ROOT } from './data-dir.js';
import { loadNaturalEarth, NATURAL_EARTH_FILE } from './natural-earth.js';

/** Bump when the ring repair, the grid or this layout changes. */
const FORMAT = 3;
const MAGIC = 'CASUSBASE';

/** The base features and their grid. */
export interface BaseLayer {
  readonly features: readonly BaseFeature[];
  readonly grid: PointGrid;
}

/** Where cache files go. */
export function cacheDir(): string {
  return process.env.CASUS_CACHE_DIR ? resolve(process.env.CASUS_CACHE_DIR) : join(PACKAGE_ROOT, 'node_modules', '.cache', 'casus');
}

function cacheFile(): string {
  const s = statSync(NATURAL_EARTH_FILE);
  return join(cacheDir(), `base-layer-v${FORMAT}-${s.size}-${Math.floor(s.mtimeMs)}.bin`);
}

interface Header {
  magic: string;
  features: { code: string | null; name: string; rings: number[] }[];
  grid: Omit<PointGrid, 'cells' | 'candStart' | 'candFeature' | 'candCentreInside' | 'edgeStart' | 'edges'>;
  arrays: { name: string; type: 'f64' | 'i32' | 'u8'; length: number }[];
}

const ARRAYS = ['cells', 'candStart', 'candFeature', 'candCentreInside', 'edgeStart', 'edges'] as const;

/** Builds the base layer from Natural Earth (no cache involved). */
export function buildBaseLayer(): BaseLayer {
  const features = loadNaturalEarth().map((f) => ({ code: f.code, name: f.name, rings: f.rings }));
  return { features, grid: buildPointGrid(features) };
}

/** Serialises a base layer: a JSON header, then every typed array 8-byte aligned. */
export function encodeBaseLayer(layer: BaseLayer): Buffer {
  const chunks: { name: string; type: 'f64' | 'i32' | 'u8'; data: ArrayBufferView & { length: number } }[] = [];
  const header: Header = {
    magic: MAGIC,
    features: layer.features.map((f) => ({ code: f.code ?? null, name: f.name, rings: f.rings.map((r) => r.length) })),
    grid: { cellSize: layer.grid.cellSize, cols: layer.grid.cols, rows: layer.grid.rows, featureCount: layer.grid.featureCount },
    arrays: [],
  };
  for (const f of layer.features) for (const r of f.rings) chunks.push({ name: 'ring', type: 'f64', data: r });
  for (const name of ARRAYS) {
    const data = layer.grid[name];
    chunks.push({ name, type: data instanceof Float64Array ? 'f64' : data instanceof Int32Array ? 'i32' : 'u8', data });
  }
  header.arrays = chunks.map((c) => ({ name: c.name, type: c.type, length: c.data.length }));
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (n: number) => (8 - (n % 8)) % 8;
  const parts: Buffer[] = [];
  const lenBuf = Buffer.alloc(8);
  lenBuf.writeUInt32LE(json.length, 0);
  parts.push(lenBuf, json, Buffer.alloc(pad(8 + json.length)));
  for (const c of chunks) {
    const b = Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength);
    parts.push(b, Buffer.alloc(pad(b.length)));
  }
  return Buffer.concat(parts);
}

/** Reads what encodeBaseLayer wrote; the typed arrays are views on one buffer (no copy). */
export function decodeBaseLayer(file: Buffer): BaseLayer {
  // Copy into a fresh, 8-byte-aligned ArrayBuffer so that Float64Array views are legal.
  const buffer = new ArrayBuffer(file.length);
  new Uint8Array(buffer).set(file);
  const jsonLength = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(Buffer.from(buffer, 8, jsonLength).toString('utf8')) as Header;
  if (header.magic !== MAGIC) throw new Error('not a Casus base-layer cache');
  let offset = 8 + jsonLength;
  offset += (8 - (offset % 8)) % 8;
  const views = header.arrays.map((a) => {
    const size = a.type === 'f64' ? 8 : a.type === 'i32' ? 4 : 1;
    const view = a.type === 'f64' ? new Float64Array(buffer, offset, a.length) : a.type === 'i32' ? new Int32Array(buffer, offset, a.length) : new Uint8Array(buffer, offset, a.length);
    offset += a.length * size;
    offset += (8 - (offset % 8)) % 8;
    return view;
  });
  let k = 0;
  const features: BaseFeature[] = header.features.map((f) => ({
    code: f.code ?? undefined,
    name: f.name,
    rings: f.rings.map(() => views[k++] as Float64Array),
  }));
  const [cells, candStart, candFeature, candCentreInside, edgeStart, edges] = views.slice(k) as [Int32Array, Int32Array, Int32Array, Uint8Array, Int32Array, Float64Array];
  return { features, grid: { ...header.grid, cells, candStart, candFeature, candCentreInside, edgeStart, edges } };
}

/** The base layer, from the cache when it is fresh, else built (and cached when the directory is writable). */
export function cachedBaseLayer(): BaseLayer {
  let file: string | undefined;
  try {
    file = cacheFile();
    return decodeBaseLayer(readFileSync(file));
  } catch {
    // No usable cache: build, then try to keep it.
  }
  const layer = buildBaseLayer();
  if (file !== undefined) {
    try {
      mkdirSync(cacheDir(), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, encodeBaseLayer(layer));
      renameSync(tmp, file);
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
    return decodeBaseLayer(readFileSync(file)).grid;
  } catch {
    // Not cached yet.
  }
  const grid = buildPointGrid(features, cellSize);
  try {
    mkdirSync(cacheDir(), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeBaseLayer({ features: [], grid }));
    renameSync(tmp, file);
  } catch {
    // Read-only: fine, only slower.
  }
  return grid;
}
