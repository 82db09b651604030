/**
 * Locate throughput: which territory feature (land plus territorial sea) holds each of 1,000,000
 * fixed points (the base-layer grid), and the full `locate` (every reading, overlays, regions, borders), on one core and on all
 * cores; then the same points through PostGIS (bench/postgis.ts), with the disagreements counted.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerLine, LOCATE_CSV_HEADER } from '../src/cli/locate-batch.js';
import { availableParallelism } from 'node:os';
import { gridLookup } from '../src/domain/geo/index.js';
import { locate, type TerritoryMap } from '../src/domain/territory/index.js';
import { buildBaseLayer, loadBaseLayer, loadKnowledge } from '../src/knowledge/index.js';
import { fixedPoints } from './points.js';
import { bestOf } from './best-of.js';
import { startModuleWorker } from '../src/api/module-worker.js'; // not the api door: the bench's RSS figure should not carry the HTTP stack

const CASUS = new URL('../bin/casus.js', import.meta.url).pathname;
const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

/** Runs the workers over `points` (shared) and returns the slowest worker's busy time and the wall time. */
async function parallel(mode: 'base' | 'locate', points: Float64Array, cores: number): Promise<{ busyMs: number; wallMs: number; assignment: Int32Array }> {
  const shared = new SharedArrayBuffer(points.byteLength);
  new Float64Array(shared).set(points);
  const n = points.length / 2;
  const assignment = new Int32Array(new SharedArrayBuffer(n * 4));
  const per = Math.ceil(n / cores);
  const started = performance.now();
  const busy = await Promise.all(
    Array.from({ length: cores }, (_, w) =>
      new Promise<number>((resolve, reject) => {
        const worker = startModuleWorker(new URL('./locate-worker.ts', import.meta.url), {
          workerData: { mode, points: shared, assignment: assignment.buffer, from: w * per, to: Math.min(n, (w + 1) * per) },
        });
        worker.once('message', (m: { busyMs: number }) => resolve(m.busyMs));
        worker.once('error', reject);
      }),
    ),
  );
  return { busyMs: Math.max(...busy), wallMs: performance.now() - started, assignment };
}

