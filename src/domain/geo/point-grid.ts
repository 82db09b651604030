/**
 * @module point-grid
 * The hot path of Casus: which feature contains a point. A regular lon/lat grid over the world marks
 * each cell as empty, wholly inside one feature, or crossed by a border. Only border cells do exact
 * work: the status of the cell's centre is precomputed, and the point's status follows from the parity
 * of edge crossings on an L-shaped path from the point to that centre (horizontal, then vertical).
 *
 * Semantics are those of planar even-odd ray casting with the half-open rule (as PostGIS `geometry`
 * gives away from borders): a point exactly on a border behaves as if nudged an infinitesimal step
 * east and north, so a point on a border shared by two features belongs to exactly one of them.
 */
import type { Ring } from './ring.js';

/** One area to index: its rings (outer and holes; even-odd) and an index that also sets priority. */
export interface GridFeature {
  readonly rings: readonly Ring[];
}

/** The built index; plain typed arrays so it can be shared with worker threads. */
export interface PointGrid {
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
  /** Per cell: feature index >= 0 (wholly inside), -1 (no feature), or -2 - k (border cell k). */
  readonly cells: Int32Array;
  /** Border cell k's candidates are `candStart[k] .. candStart[k + 1]`. */
  readonly candStart: Int32Array;
  readonly candFeature: Int32Array;
  readonly candCentreInside: Uint8Array;
  /** Candidate j's edges are `edgeStart[j] .. edgeStart[j + 1]` in `edges` (x1, y1, x2, y2 each). */
  readonly edgeStart: Int32Array;
  readonly edges: Float64Array;
  readonly featureCount: number;
  /**
   * Set when the edges are read on demand (see readEdgesOnDemand): candidate j's edges are not in
   * `edges` yet where missing[j] is 1. Undefined when every edge is in memory (present even then, so
   * every grid has one shape and the lookups stay monomorphic).
   */
  readonly missing: Uint8Array | undefined;
}

const edgeReaders = new WeakMap<PointGrid, (candidate: number) => void>();

/**
 * Makes `grid` read its edges as lookups reach them: a one-point command then reads a few kilobytes
 * of the territory index instead of its 120 MB of edges. `read(j)` must fill candidate j's range of
 * `edges` and set `grid.missing[j]` to 0.
 */
export function readEdgesOnDemand(grid: PointGrid, read: (candidate: number) => void): void {
  edgeReaders.set(grid, read);
}

const WEST = -180;
const SOUTH = -90;

/**
 * Builds the grid. Features earlier in the list win where features overlap ("lowest index wins").
 * @example buildPointGrid([{ rings: [square] }], 1).cells.length === 360 * 180
 */
export function buildPointGrid(features: readonly GridFeature[], cellSize = 0.25): PointGrid {
  const cols = Math.round(360 / cellSize);
  const rows = Math.round(180 / cellSize);
  // edgesByKey: (cell, feature) -> flat list of edge coordinates
  const byCell = new Map<number, Map<number, number[]>>();
  // crossings per row centre line: row -> flat [x, feature, x, feature, ...]
  const rowCrossings: number[][] = Array.from({ length: rows }, () => []);

  features.forEach((feature, f) => {
    for (const r of feature.rings) {
      for (let i = 0; i + 3 < r.length; i += 2) {
        const x1 = r[i]!;
        const y1 = r[i + 1]!;
        const x2 = r[i + 2]!;
        const y2 = r[i + 3]!;
        if (x1 === x2 && y1 === y2) continue;
        const c0 = clampCol(Math.floor((Math.min(x1, x2) - WEST) / cellSize), cols);
        const c1 = clampCol(Math.floor((Math.max(x1, x2) - WEST) / cellSize), cols);
        const r0 = clampRow(Math.floor((Math.min(y1, y2) - SOUTH) / cellSize), rows);
        const r1 = clampRow(Math.floor((Math.max(y1, y2) - SOUTH) / cellSize), rows);
        for (let row = r0; row <= r1; row++) {
          for (let col = c0; col <= c1; col++) {
            const cell = row * cols + col;
            let perFeature = byCell.get(cell);
            if (!perFeature) byCell.set(cell, (perFeature = new Map<number, number[]>()));
            let list = perFeature.get(f);
            if (!list) perFeature.set(f, (list = []));
            list.push(x1, y1, x2, y2);
          }
          const cy = SOUTH + (row + 0.5) * cellSize;
          if (y1 > cy !== y2 > cy) {
            rowCrossings[row]!.push(x1 + ((cy - y1) * (x2 - x1)) / (y2 - y1), f);
          }
        }
      }
    }
  });

  const cells = new Int32Array(cols * rows).fill(-1);
  for (const cell of byCell.keys()) cells[cell] = -2;

  // Centre status of every cell, by sweeping each row's centre line from west to east.
  // Border cells keep the set of features containing their centre; so do cells wholly inside
  // several overlapping features (regions, overlays), which then become candidate-only cells.
  const centreInside = new Map<number, Set<number>>();
  const parity = new Uint8Array(features.length);
  for (let row = 0; row < rows; row++) {
    const xs = rowCrossings[row]!;
    const order = Array.from({ length: xs.length / 2 }, (_, i) => i).sort((a, b) => xs[2 * a]! - xs[2 * b]!);
    parity.fill(0);
    const insideNow = new Set<number>();
    let next = 0;
    for (let col = 0; col < cols; col++) {
      const cx = WEST + (col + 0.5) * cellSize;
      // status at cx under the rightward-ray rule = parity of crossings with x <= cx
      while (next < order.length && xs[2 * order[next]!]! <= cx) {
        const f = xs[2 * order[next]! + 1]!;
        parity[f] = parity[f]! ^ 1;
        if (parity[f]) insideNow.add(f);
        else insideNow.delete(f);
        next++;
      }
      if (insideNow.size === 0) continue;
      const cell = row * cols + col;
      if (cells[cell] === -1 && insideNow.size === 1) cells[cell] = insideNow.values().next().value!;
      else centreInside.set(cell, new Set(insideNow));
    }
  }
  const borderCells = [...new Set([...byCell.keys(), ...centreInside.keys()])].sort((a, b) => a - b);
  borderCells.forEach((cell, k) => {
    cells[cell] = -2 - k;
  });

  // Flatten border cells: candidates are the features with edges in the cell or containing its centre.
  const candStart: number[] = [0];
  const candFeature: number[] = [];
  const candCentreInside: number[] = [];
  const edgeStart: number[] = [0];
  let edgeCount = 0;
  const edgeChunks: number[][] = [];
  for (const cell of borderCells) {
    const perFeature = byCell.get(cell) ?? new Map<number, number[]>();
    const inside = centreInside.get(cell);
    const ids = new Set<number>([...perFeature.keys(), ...(inside ?? [])]);
    for (const f of [...ids].sort((a, b) => a - b)) {
      const list = perFeature.get(f) ?? [];
      candFeature.push(f);
      candCentreInside.push(inside?.has(f) ? 1 : 0);
      edgeChunks.push(list);
      edgeCount += list.length;
      edgeStart.push(edgeCount);
    }
    candStart.push(candFeature.length);
  }
  const edges = new Float64Array(edgeCount);
  let o = 0;
  for (const chunk of edgeChunks) {
    edges.set(chunk, o);
    o += chunk.length;
  }
  return {
    cellSize,
    cols,
    rows,
    cells,
    candStart: Int32Array.from(candStart),
    candFeature: Int32Array.from(candFeature),
    candCentreInside: Uint8Array.from(candCentreInside),
    edgeStart: Int32Array.from(edgeStart),
    edges,
    featureCount: features.length,
    missing: undefined,
  };
}

