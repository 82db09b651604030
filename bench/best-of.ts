// Best of `runs` timings of `fn`, in milliseconds: the one-core and the per-worker figures alike.

/** Runs `fn` `runs` times and returns the fastest run's duration in milliseconds. */
export function bestOf(runs: number, fn: () => void): number {
  let t = Infinity;
  for (let k = 0; k < runs; k++) {
    const s = performance.now();
    fn();
    t = Math.min(t, performance.now() - s);
  }
  return t;
}
