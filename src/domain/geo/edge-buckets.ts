/**
 * @module edge-buckets
 * Line edges bucketed by grid cell, each edge in every cell within `km` of it, so that "how far is
 * the nearest edge, if it is within km?" reads one bucket instead of every edge of a long border
 * (China–India has thousands). A point whose cell has no bucket is farther than km from every edge.
 */

/** Edges (x1, y1, x2, y2 …) per cell key. */
export interface EdgeBuckets {
  readonly cellSize: number;
  readonly buckets: ReadonlyMap<number, Float64Array>;
}

const KM_PER_DEG_LAT = 110.57;
const KM_PER_DEG_LON_EQUATOR = 111.32;

function key(col: number, row: number): number {
  return row * 100_000 + col;
}

/**
 * Buckets flat edges so that every edge within `km` of a cell is in that cell's bucket. The default
 * cell is about `km` across: small enough that most points near a line but beyond `km` find no bucket.
 */
export function bucketEdges(edges: Float64Array, km: number, cellSize = Math.min(0.5, Math.max(0.05, km / KM_PER_DEG_LAT))): EdgeBuckets {
  const lists = new Map<number, number[]>();
  const padY = km / KM_PER_DEG_LAT;
  for (let i = 0; i + 3 < edges.length; i += 4) {
    const [x1, y1, x2, y2] = [edges[i]!, edges[i + 1]!, edges[i + 2]!, edges[i + 3]!];
    const maxLat = Math.min(89, Math.max(Math.abs(y1), Math.abs(y2)) + padY);
    const padX = km / (KM_PER_DEG_LON_EQUATOR * Math.max(0.02, Math.cos((maxLat * Math.PI) / 180)));
    const c0 = Math.floor((Math.min(x1, x2) - padX + 180) / cellSize);
    const c1 = Math.floor((Math.max(x1, x2) + padX + 180) / cellSize);
    const r0 = Math.floor((Math.min(y1, y2) - padY + 90) / cellSize);
    const r1 = Math.floor((Math.max(y1, y2) + padY + 90) / cellSize);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) {
        const k = key(c, r);
        let list = lists.get(k);
        if (!list) lists.set(k, (list = []));
        list.push(x1, y1, x2, y2);
      }
  }
  return { cellSize, buckets: new Map([...lists].map(([k, v]) => [k, Float64Array.from(v)])) };
}

/** The edges that may lie within the buckets' distance of (lon, lat); undefined when none can. */
export function edgesNear(b: EdgeBuckets, lon: number, lat: number): Float64Array | undefined {
  return b.buckets.get(key(Math.floor((lon + 180) / b.cellSize), Math.floor((lat + 90) / b.cellSize)));
}