function clampCol(c: number, cols: number): number {
  return c < 0 ? 0 : c >= cols ? cols - 1 : c;
}
function clampRow(r: number, rows: number): number {
  return r < 0 ? 0 : r >= rows ? rows - 1 : r;
}

/**
 * The feature containing (lon, lat), lowest index first, or -1.
 * @example gridLookup(grid, 44.51, 40.18) // index of Armenia's feature
 */
export function gridLookup(grid: PointGrid, lon: number, lat: number): number {
  const { cellSize, cols, rows } = grid;
  let col = Math.floor((lon - WEST) / cellSize);
  let row = Math.floor((lat - SOUTH) / cellSize);
  if (col >= cols) col = cols - 1;
  if (row >= rows) row = rows - 1;
  if (col < 0 || row < 0) return -1;
  const v = grid.cells[row * cols + col]!;
  if (v >= -1) return v;
  const k = -2 - v;
  const cx = WEST + (col + 0.5) * cellSize;
  const cy = SOUTH + (row + 0.5) * cellSize;
  const end = grid.candStart[k + 1]!;
  for (let j = grid.candStart[k]!; j < end; j++) {
    if (candidateContains(grid, j, lon, lat, cx, cy)) return grid.candFeature[j]!;
  }
  return -1;
}

/** Every feature containing (lon, lat), in index order (for overlapping layers such as overlays). */
export function gridLookupAll(grid: PointGrid, lon: number, lat: number): number[] {
  const { cellSize, cols, rows } = grid;
  const col = Math.min(Math.floor((lon - WEST) / cellSize), cols - 1);
  const row = Math.min(Math.floor((lat - SOUTH) / cellSize), rows - 1);
  if (col < 0 || row < 0) return [];
  const v = grid.cells[row * cols + col]!;
  if (v === -1) return [];
  if (v >= 0) return [v];
  const k = -2 - v;
  const cx = WEST + (col + 0.5) * cellSize;
  const cy = SOUTH + (row + 0.5) * cellSize;
  const out: number[] = [];
  for (let j = grid.candStart[k]!; j < grid.candStart[k + 1]!; j++) {
    if (candidateContains(grid, j, lon, lat, cx, cy)) out.push(grid.candFeature[j]!);
  }
  return out;
}

function candidateContains(grid: PointGrid, j: number, px: number, py: number, cx: number, cy: number): boolean {
  const missing = grid.missing;
  if (missing !== undefined && missing[j] === 1) edgeReaders.get(grid)!(j);
  const e = grid.edges;
  let inside = grid.candCentreInside[j] === 1;
  const lo = px < cx ? px : cx;
  const hi = px < cx ? cx : px;
  const ylo = py < cy ? py : cy;
  const yhi = py < cy ? cy : py;
  const end = grid.edgeStart[j + 1]!;
  for (let i = grid.edgeStart[j]!; i < end; i += 4) {
    const x1 = e[i]!;
    const y1 = e[i + 1]!;
    const x2 = e[i + 2]!;
    const y2 = e[i + 3]!;
    // horizontal leg p -> (cx, py): rightward-ray semantics, crossings with lo < x <= hi
    if (y1 > py !== y2 > py) {
      const x = x1 + ((py - y1) * (x2 - x1)) / (y2 - y1);
      if (x > lo && x <= hi) inside = !inside;
    }
    // vertical leg (cx, py) -> (cx, cy)
    if (x1 > cx !== x2 > cx) {
      const y = y1 + ((cx - x1) * (y2 - y1)) / (x2 - x1);
      if (y > ylo && y <= yhi) inside = !inside;
    }
  }
  return inside;
}
