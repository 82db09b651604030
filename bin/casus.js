#!/usr/bin/env -S node --max-semi-space-size=64
// The larger young generation is for `casus serve`: at 2,000 requests/s the 16 MB default lets the
// requests in flight survive each scavenge, and what they promote sets off mark-compacts that stall
// the server for 10-40 ms (measured: bench/http.ts). The flag has to be given to node; it cannot be
// set once the heap exists. Other commands neither gain nor lose by it.
// Entry point for `npx casus`: runs the bundled CLI (dist/bundle/, a few files instead of ~650 modules,
// which starts about 0.2 s sooner), or the plain compiled one when the bundle is missing or older
// than the last compile (a `tsc` run without `npm run build`). Both are built by `npm install`.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const bundled = fileURLToPath(new URL('../dist/bundle/main.js', import.meta.url));
const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;
const compiledAt = mtime(compiled);
const bundledAt = mtime(bundled);
if (compiledAt === undefined && bundledAt === undefined) {
  process.stderr.write('casus: the CLI is not built yet; run "npm install" (or "npm run build") first.\n');
  process.exit(70);
}
await import(bundledAt !== undefined && (compiledAt === undefined || bundledAt >= compiledAt) ? bundled : compiled);
