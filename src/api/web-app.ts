/**
 * @module web-app
 * Serves the built web app (web/, built by `npm run build` into dist/web/) at `/`, from the same
 * process and port as the API. Only the app's own files: `/`, `/index.html` and `/assets/*`; every
 * other path (unknown /v1 routes included) still answers the API's JSON 404.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PACKAGE_ROOT } from '../knowledge/index.js';
import type { ApiEnv } from './api-context.js';

/** Where `npm run build` puts the app. */
export const WEB_DIR: string = join(PACKAGE_ROOT, 'dist', 'web');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

const MISSING = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Casus</title></head>
<body><h1>Casus</h1><p>The web app is not built. Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload.
The API is at <a href="/docs">/docs</a>.</p></body></html>`;

/** Registers the app's routes. Files are read once, at start; a rebuild needs a restart. */
export function webApp(app: OpenAPIHono<ApiEnv>, dir: string = WEB_DIR): void {
  const index = join(dir, 'index.html');
  const page = existsSync(index) ? new Uint8Array(readFileSync(index)) : undefined;
  const html = (c: Context<ApiEnv>) =>
    page ? c.body(page, 200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' }) : c.html(MISSING, 503);
  app.get('/', html);
  app.get('/index.html', html);

  // Vite names assets by content hash, so they may be cached for good.
  const assets = new Map<string, Uint8Array<ArrayBuffer>>();
  const assetsDir = join(dir, 'assets');
  if (existsSync(assetsDir))
    for (const f of readdirSync(assetsDir, { recursive: true, encoding: 'utf8' })) {
      const file = resolve(assetsDir, f);
      if (statSync(file).isFile()) assets.set(relative(assetsDir, file).split('\\').join('/'), new Uint8Array(readFileSync(file)));
    }
  app.get('/assets/*', (c) => {
    const name = c.req.path.slice('/assets/'.length);
    const body = assets.get(name);
    if (!body) return c.notFound();
    return c.body(body, 200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'public, max-age=31536000, immutable' });
  });
}
