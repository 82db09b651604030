// One worker of the all-cores locate benchmark: its slice of the shared points, timed on its own,
// best of the same number of runs as the one-core figure (a single cold run measured the JIT, not us).
import { parentPort, workerData } from 'node:worker_threads';
import { gridLookup } from '../src/domain/geo/index.js';
import { locate } from '../src/domain/territory/index.js';
import { loadBaseLayer, loadKnowledge } from '../src/knowledge/index.js';
import { bestOf } from './best-of.js';

const { mode, points, assignment, from, to } = workerData as { mode: 'base' | 'locate'; points: SharedArrayBuffer; assignment: SharedArrayBuffer; from: number; to: number };
// A private copy of the slice: the one-core loop reads an ordinary array too.
const p = new Float64Array(new Float64Array(points).subarray(2 * from, 2 * to));
const n = to - from;
const local = new Int32Array(n);

let busyMs: number;
if (mode === 'base') {
  const { grid } = loadBaseLayer();
  busyMs = bestOf(3, () => {
    for (let i = 0; i < n; i++) local[i] = gridLookup(grid, p[2 * i]!, p[2 * i + 1]!);
  });
} else {
  const { map } = loadKnowledge();
  busyMs = bestOf(2, () => {
    for (let i = 0; i < n; i++) local[i] = locate(map, p[2 * i + 1]!, p[2 * i]!, '2024-01-01').recognized.length;
  });
}
new Int32Array(assignment).set(local, from);
parentPort?.postMessage({ busyMs });
