#!/usr/bin/env -S node --max-semi-space-size=64
// The larger young generation is for `casus serve`: at 2,000 requests/s the 16 MB default lets the
// requests in flight survive each scavenge, and what they promote sets off mark-compacts that stall
// the server for 10-40 ms (measured: bench/http.ts). The flag has to be given to node; it cannot be
// set once the heap exists. Other commands neither gain nor lose by it.
// Entry point for `npx casus`: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('casus: the CLI is not built yet; run "npm install" (or "npm run build") first.\n');
  process.exit(70);
}
await import(main);
