/**
 * The API under load, on loopback. autocannon measures the most the server does (POST
 * /v1/assessments and GET /v1/locate as fast as 16 connections go: requests per second, p50/p99
 * latency, errors). The p99 target at 2,000 assessments/s is checked with an open-loop generator
 * (open-loop.ts): a request is due every 0.5 ms and each latency counts from when it was due.
 * autocannon's `overallRate` cannot check it: each connection spends a per-second budget at full
 * speed and then idles, so its p99 is that of a saturated closed loop; its figure is still printed,
 * marked as such. Then a mixed read/write run (CASUS_BENCH_MIXED_SECONDS, default 60): readers
 * locate and read the case file while several writers append to the SAME case file, retrying from
 * the current version on 409, and every acknowledged append must be in the file afterwards. Each
 * target prints a PASS or MISS line; a miss sets exit code 1. The server is `casus serve` as users
 * run it (bin/casus.js on the compiled dist/, rebuilt first when a source is newer), in its own
 * process, on a scratch SQLite file.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { incidentAt } from './incidents.js';
import { openLoop, type OpenLoopResult } from './open-loop.js';

const ROOT = resolve(import.meta.dirname, '..');
const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
}

// The compiled CLI is what `casus serve` runs; rebuild it when any source is newer.
function ensureBuilt(): void {
  const built = join(ROOT, 'dist/cli/main.js');
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : e.name.endsWith('.ts') ? statSync(join(dir, e.name)).mtimeMs : 0)));
  let stale = true;
  try {
    stale = statSync(built).mtimeMs < newest(join(ROOT, 'src'));
  } catch {
    // Not built yet.
  }
  if (!stale) return;
  console.log('http: building dist/ (a source is newer than the compiled CLI)');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('http: npm run build failed');
}

async function startServer(db: string, port: number): Promise<Started> {
  ensureBuilt();
  // The flags bin/casus.js's first line gives node (spawning node directly skips that line).
  const child = spawn(process.execPath, ['--max-semi-space-size=64', join(ROOT, 'bin/casus.js'), 'serve', '--port', String(port), '--log-level', 'warn', '--rate-limit', '0'], {
    env: { ...process.env, CASUS_DB: db },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const start = Date.now();
  while (!err.includes('serving on')) {
    if (child.exitCode !== null || Date.now() - start > 60_000) throw new Error(`server did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url: `http://127.0.0.1:${port}` };
}

const CONNECTIONS = 16;

async function run(title: string, opts: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon({ connections: CONNECTIONS, ...opts });
  console.log(
    `http/${title.padEnd(28)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  (${result.requests.total} requests in ${result.duration} s; errors ${errorsOf(result)})`,
  );
  return result;
}

const errorsOf = (r: autocannon.Result) => r.errors + r.non2xx + r.timeouts;

function printOpenLoop(title: string, r: OpenLoopResult): void {
  console.log(
    `http/${title.padEnd(28)} ${r.achievedRate.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p90 ${r.p90} ms  p99 ${r.p99} ms  p99.9 ${r.p999} ms  max ${r.max} ms  (${r.sent} requests, latency from when each was due; errors ${r.errors})`,
  );
}

/** Prints `PASS` or `MISS` for one target; a miss makes the bench exit 1. */
function target(name: string, met: boolean, measured: string): void {
  console.log(`http/target ${met ? 'PASS' : 'MISS'}  ${name.padEnd(44)} ${measured}`);
  if (!met) process.exitCode = 1;
}

const RATE = 2000;
const P99_MS = 10;

