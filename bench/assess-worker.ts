// One worker of the all-cores assessment benchmark: assesses its slice and reports the count.
import { parentPort, workerData } from 'node:worker_threads';
import { assessRange } from './assess.js';

const { from, to, explain } = workerData as { from: number; to: number; explain: number };
const r = assessRange(from, to, explain);
parentPort?.postMessage({ evaluations: r.evaluations, busyMs: r.locateMs + r.statusMs });
