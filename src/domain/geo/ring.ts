/**
 * @module ring
 * Polygon rings in planar lon/lat degrees, and their repair at the antimeridian: a ring that jumps
 * from +180 to -180 is unwrapped, then clipped back into [-180, 180] as one or more rings, so that
 * even-odd ray casting gives the right answer on both sides of the line (Fiji, Chukotka).
 */

/** A ring as a flat array `[x0, y0, x1, y1, ...]`, closed (last vertex equals the first). */
export type Ring = Float64Array;

/** A polygon area: every ring of a feature, outer rings and holes alike (even-odd decides). */
export interface RingSet {
  readonly rings: readonly Ring[];
}

type Pt = [number, number];

/**
 * Turns GeoJSON-style rings (`[lon, lat][]`) into closed flat rings inside [-180, 180],
 * splitting rings that cross the antimeridian and closing rings that go round a pole.
 * @example normalizeRings([[[170, 0], [-170, 0], [-170, 10], [170, 10], [170, 0]]]).length === 2
 */
export function normalizeRings(rings: readonly (readonly (readonly number[])[])[]): Ring[] {
  const out: Ring[] = [];
  for (const ring of rings) {
    const pts = unwrap(ring);
    if (pts.length < 3) continue;
    let min = Infinity;
    let max = -Infinity;
    for (const [x] of pts) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    for (let shift = -360; shift <= 360; shift += 360) {
      if (max + shift <= -180 || min + shift >= 180) continue;
      const moved = pts.map(([x, y]): Pt => [x + shift, y]);
      const clipped = clip(clip(moved, -180, 1), 180, -1);
      if (clipped.length >= 3 && Math.abs(signedArea(clipped)) > 0) out.push(toFlat(clipped));
    }
  }
  return out;
}

/** Makes consecutive longitudes continuous; closes a ring that circles a pole along that pole. */
function unwrap(ring: readonly (readonly number[])[]): Pt[] {
  const pts: Pt[] = [];
  let prev: number | undefined;
  for (const p of ring) {
    const x0 = p[0]!;
    const y = p[1]!;
    let x = x0;
    if (prev !== undefined) {
      while (x - prev > 180) x -= 360;
      while (x - prev < -180) x += 360;
    }
    pts.push([x, y]);
    prev = x;
  }
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (!first || !last) return pts;
  const offset = last[0] - first[0];
  if (Math.abs(offset) > 180) {
    // The ring goes round a pole: close it along the pole it circles.
    const meanY = pts.reduce((s, [, y]) => s + y, 0) / pts.length;
    const pole = meanY < 0 ? -90 : 90;
    pts.push([last[0], pole], [first[0], pole], [first[0], first[1]]);
  } else if (first[0] !== last[0] || first[1] !== last[1]) {
    pts.push([first[0], first[1]]);
  }
  return pts;
}

/** Sutherland–Hodgman clip of a closed ring against the half-plane `dir * (x - edge) >= 0`. */
function clip(pts: readonly Pt[], edge: number, dir: 1 | -1): Pt[] {
  const out: Pt[] = [];
  const inside = (p: Pt) => dir * (p[0] - edge) >= 0;
  const n = pts.length - 1; // last repeats first
  for (let i = 0; i < n; i++) {
    const a = pts[i]!;
    const b = pts[i + 1]!;
    const ia = inside(a);
    const ib = inside(b);
    if (ia) out.push(a);
    if (ia !== ib) {
      const t = (edge - a[0]) / (b[0] - a[0]);
      out.push([edge, a[1] + t * (b[1] - a[1])]);
    }
  }
  if (out.length > 0) out.push(out[0]!);
  return out;
}

function signedArea(pts: readonly Pt[]): number {
  let s = 0;
  for (let i = 0; i + 1 < pts.length; i++) s += pts[i]![0] * pts[i + 1]![1] - pts[i + 1]![0] * pts[i]![1];
  return s / 2;
}

function toFlat(pts: readonly Pt[]): Ring {
  const flat = new Float64Array(pts.length * 2);
  pts.forEach(([x, y], i) => {
    flat[2 * i] = x;
    flat[2 * i + 1] = y;
  });
  return flat;
}

/** Even-odd point-in-rings test with the half-open crossing rule (the reference the grid must match). */
export function ringsContain(rings: readonly Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    for (let i = 0; i + 3 < r.length; i += 2) {
      const x1 = r[i]!;
      const y1 = r[i + 1]!;
      const x2 = r[i + 2]!;
      const y2 = r[i + 3]!;
      if (y1 > y !== y2 > y && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
    }
  }
  return inside;
}

/** Planar area of a ring set in square degrees (even-odd: holes subtract). */
export function ringSetArea(rings: readonly Ring[]): number {
  let s = 0;
  for (const r of rings) {
    let a = 0;
    for (let i = 0; i + 3 < r.length; i += 2) a += r[i]! * r[i + 3]! - r[i + 2]! * r[i + 1]!;
    s += a / 2;
  }
  return Math.abs(s);
}
