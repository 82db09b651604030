/**
 * The API under load, on loopback: autocannon against POST /v1/assessments and GET /v1/locate (requests
 * per second, p50/p99 latency, errors), one at a fixed 2,000 requests/s to check the p99 target; then a
 * mixed read/write run (CASUS_BENCH_MIXED_SECONDS, default 60) that counts case-file events before
 * and after and reports any lost or unexpected one. The server runs in its own process on a scratch
 * SQLite file, as `casus serve` does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';

const ROOT = resolve(import.meta.dirname, '..');
const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
}

async function startServer(db: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', String(port), '--log-level', 'warn', '--rate-limit', '0'], {
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

async function run(title: string, opts: autocannon.Options): Promise<autocannon.Result> {
  const result = await autocannon({ connections: 16, ...opts });
  const errors = result.errors + result.non2xx + result.timeouts;
  console.log(
    `http/${title.padEnd(28)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  (${result.requests.total} requests in ${result.duration} s; errors ${errors})`,
  );
  return result;
}

/** Prints the HTTP figures. */
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
    await run('POST /v1/assessments (max)', { ...post, duration: d });
    await run('POST /v1/assessments @2000/s', { ...post, duration: d, overallRate: 2000 });
    await run('GET /v1/locate (max)', { url: `${url}/v1/locate?at=40.18,44.51&date=2020-07-12`, duration: d });

    // Mixed run: writers append to their own case files (each knows its version), readers read.
    const created = await fetch(`${url}/v1/health`);
    if (!created.ok) throw new Error('server not healthy');
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
    const writers = 8;
    const caseIds: string[] = [];
    for (let w = 0; w < writers; w++) {
      const r = await fetch(`${url}/v1/cases`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ treaty: 'nato', title: `load ${w}`, incident: { date: '2024-01-01', at: [59.437, 24.7536], attacker: 'RUS', target: 'EST' }, note: 'bench' }),
      });
      caseIds.push(((await r.json()) as { id: string }).id);
    }
    const before = await countEvents();
    const mixed = seconds('CASUS_BENCH_MIXED_SECONDS', 60);
    const deadline = Date.now() + mixed * 1000;
    let appended = 0;
    let conflicts = 0;
    let failures = 0;
    const writer = async (id: string) => {
      let version = 1;
      while (Date.now() < deadline) {
        const r = await fetch(`${url}/v1/cases/${id}/events`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ expectedVersion: version, event: { type: 'incident-recorded', date: '2024-01-01', note: 'bench: repeated incident' } }),
        });
        if (r.status === 201) {
          appended++;
          version++;
        } else if (r.status === 409) conflicts++;
        else failures++;
        await r.arrayBuffer();
      }
    };
    const readers = run(`mixed reads (${mixed} s)`, { url: `${url}/v1/locate?at=40.18,44.51&date=2020-07-12`, duration: mixed, connections: 8 });
    await Promise.all([...caseIds.map(writer), readers]);
    const after = await countEvents();
    console.log(
      `http/mixed writes              ${appended} events appended by ${writers} writers, ${conflicts} conflicts, ${failures} failures; events before ${before}, after ${after}: ${after - before === appended ? 'none lost' : `MISMATCH (${after - before - appended})`}`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
