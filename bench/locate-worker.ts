// One worker of the all-cores locate benchmark: its slice of the shared points, timed on its own.
import { parentPort, workerData } from 'node:worker_threads';
import { gridLookup } from '../src/domain/geo/index.js';
import { locate } from '../src/domain/territory/index.js';
import { loadBaseLayer, loadKnowledge } from '../src/knowledge/index.js';

const { mode, points, assignment, from, to } = workerData as { mode: 'base' | 'locate'; points: SharedArrayBuffer; assignment: SharedArrayBuffer; from: number; to: number };
const p = new Float64Array(points);
const out = new Int32Array(assignment);
let busyMs: number;
if (mode === 'base') {
  const { grid } = loadBaseLayer();
  for (let i = from; i < Math.min(to, from + 10_000); i++) out[i] = gridLookup(grid, p[2 * i]!, p[2 * i + 1]!);
  const s = performance.now();
  for (let i = from; i < to; i++) out[i] = gridLookup(grid, p[2 * i]!, p[2 * i + 1]!);
  busyMs = performance.now() - s;
} else {
  const { map } = loadKnowledge();
  const s = performance.now();
  for (let i = from; i < to; i++) out[i] = locate(map, p[2 * i + 1]!, p[2 * i]!, '2024-01-01').recognized.length;
  busyMs = performance.now() - s;
}
parentPort?.postMessage({ busyMs });
