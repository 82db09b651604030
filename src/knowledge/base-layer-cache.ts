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
import { basename, dirname, join, resolve } from 'node:path';
import { buildPointGrid, readEdgesOnDemand, type PointGrid, type Ring } from '../domain/geo/index.js';
import type { BaseFeature, BorderFile, BorderGeometry } from '../domain/territory/index.js';
import { PACKAGE_ROOT } from './data-dir.js';
import { loadNaturalEarth, NATURAL_EARTH_FILE } from './natural-earth.js';
import { loadSeaRings, loadTerritoryFeatures, osmSourceStamp } from './osm-territory.js';

/**
 * How to read the territory index: whole (what batches and the server want: ~0.1 s, then every lookup
 * is in memory), or on demand (one-point commands: the edges are read as lookups reach them).
 */
export type GeometryRead = 'whole' | 'on-demand';

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
  /** In a borders file: the polity pairs and buffers, in the order of the arrays (four per border). */
  borders?: string[];
  /** In a borders file: each border's bucket size in degrees. */
  cellSizes?: number[];
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

const SIZES: Record<ArrayType, number> = { f64: 8, i32: 4, u8: 1 };

/** Where each array of a file starts, counted from the start of the file. */
function arrayOffsets(header: Header, jsonLength: number): number[] {
  let offset = 8 + jsonLength;
  offset += pad8(offset);
  return header.arrays.map((a) => {
    const at = offset;
    offset += a.length * SIZES[a.type];
    offset += pad8(offset);
    return at;
  });
}

function view(buffer: ArrayBuffer, byteOffset: number, a: Header['arrays'][number]): Float64Array | Int32Array | Uint8Array {
  return a.type === 'f64' ? new Float64Array(buffer, byteOffset, a.length) : a.type === 'i32' ? new Int32Array(buffer, byteOffset, a.length) : new Uint8Array(buffer, byteOffset, a.length);
}

function readHeader(buffer: ArrayBuffer): { header: Header; jsonLength: number } {
  const jsonLength = new DataView(buffer).getUint32(0, true);
  const header = JSON.parse(Buffer.from(buffer, 8, jsonLength).toString('utf8')) as Header;
  if (header.magic !== MAGIC) throw new Error('not a Casus territory index');
  return { header, jsonLength };
}

function decode(buffer: ArrayBuffer): { header: Header; views: (Float64Array | Int32Array | Uint8Array)[] } {
  const { header, jsonLength } = readHeader(buffer);
  const offsets = arrayOffsets(header, jsonLength);
  return { header, views: header.arrays.map((a, i) => view(buffer, offsets[i]!, a)) };
}

function gridChunks(grid: PointGrid): (ArrayBufferView & { length: number })[] {
  return GRID_ARRAYS.map((name) => grid[name]);
}

function gridFrom(meta: GridMeta, views: (Float64Array | Int32Array | Uint8Array)[]): PointGrid {
  const [cells, candStart, candFeature, candCentreInside, edgeStart, edges] = views as [Int32Array, Int32Array, Int32Array, Uint8Array, Int32Array, Float64Array];
  return { ...meta, cells, candStart, candFeature, candCentreInside, edgeStart, edges, missing: undefined };
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
  return layerFrom(header, views);
}

