/**
 * `npm run bench:import`: a 1,000,000-row ACLED-shaped file (bench/import-events.ts) through the built
 * CLI end to end — read → parse → locate → assess → write (and store, as by default) — with rows/s and
 * peak RSS (GNU time's maximum resident set size of the whole process, worker threads included); then
 * `casus locate --input` alone on the same points in the same run, and the ratio of the two rates.
 * Targets (issue 14): the million in under 20 s on 2 cores, peak RSS under 1 GiB, and at least 0.5×
 * the rate of locate --input alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeAcledFile } from './import-events.js';

const ROOT = resolve(import.meta.dirname, '..');
const CASUS = join(ROOT, 'bin/casus.js');
const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(0));

/**
 * Runs the CLI under GNU time; returns wall seconds, CPU seconds (user + system, every thread) and peak
 * RSS in MiB. On a machine shared with other work the CPU time is the steadier figure.
 */
function timed(args: string[], env: Record<string, string> = {}): { seconds: number; cpu: number; rssMiB: number } {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, CASUS, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`casus ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const kb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { seconds, cpu: Number(cpu?.[1] ?? NaN) + Number(cpu?.[2] ?? NaN), rssMiB: kb / 1024 };
}

/** Prints the import figures. */
export async function benchImport(): Promise<void> {
  const n = Number(process.env.CASUS_BENCH_IMPORT_ROWS ?? 1_000_000);
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT });
  const dir = mkdtempSync(join(tmpdir(), 'casus-bench-import-'));
  try {
    const events = join(dir, 'acled.csv');
    const points = join(dir, 'points.csv');
    const t = performance.now();
    await writeAcledFile(events, n, points);
    console.log(`import/input    ${fmt(n)} ACLED-shaped rows, ${(statSync(events).size / 2 ** 20).toFixed(0)} MiB, written in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);
    console.log(`import/machine  ${availableParallelism()} cores; load average at start ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);

    // Start-up, as a user meets it: the whole command, best of 3 (issue 14's target: 0.3 s).
    const report = join(dir, 'report.txt');
    writeFileSync(report, 'Azerbaijani forces shelled Sotk and Jermuk overnight; Yerevan asked the CSTO for help.\n');
    for (const args of [
      ['--version'],
      ['locate', '--at', '50.45,30.52', '--date', '2024-01-01'],
      ['assess', '--at', '40.93,45.45', '--date', '2020-07-12', '--attacker', 'AZE', '--target', 'ARM'],
      ['extract', report, '--date', '2021-05-13'],
      ['cases', 'list'],
      ['import', '--help'],
    ]) {
      const runs = [0, 1, 2].map(() => timed(args, { CASUS_DB: join(dir, 'startup.db') }));
      const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      console.log(`import/startup  casus ${args.join(' ').replace(dir + '/', '')}: ${best.seconds.toFixed(2)} s (best of 3; CPU ${best.cpu.toFixed(2)} s) ${best.seconds <= 0.3 ? 'PASS' : 'MISS'} (target 0.3 s)`);
    }

    const locate = timed(['locate', '--input', points, '--output', join(dir, 'located.csv')]);
    const locateRate = n / locate.seconds;
    console.log(`import/locate   casus locate --input, the same points: ${locate.seconds.toFixed(2)} s, ${fmt(locateRate)} points/s (CPU ${locate.cpu.toFixed(1)} s), peak RSS ${locate.rssMiB.toFixed(0)} MiB`);

    const db = join(dir, 'casus.db');
    const run = timed(['import', events, '--format', 'acled', '--out', join(dir, 'findings.csv'), '--quiet'], { CASUS_DB: db });
    const rate = n / run.seconds;
    console.log(`import/full     casus import (stored in SQLite): ${run.seconds.toFixed(2)} s, ${fmt(rate)} rows/s (CPU ${run.cpu.toFixed(1)} s, ${fmt(n / run.cpu)} rows per CPU-second), peak RSS ${run.rssMiB.toFixed(0)} MiB; ${(rate / locateRate).toFixed(2)}× locate --input`);
    const bare = timed(['import', events, '--format', 'acled', '--out', join(dir, 'findings2.csv'), '--quiet', '--no-store']);
    const bareRate = n / bare.seconds;
    console.log(`import/no-store casus import --no-store: ${bare.seconds.toFixed(2)} s, ${fmt(bareRate)} rows/s (CPU ${bare.cpu.toFixed(1)} s), peak RSS ${bare.rssMiB.toFixed(0)} MiB; ${(bareRate / locateRate).toFixed(2)}× locate --input`);
    const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
    console.log(`import/targets  under 20 s: ${verdict(run.seconds < 20)} (${run.seconds.toFixed(1)} s); peak RSS under 1 GiB: ${verdict(run.rssMiB < 1024)}; ≥ 0.5× locate --input: ${verdict(rate / locateRate >= 0.5)} (${(rate / locateRate).toFixed(2)}×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchImport();
