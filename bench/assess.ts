/**
 * Assessment throughput: N fixed incidents (CASUS_BENCH_INCIDENTS, default 1,000,000) against every
 * loaded treaty and every reading, on one core and on all cores (worker threads). Locating is timed
 * apart; a "provision evaluation" is one treaty × provision × reading for one incident.
 */
import { availableParallelism } from 'node:os';
import { assess, assessStatuses, planStatuses } from '../src/domain/assessment/index.js';
import { locate, type Location } from '../src/domain/territory/index.js';
import { loadKnowledge } from '../src/knowledge/index.js';
import { incidentAt } from './incidents.js';
import { startModuleWorker } from '../src/api/module-worker.js'; // not the api door: the bench's RSS figure should not carry the HTTP stack

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));

interface RangeResult {
  evaluations: number;
  triggered: number;
  locateMs: number;
  statusMs: number;
  explainMs: number;
  explained: number;
}

/**
 * Assesses incidents [from, to): locates them, runs the bulk path (statuses only) over all of them,
 * and the explained path (`assess`, every reason) over the first `explain` of them.
 */
export function assessRange(from: number, to: number, explain = to - from): RangeResult {
  const knowledge = loadKnowledge();
  const n = to - from;
  const incidents = Array.from({ length: n }, (_, k) => incidentAt(from + k));
  const t0 = performance.now();
  const locations: Location[] = incidents.map((i) => locate(knowledge.map, i.at[0], i.at[1], i.date));
  const t1 = performance.now();
  const plan = planStatuses(knowledge.treaties);
  const out = new Uint8Array(plan.slots.length);
  let triggered = 0;
  for (let k = 0; k < n; k++) triggered += assessStatuses(plan, incidents[k]!, locations[k]!, out);
  const t2 = performance.now();
  const explained = Math.min(explain, n);
  for (let k = 0; k < explained; k++) assess(incidents[k]!, locations[k]!, knowledge.treaties);
  const t3 = performance.now();
  return { evaluations: n * plan.slots.length, triggered, locateMs: t1 - t0, statusMs: t2 - t1, explainMs: t3 - t2, explained };
}

/** Prints the assessment figures. */
export async function benchAssess(): Promise<void> {
  const total = Number(process.env.CASUS_BENCH_INCIDENTS ?? 1_000_000);
  const knowledge = loadKnowledge();
  const provisions = knowledge.treaties.reduce((s, t) => s + t.provisions.filter((p) => p.kind !== 'scope').length, 0);
  console.log(`assess: ${fmt(total)} incidents × ${knowledge.treaties.length} treaties (${provisions} provisions) × 4 readings`);
  if (provisions === 0) {
    console.log('assess: skipped — no treaty is loaded');
    return;
  }
  assessRange(0, Math.min(20_000, total)); // warm-up
  const explain = Number(process.env.CASUS_BENCH_EXPLAIN ?? 200_000);
  const one = assessRange(0, total, explain);
  const perSlot = one.evaluations / total;
  console.log(`assess/locate   1 core   ${fmt(total / (one.locateMs / 1000))} incidents/s  (${(one.locateMs / 1000).toFixed(2)} s)`);
  console.log(
    `assess/status   1 core   ${fmt(total / (one.statusMs / 1000))} incidents/s, ${fmt(one.evaluations / (one.statusMs / 1000))} provision evaluations/s  (${fmt(one.evaluations)} evaluations, ${fmt(one.triggered)} triggered, ${(one.statusMs / 1000).toFixed(2)} s; statuses only, the bulk path)`,
  );
  console.log(
    `assess/explain  1 core   ${fmt(one.explained / (one.explainMs / 1000))} incidents/s, ${fmt((one.explained * perSlot) / (one.explainMs / 1000))} provision evaluations/s  (first ${fmt(one.explained)} incidents, every condition's reason built, as casus assess does)`,
  );
  const cores = availableParallelism();
  const per = Math.ceil(total / cores);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: cores }, (_, w) =>
      new Promise<{ evaluations: number; busyMs: number }>((resolve, reject) => {
        const worker = startModuleWorker(new URL('./assess-worker.ts', import.meta.url), {
          workerData: { from: w * per, to: Math.min(total, (w + 1) * per), explain: 0 },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    ),
  );
  const wall = (performance.now() - started) / 1000;
  const evaluations = results.reduce((s, r) => s + r.evaluations, 0);
  const busy = Math.max(...results.map((r) => r.busyMs)) / 1000;
  console.log(
    `assess/status   ${cores} cores  ${fmt(total / busy)} incidents/s, ${fmt(evaluations / busy)} provision evaluations/s  (locate + statuses, slowest worker's busy time ${busy.toFixed(2)} s)`,
  );
  console.log(
    `assess/all      ${cores} cores  wall clock including worker start-up, loading and incident generation: ${wall.toFixed(2)} s`,
  );
}
