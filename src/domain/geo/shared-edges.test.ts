import { describe, expect, it } from 'vitest';
import { sharedEdges } from './shared-edges.js';

const ring = (...xy: number[]) => Float64Array.from(xy);

describe('sharedEdges', () => {
  // Two unit squares side by side share the edge x = 1; each ring runs the shared edge the other way.
  const left = [ring(0, 0, 1, 0, 1, 1, 0, 1, 0, 0)];
  const right = [ring(1, 0, 2, 0, 2, 1, 1, 1, 1, 0)];

  it('finds the edges two outlines have in common, in the second outline\'s order', () => {
    expect([...sharedEdges([left], [right])]).toEqual([1, 1, 1, 0]);
  });

  it('matches an edge run in the same direction too', () => {
    const same = [ring(1, 0, 1, 1, 5, 5, 1, 0)];
    expect([...sharedEdges([left], [same])]).toEqual([1, 0, 1, 1]);
  });

  it('finds nothing where outlines only touch at a corner or lie apart', () => {
    expect(sharedEdges([left], [[ring(1, 1, 2, 1, 2, 2, 1, 1)]]).length).toBe(0);
    expect(sharedEdges([left], [[ring(5, 5, 6, 5, 6, 6, 5, 5)]]).length).toBe(0);
  });
});