/** Prints the locate figures. */
export async function benchLocate(): Promise<void> {
  const n = Number(process.env.CASUS_BENCH_POINTS ?? 1_000_000);
  let t = performance.now();
  const built = buildBaseLayer();
  console.log(`locate/load     build the territory index from the OpenStreetMap GeoJSON and Natural Earth: ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const { grid } = loadBaseLayer();
  console.log(`locate/load     read it from the index file: ${(performance.now() - t).toFixed(0)} ms; RSS ${mib(process.memoryUsage().rss)} (the built copy included)`);
  const probe = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', new URL('./rss-probe.ts', import.meta.url).pathname], { encoding: 'utf8' })) as { rss: number; ms: number };
  console.log(`locate/load     a fresh process with the index and the knowledge base loaded: RSS ${mib(probe.rss)} (target ≤ 500 MiB), first answer after ${probe.ms.toFixed(0)} ms`);
  const points = fixedPoints(grid, n);
  const ours = new Int32Array(n);
  const baseMs = bestOf(3, () => {
    for (let i = 0; i < n; i++) ours[i] = gridLookup(grid, points[2 * i]!, points[2 * i + 1]!);
  });
  console.log(`locate/base     1 core   ${fmt(n / (baseMs / 1000))} points/s  (${fmt(n)} points in ${baseMs.toFixed(0)} ms, best of 3; which territory feature, land or territorial sea)`);
  // The knowledge base after the base figure: its overlay and region grids make gridLookup polymorphic,
  // which costs the base loop up to half its speed in this process (workers measure it clean anyway).
  t = performance.now();
  const { map } = loadKnowledge();
  console.log(`locate/load     knowledge base (treaties, overlays, regions, borders) on top: ${(performance.now() - t).toFixed(0)} ms; heap ${mib(process.memoryUsage().heapUsed)}, RSS ${mib(process.memoryUsage().rss)}`);
  let sink = 0;
  const fullN = Math.min(n, 300_000);
  const fullMs = bestOf(2, () => {
    for (let i = 0; i < fullN; i++) sink += locate(map, points[2 * i + 1]!, points[2 * i]!, '2024-01-01').recognized.length;
  });
  console.log(`locate/full     1 core   ${fmt(fullN / (fullMs / 1000))} points/s  (${fmt(fullN)} points; every reading, overlays, regions, borders; date 2024-01-01) [${sink > 0 ? 'ok' : '-'}]`);

  const cores = availableParallelism();
  const pb = await parallel('base', points, cores);
  const agree = pb.assignment.every((v, i) => v === ours[i]);
  console.log(`locate/base     ${cores} cores  ${fmt(n / (pb.busyMs / 1000))} points/s  (slowest worker ${pb.busyMs.toFixed(0)} ms, best of 3; ${(baseMs / pb.busyMs).toFixed(2)}x one core; wall ${pb.wallMs.toFixed(0)} ms incl. worker start-up; same assignment as one core: ${agree ? 'yes' : 'NO'})`);
  const pf = await parallel('locate', points, cores);
  console.log(`locate/full     ${cores} cores  ${fmt(n / (pf.busyMs / 1000))} points/s  (slowest worker ${pf.busyMs.toFixed(0)} ms, best of 2; wall ${pf.wallMs.toFixed(0)} ms)`);

  let postgis: number | undefined;
  if (process.env.CASUS_BENCH_SKIP_POSTGIS === '1') console.log('postgis: skipped — CASUS_BENCH_SKIP_POSTGIS=1');
  else postgis = await (await import('./postgis.js')).benchPostgis(points, ours, built.features, n / (baseMs / 1000));

  endToEnd(points, map, { base2: n / (pb.busyMs / 1000), full2: n / (pf.busyMs / 1000), postgis });
}

/**
 * `casus locate --input` on the same points as a user runs it (the built CLI, a CSV in, a CSV out,
 * start-up included), on one thread and on two, against the in-process rates of this run; its
 * answers are compared line by line with the in-process locate's.
 */
function endToEnd(points: Float64Array, map: TerritoryMap, rates: { base2: number; full2: number; postgis: number | undefined }): void {
  const n = points.length / 2;
  const dir = mkdtempSync(join(tmpdir(), 'casus-bench-locate-'));
  try {
    const input = join(dir, 'points.csv');
    const date = '2024-01-01';
    let csv = 'lat,lon\n';
    const expected: string[] = [LOCATE_CSV_HEADER];
    for (let i = 0; i < n; i++) {
      const row = { lat: Number(points[2 * i + 1]!.toFixed(6)), lon: Number(points[2 * i]!.toFixed(6)), date };
      csv += `${row.lat},${row.lon}\n`;
      expected.push(answerLine(row, locate(map, row.lat, row.lon, date), false));
    }
    writeFileSync(input, csv);
    const want = expected.join('');
    for (const workers of [1, 2]) {
      const output = join(dir, `answers-${workers}.csv`);
      const times = [0, 1].map(() => {
        const started = performance.now();
        execFileSync(process.execPath, [CASUS, 'locate', '--input', input, '--date', date, '--output', output, '--workers', String(workers)], { stdio: ['ignore', 'ignore', 'pipe'] });
        return (performance.now() - started) / 1000;
      });
      const seconds = Math.min(...times);
      const rate = n / seconds;
      const same = readFileSync(output, 'utf8') === want;
      const vsPostgis = rates.postgis === undefined ? 'PostGIS not measured' : `${(rate / rates.postgis).toFixed(1)}x the best PostGIS plan (target >= 1.5x)`;
      console.log(
        `locate/e2e      casus locate --input --workers ${workers}: ${fmt(n)} points CSV to CSV in ${seconds.toFixed(2)} s (best of 2, start-up included) = ${fmt(rate)} points/s; ` +
          `${(rate / rates.full2).toFixed(2)}x the in-process 2-core full locate (target >= 0.4x), ${(rate / rates.base2).toFixed(2)}x the 2-core base lookup alone; ${vsPostgis}; answers identical to in-process: ${same ? 'yes' : 'NO'}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