/** Prints the HTTP figures and checks them against the targets. */
export async function benchHttp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'casus-bench-http-'));
  const db = join(dir, 'bench.db');
  const port = 18000 + Math.floor(Math.random() * 1000);
  const { child, url } = await startServer(db, port);
  try {
    const d = seconds('CASUS_BENCH_HTTP_SECONDS', 10);
    const assessment = JSON.stringify({ date: '2022-09-13', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM' });
    const post = { url: `${url}/v1/assessments`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: assessment };
    await run('warm-up', { ...post, duration: 2 });
    const max = await run('POST /v1/assessments (max)', { ...post, duration: d });
    await run(`POST /v1/assessments @${RATE}/s budget`, { ...post, duration: d, overallRate: RATE });
    console.log(`http/  (autocannon's overallRate: each connection spends ${RATE / CONNECTIONS} requests a second at full speed, then idles; a closed loop, not a constant rate)`);
    const open = { host: '127.0.0.1', port, method: 'POST' as const, path: '/v1/assessments', body: assessment, rate: RATE };
    await openLoop({ ...open, seconds: 2 });
    const paced = await openLoop({ ...open, seconds: d });
    printOpenLoop(`POST /v1/assessments @${RATE}/s open loop`, paced);
    // The same rate over distinct incidents (dates 1995–2025, places in and outside the parties, many
    // attackers), each answer computed from scratch: a figure, not a target.
    const distinctBodies = Array.from({ length: RATE * d }, (_, i) => JSON.stringify(incidentAt(i)));
    const distinct = await openLoop({ ...open, body: distinctBodies, seconds: d });
    printOpenLoop(`  … ${distinctBodies.length} distinct incidents`, distinct);
    const locateRun = await run('GET /v1/locate (max)', { url: `${url}/v1/locate?at=40.18,44.51&date=2020-07-12`, duration: d });
    target(`assessments: p99 < ${P99_MS} ms at ${RATE}/s (open loop)`, paced.p99 < P99_MS && paced.achievedRate >= RATE * 0.95, `p99 ${paced.p99} ms at ${paced.achievedRate.toFixed(0)}/s`);
    const errors = errorsOf(max) + paced.errors + distinct.errors + errorsOf(locateRun);
    target('assessments and locate: zero errors', errors === 0, `${errors} errors`);

    // Mixed run: writers contend on one case file (409 → retry from the current version the 409
    // reports) while readers locate and read that case file.
    const tokenOut = await new Promise<string>((resolveToken, reject) => {
      const t = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'token', 'create', '--role', 'editor'], { env: { ...process.env, CASUS_DB: db } });
      let out = '';
      t.stdout.on('data', (b: Buffer) => (out += b.toString()));
      t.once('exit', (code) => (code === 0 ? resolveToken(out.trim()) : reject(new Error('token create failed'))));
    });
    const auth = { authorization: `Bearer ${tokenOut}`, 'content-type': 'application/json' };
    const countEvents = async () => {
      const r = (await (await fetch(`${url}/v1/cases?origin=all`)).json()) as { cases: { version: number }[] };
      return r.cases.reduce((s, c) => s + c.version, 0);
    };
    const created = await fetch(`${url}/v1/cases`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ treaty: 'nato', title: 'load: contended', incident: { date: '2024-01-01', at: [59.437, 24.7536], attacker: 'RUS', target: 'EST' }, note: 'bench' }),
    });
    if (created.status !== 201) throw new Error(`could not open the bench case file: ${created.status} ${await created.text()}`);
    const caseId = ((await created.json()) as { id: string }).id;
    const before = await countEvents();
    const mixed = seconds('CASUS_BENCH_MIXED_SECONDS', 60);
    const deadline = Date.now() + mixed * 1000;
    const writers = 6;
    const acknowledged: string[] = [];
    let conflicts = 0;
    let failures = 0;
    const writer = async (w: number) => {
      let version = 1;
      for (let n = 0; Date.now() < deadline; ) {
        const tag = `bench w${w} #${n}`;
        const r = await fetch(`${url}/v1/cases/${caseId}/events`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ expectedVersion: version, event: { type: 'incident-recorded', date: '2024-01-01', note: tag } }),
        });
        const body = (await r.json()) as { version?: number; error?: { details?: { currentVersion?: number } } };
        if (r.status === 201) {
          acknowledged.push(tag);
          version = body.version ?? version + 1;
          n++;
        } else if (r.status === 409) {
          conflicts++;
          version = body.error?.details?.currentVersion ?? version;
        } else failures++;
      }
    };
    const readers = run(`mixed reads (${mixed} s)`, {
      url,
      duration: mixed,
      connections: 8,
      requests: [{ method: 'GET', path: '/v1/locate?at=40.18,44.51&date=2020-07-12' }, { method: 'GET', path: `/v1/cases/${caseId}` }],
    });
    const [readResult] = await Promise.all([readers, ...Array.from({ length: writers }, (_, w) => writer(w))]);
    const after = await countEvents();
    const file = (await (await fetch(`${url}/v1/cases/${caseId}`)).json()) as { events: { note?: string }[] };
    const present = new Map<string, number>();
    for (const e of file.events) if (e.note !== undefined) present.set(e.note, (present.get(e.note) ?? 0) + 1);
    const missing = acknowledged.filter((tag) => present.get(tag) !== 1);
    console.log(
      `http/mixed writes              ${acknowledged.length} events acknowledged by ${writers} writers on one case file, ${conflicts} conflicts retried, ${failures} failures; events before ${before}, after ${after}`,
    );
    target('mixed: every acknowledged append present once', missing.length === 0 && after - before === acknowledged.length, `${missing.length} missing or duplicated, ${after - before - acknowledged.length} unexpected`);
    target('mixed: zero errors', failures === 0 && errorsOf(readResult) === 0, `${failures} write failures, ${errorsOf(readResult)} read errors`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
