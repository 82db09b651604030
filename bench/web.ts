/**
 * The web app in Debian's headless Chromium against a real `casus serve`: the first view from a cold
 * browser start (navigation to a live map and an enabled Assess button), and frame times while
 * dragging the map at world zoom and zoomed in (1:10m outlines). Chromium here renders WebGL in
 * software (SwiftShader): no GPU, and the two cores are shared with the server.
 */
import { chromium } from 'playwright-core';
import { browserMissing, CHROMIUM, dragMap, ensureWebBuilt, frameIntervals, serve } from '../test/web/browser.js';

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: readonly number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

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
      const gaps = await frameIntervals(page, dragging ? () => dragMap(page) : () => page.waitForTimeout(2000));
      console.log(`frames, ${label}: ${fmt(gaps)}`);
    }
    await browser.close();
  } finally {
    await server.stop();
  }
}
