/**
 * The web app in Debian's headless Chromium against a real `casus serve`: the first view from a cold
 * browser start (navigation to a live map and an enabled Assess button), and frame times while
 * dragging the map at world zoom and zoomed in (1:10m outlines). Chromium here renders WebGL in
 * software (SwiftShader): no GPU, and the two cores are shared with the server.
 */
import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { browserMissing, CHROMIUM, ensureWebBuilt, serve } from '../test/web/browser.js';

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

// Page scripts as strings: tsx compiles functions with a `__name` helper that the page does not have.
const START = `window.t_ = []; window.s_ = false; const tick = (t) => { window.t_.push(t); if (!window.s_) requestAnimationFrame(tick); }; requestAnimationFrame(tick);`;
const STOP = `(() => { window.s_ = true; return window.t_; })()`;

/** rAF intervals (ms) while `act` runs. */
async function frames(page: Page, act: () => Promise<void>): Promise<number[]> {
  await page.evaluate(START);
  await act();
  const t = await page.evaluate<number[]>(STOP);
  return t.slice(1).map((x, i) => x - t[i]!);
}

async function drag(page: Page): Promise<void> {
  const box = (await page.locator('.world-map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const dx of [240, -240, 160, -160]) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + dx, cy + dx / 4, { steps: 40 });
    await page.mouse.up();
  }
}

const fmt = (xs: readonly number[]) => `${xs.length} frames, median ${median(xs).toFixed(1)} ms (${(1000 / median(xs)).toFixed(0)} fps), p95 ${pct(xs, 0.95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/** Runs the web section of `npm run bench`. */
export async function benchWeb(): Promise<void> {
  const missing = browserMissing();
  if (missing) return console.log(`web: skipped — ${missing}`);
  ensureWebBuilt();
  const server = await serve();
  try {
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      const browser = await chromium.launch({ executablePath: CHROMIUM });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const start = performance.now();
      await page.goto(`${server.url}/`);
      await page.locator('.world-map[data-state="ready"]').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Assess' }).waitFor();
      cold.push(performance.now() - start);
      await browser.close();
    }
    console.log(`first view, cold browser, 1280×800 (navigation → map drawn and Assess enabled), 5 runs: ${cold.map((x) => x.toFixed(0)).join(', ')} ms; median ${median(cold).toFixed(0)} ms (target 2,000 ms: ${(median(cold) / 2000).toFixed(2)}× the target)`);

    const browser = await chromium.launch({ executablePath: CHROMIUM });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const views = [
      ['idle (no drag; the headless frame clock)', '?date=2024-06-01&treaty=nato#2/45/20', false],
      ['world, zoom 2, NATO parties and zone', '?date=2024-06-01&treaty=nato#2/45/20', true],
      ['zoomed in, zoom 6, 1:10m outlines, CSTO zone', '?date=2022-09-13&treaty=csto#6/40.2/45', true],
    ] as const;
    for (const [label, url, dragging] of views) {
      await page.goto(`${server.url}/${url}`);
      await page.locator('.world-map[data-state="ready"]').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(3000);
      const gaps = await frames(page, dragging ? () => drag(page) : () => page.waitForTimeout(2000));
      console.log(`frames, ${label}: ${fmt(gaps)}`);
    }
    await browser.close();
  } finally {
    await server.stop();
  }
}
