/**
 * @module module-worker
 * Starts a worker thread from a module of this package, wherever the package runs: compiled JavaScript
 * in dist/ loads directly; TypeScript sources (under tsx or vitest) register tsx inside the worker
 * first, since a worker does not inherit the parent's loader.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts `url` (a sibling module, `new URL('./x-worker.js', import.meta.url)` from the caller).
 * @example const worker = startModuleWorker(new URL('./zones-worker.js', import.meta.url))
 */
export function startModuleWorker(url: URL, options: WorkerOptions = {}): Worker {
  const ts = new URL(url.href.replace(/\.js$/, '.ts'));
  // Under tsx, import.meta.url names the .ts source; a .js URL beside it does not exist.
  const source = url.pathname.endsWith('.ts') ? url : import.meta.url.endsWith('.ts') ? ts : undefined;
  if (!source) return new Worker(url, options);
  const tsx = tsxEsmApi();
  const code = `import(${JSON.stringify(tsx)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(code, { ...options, eval: true });
}

// tsx is a development dependency: only source runs need it, and they have it. Its ESM entry, from its
// own exports map (the CommonJS entry cannot register the ESM hooks).
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifest), pkg.exports['./esm/api']!.import.default)).href;
}