function layerFrom(header: Header, views: (Float64Array | Int32Array | Uint8Array)[]): BaseLayer {
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

function readAt(fd: number, bytes: Uint8Array, position: number, file: string): void {
  let done = 0;
  while (done < bytes.length) {
    const n = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (n === 0) throw new Error(`${file}: unexpected end of file`);
    done += n;
  }
}

/**
 * The base layer with every array read except the two grids' edges (120 of the index's 140 MB),
 * which are read candidate by candidate as lookups reach them. The file stays open for the process.
 */
function readOnDemand(file: string): BaseLayer {
  const fd = openSync(file, 'r');
  try {
    const prefix = new Uint8Array(8);
    readAt(fd, prefix, 0, file);
    const jsonLength = new DataView(prefix.buffer).getUint32(0, true);
    const headerBytes = new Uint8Array(8 + jsonLength);
    readAt(fd, headerBytes, 0, file);
    const { header } = readHeader(headerBytes.buffer);
    const offsets = arrayOffsets(header, jsonLength);
    const ringCount = header.naturalEarth.reduce((n, f) => n + f.rings.length, 0);
    const n = GRID_ARRAYS.length;
    // Each grid's edges are its last array: the territory grid's after the rings, then the sea's.
    const [gridEdges, seaEdges] = [ringCount + n - 1, ringCount + 2 * n - 1];
    const views: (Float64Array | Int32Array | Uint8Array)[] = [];
    // Runs of arrays between the edge arrays are read in one go each.
    for (let i = 0; i < header.arrays.length; ) {
      if (i === gridEdges || i === seaEdges) {
        views.push(new Float64Array(header.arrays[i]!.length));
        i++;
        continue;
      }
      let j = i;
      while (j < header.arrays.length && j !== gridEdges && j !== seaEdges) j++;
      const start = offsets[i]!;
      const end = offsets[j - 1]! + header.arrays[j - 1]!.length * SIZES[header.arrays[j - 1]!.type];
      const buffer = new ArrayBuffer(end - start);
      readAt(fd, new Uint8Array(buffer), start, file);
      for (let k = i; k < j; k++) views.push(view(buffer, offsets[k]! - start, header.arrays[k]!));
      i = j;
    }
    const onDemand = (grid: PointGrid, edgesArray: number): PointGrid => {
      const missing = new Uint8Array(grid.candFeature.length).fill(1);
      const lazy: PointGrid = { ...grid, missing };
      readEdgesOnDemand(lazy, (j) => {
        const from = lazy.edgeStart[j]!;
        const to = lazy.edgeStart[j + 1]!;
        if (to > from) readAt(fd, new Uint8Array(lazy.edges.buffer, from * 8, (to - from) * 8), offsets[edgesArray]! + from * 8, file);
        missing[j] = 0;
      });
      return lazy;
    };
    const layer = layerFrom(header, views);
    return { ...layer, grid: onDemand(layer.grid, gridEdges), sea: onDemand(layer.sea, seaEdges) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/**
 * Writes a cache file whole or not at all (a temporary file, then a rename), creating its directory:
 * a process reading the cache never sees half a file.
 */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
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

/** Reads a territory index file, whole or on demand. */
export function readTerritoryIndex(file: string, read: GeometryRead): BaseLayer {
  return read === 'on-demand' ? readOnDemand(file) : decodeBaseLayer(readAligned(file));
}

/**
 * The base layer, from the territory index when it is fresh, else built (and kept when the cache
 * directory is writable). `onBuild` hears when a build starts, so a command can say why it waits.
 */
export function cachedBaseLayer(onBuild: (why: string) => void = () => {}, read: GeometryRead = 'whole'): BaseLayer {
  let file: string | undefined;
  try {
    file = cacheFile();
    return readTerritoryIndex(file, read);
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

/**
 * The borders' geometry (shared edges and their buckets), cached in one file keyed by the territory
 * index (whose Natural Earth rings the edges come from) and the borders' pairs and buffers: finding
 * the edges walks every vertex of China's and Russia's outlines, and bucketing them takes another
 * 20 ms; together they were a quarter of a one-point command's start.
 */
export function cachedBorderGeometry(borders: readonly Pick<BorderFile, 'between' | 'bufferKm'>[], compute: () => BorderGeometry[]): BorderGeometry[] {
  const names = borders.map((b) => `${b.between[0]}-${b.between[1]}@${b.bufferKm}`);
  let file: string | undefined;
  try {
    const hash = createHash('sha1').update(`v${FORMAT}:${basename(cacheFile())}:${names.join(',')}`);
    file = join(cacheDir(), `borders-${hash.digest('hex').slice(0, 20)}.bin`);
    const { header, views } = decode(readAligned(file));
    if (header.borders?.join(',') === names.join(',') && header.cellSizes?.length === borders.length)
      return borders.map((_, i) => {
        const [edges, keys, starts, data] = views.slice(4 * i, 4 * i + 4) as [Float64Array, Int32Array, Int32Array, Float64Array];
        const buckets = new Map<number, Float64Array>();
        for (let j = 0; j < keys.length; j++) buckets.set(keys[j]!, data.subarray(starts[j], starts[j + 1]));
        return { edges, near: { cellSize: header.cellSizes![i]!, buckets } };
      });
  } catch {
    // Not cached yet.
  }
  const geometry = compute();
  if (file !== undefined)
    try {
      const chunks = geometry.flatMap(({ edges, near }) => {
        const keys = [...near.buckets.keys()];
        const starts = [0];
        for (const k of keys) starts.push(starts[starts.length - 1]! + near.buckets.get(k)!.length);
        const data = new Float64Array(starts[starts.length - 1]!);
        keys.forEach((k, j) => data.set(near.buckets.get(k)!, starts[j]));
        return [edges, Int32Array.from(keys), Int32Array.from(starts), data];
      });
      writeAtomically(file, encode({ magic: MAGIC, borders: names, cellSizes: geometry.map((g) => g.near.cellSize), territory: [], naturalEarth: [], grids: [] }, chunks));
    } catch {
      // Read-only: fine, only slower.
    }
  return geometry;
}
