/**
 * @module server-process.test
 * The real `casus serve` process: the default host and CASUS_PORT, a slow request (zones, computed in a
 * worker thread) that does not stall others and finishes after SIGTERM, and the shutdown deadline
 * that cuts a request still running and exits 0 all the same.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'casus-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(args: readonly string[], env: Record<string, string>): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--log-level', 'warn', ...args], {
    env: { ...process.env, CASUS_DB: join(dir, 'proc.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.on('data', (d: Buffer) => (err += d.toString()));
  const up = Date.now();
  for (;;) {
    const m = /serving on (http:\/\/\S+) /.exec(err);
    if (m) return { child, url: m[1]!, stderr: () => err };
    if (child.exitCode !== null || Date.now() - up > 60_000) throw new Error(`server did not start: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const exited = (child: ChildProcess) => new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));
const port = () => 17000 + Math.floor(Math.random() * 2000);

describe('the server process', () => {
  it('listens on 127.0.0.1 and CASUS_PORT by default; a slow zones request does not stall health and finishes after SIGTERM; exit 0', async () => {
    const p = port();
    const { child, url } = await serve([], { CASUS_PORT: String(p) });
    expect(url).toBe(`http://127.0.0.1:${p}`);
    const order: string[] = [];
    // Genuinely asynchronous: the grid runs in a worker thread (seconds at 0.25°), the event loop stays free.
    const slow = fetch(`${url}/v1/zones?treaty=nato&provision=art-5&date=2024-01-01&resolution=0.25`).then(async (r) => {
      order.push('zones');
      return { status: r.status, body: (await r.json()) as { type: string } };
    });
    await new Promise((r) => setTimeout(r, 200));
    const health = await fetch(`${url}/v1/health`);
    order.push('health');
    expect(health.status).toBe(200);
    child.kill('SIGTERM');
    const zones = await slow;
    expect(zones.status).toBe(200);
    expect(zones.body.type).toBe('FeatureCollection');
    expect(order).toEqual(['health', 'zones']);
    expect(await exited(child)).toBe(0);
  }, 120_000);

  it('cuts requests still running at the shutdown deadline, logs it, and exits 0', async () => {
    const { child, url, stderr } = await serve(['--port', String(port()), '--shutdown-timeout', '0.5'], {});
    const slow = fetch(`${url}/v1/zones?treaty=nato&provision=art-5&date=2023-06-01&resolution=0.1`).then(
      (r) => r.status,
      () => 'connection closed',
    );
    await new Promise((r) => setTimeout(r, 300));
    const start = Date.now();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(Date.now() - start).toBeLessThan(5000);
    expect(await slow).toBe('connection closed');
    expect(stderr()).toMatch(/shutdown deadline reached/);
  }, 120_000);

  it('refuses an --assessment-workers that is not a whole number from 0 to 64, naming the flag (exit 2)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--assessment-workers', 'two', '--port', String(port())], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--assessment-workers: expected a whole number from 0 to 64; got "two"/);
  }, 60_000);

  it('refuses an --answer-cache that is not a whole number of MiB from 0 to 65536, naming the flag (exit 2)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--answer-cache', '-1', '--port', String(port())], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--answer-cache: expected a whole number from 0 to 65536; got "-1"/);
  }, 60_000);
});
