/**
 * @module browser
 * What the browser tests share: Debian's Chromium driven by playwright-core (never a downloaded
 * browser), a real `casus serve` on a scratch SQLite file, the built app (rebuilt when web/ is newer
 * than dist/web), and a guard that fails on any request leaving 127.0.0.1.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** Where screenshots and measurements go (not committed; CI keeps them as artifacts). */
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'web');
export const CHROMIUM = process.env.CASUS_CHROMIUM ?? '/usr/bin/chromium';

/** Why the browser suite cannot run here, or undefined when it can. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `no Chromium at ${CHROMIUM} (Debian package chromium; or set CASUS_CHROMIUM)`;
}

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const s = statSync(join(dir, f));
    if (s.isFile()) t = Math.max(t, s.mtimeMs);
  }
  return t;
}

/** Builds the app when dist/web is missing or older than web/. */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'web'))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(ROOT, 'web', 'vite.config.ts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`building the web app failed:\n${r.stderr}${r.stdout}`);
}

export interface Served {
  readonly url: string;
  readonly db: string;
  readonly stop: () => Promise<void>;
}

/** Starts `casus serve` on a free port with a scratch database. */
export async function serve(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'casus-web-'));
  const db = join(dir, 'web.db');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', '0', '--log-level', 'warn'], {
    env: { ...process.env, CASUS_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const start = Date.now();
  for (;;) {
    const m = /serving on (http:\/\/\S+) /.exec(out);
    if (m) {
      return {
        url: m[1]!,
        db,
        stop: async () => {
          child.kill('SIGTERM');
          await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (child.exitCode !== null || Date.now() - start > 60_000) throw new Error(`casus serve did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Creates an editor token in the server's database (the CLI, as a user would). */
export function createToken(db: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'token', 'create', '--role', 'editor', '--json'], { env: { ...process.env, CASUS_DB: db }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`token create failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { token: string }).token;
}

export interface Guarded {
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** Every request that tried to leave 127.0.0.1 (aborted). */
  readonly outside: string[];
}

/** A browser and a context whose requests may only reach 127.0.0.1; anything else is aborted and noted. */
export async function guardedBrowser(viewport = { width: 1280, height: 800 }): Promise<Guarded> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const context = await browser.newContext({ viewport });
  const outside: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    outside.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return { browser, context, outside };
}

// Page scripts as strings: tsx (the bench) compiles functions with a `__name` helper the page lacks.
const START_FRAMES = `window.t_ = []; window.s_ = false; const tick = (t) => { window.t_.push(t); if (!window.s_) requestAnimationFrame(tick); }; requestAnimationFrame(tick);`;
const STOP_FRAMES = `(() => { window.s_ = true; return window.t_; })()`;

/** The intervals (ms) between animation frames while `act` runs. */
export async function frameIntervals(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(START_FRAMES);
  await act();
  const t = await page.evaluate<number[]>(STOP_FRAMES);
  return t.slice(1).map((x, i) => x - t[i]!);
}

/** Drags the map (`.world-map`) back and forth four times, `steps` mouse moves each, as a person pans. */
export async function dragMap(page: Page, steps = 40): Promise<void> {
  const box = (await page.locator('.world-map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const dx of [240, -240, 160, -160]) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dx / 4, { steps });
    await page.mouse.up();
  }
}
