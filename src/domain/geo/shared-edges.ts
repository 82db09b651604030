/**
 * @module shared-edges
 * The edges two polygons have in common: where two neighbours' outlines run along the same vertices,
 * that run is their border. Matching is exact (same coordinates, either direction), as in a topology
 * where neighbours share arcs.
 */
import type { Ring } from './ring.js';

// A vertex hash from coordinates rounded to 1e-7°; equal coordinates always hash alike, and the
// candidates a hash finds are then compared exactly.
function vertexHash(x: number, y: number): number {
  return (Math.round(x * 1e7) * 31 + Math.round(y * 1e7)) % 2_147_483_647;
}

/**
 * Every edge of `c` that `a` also has (in either direction), as flat x1, y1, x2, y2 quadruples in
 * `c`'s order. Numeric hashing throughout: string keys made this the slowest step of a CLI start.
 */
export function sharedEdges(a: readonly (readonly Ring[])[], c: readonly (readonly Ring[])[]): Float64Array {
  // Only edges near the other feature can be shared: skip the rest of large rings (Russia's) early.
  let [cx0, cy0, cx1, cy1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of c)
    for (const r of rings)
      for (let i = 0; i + 1 < r.length; i += 2) {
        cx0 = Math.min(cx0, r[i]!);
        cx1 = Math.max(cx1, r[i]!);
        cy0 = Math.min(cy0, r[i + 1]!);
        cy1 = Math.max(cy1, r[i + 1]!);
      }
  const candidates: number[] = [];
  const head = new Map<number, number>();
  const next: number[] = [];
  for (const rings of a)
    for (const r of rings)
      for (let i = 0; i + 3 < r.length; i += 2) {
        const x = r[i]!;
        const y = r[i + 1]!;
        if (x < cx0 || x > cx1 || y < cy0 || y > cy1) continue;
        const h = vertexHash(x, y) ^ vertexHash(r[i + 2]!, r[i + 3]!);
        const n = candidates.length / 4;
        candidates.push(x, y, r[i + 2]!, r[i + 3]!);
        next.push(head.get(h) ?? -1);
        head.set(h, n);
      }
  const edges: number[] = [];
  for (const rings of c)
    for (const r of rings)
      for (let i = 0; i + 3 < r.length; i += 2) {
        const x1 = r[i]!;
        const y1 = r[i + 1]!;
        const x2 = r[i + 2]!;
        const y2 = r[i + 3]!;
        for (let n = head.get(vertexHash(x1, y1) ^ vertexHash(x2, y2)) ?? -1; n >= 0; n = next[n]!) {
          const [p, q, s, t] = [candidates[4 * n]!, candidates[4 * n + 1]!, candidates[4 * n + 2]!, candidates[4 * n + 3]!];
          if ((p === x2 && q === y2 && s === x1 && t === y1) || (p === x1 && q === y1 && s === x2 && t === y2)) {
            edges.push(x1, y1, x2, y2);
            break;
          }
        }
      }
  return Float64Array.from(edges);
}
