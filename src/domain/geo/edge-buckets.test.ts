import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketEdges, edgesNear } from './edge-buckets.js';

/** Kilometres from a point to a segment on a local equirectangular projection (as locate measures). */
function segmentKm(lon: number, lat: number, e: readonly number[]): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
  const ky = 110.57;
  const [ax, ay, bx, by] = [(e[0]! - lon) * kx, (e[1]! - lat) * ky, (e[2]! - lon) * kx, (e[3]! - lat) * ky];
  const [dx, dy] = [bx - ax, by - ay];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

describe('edge buckets', () => {
  it('hold every edge within km of a point in the point’s bucket', () => {
    const coord = fc.tuple(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 40, max: 70, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 8 }), coord, fc.integer({ min: 1, max: 30 }), (segments, [lon, lat], km) => {
        const edges = Float64Array.from(segments.flatMap(([[x1, y1], [x2, y2]]) => [x1, y1, x2, y2]));
        const near = edgesNear(bucketEdges(edges, km), lon, lat) ?? new Float64Array();
        const inBucket = new Set<string>();
        for (let i = 0; i < near.length; i += 4) inBucket.add(Array.from(near.subarray(i, i + 4)).join(','));
        for (let i = 0; i < edges.length; i += 4) {
          const e = Array.from(edges.subarray(i, i + 4));
          if (segmentKm(lon, lat, e) <= km) expect(inBucket.has(e.join(','))).toBe(true);
        }
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});
