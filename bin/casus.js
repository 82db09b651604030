#!/usr/bin/env node
// Entry point for `npx casus`: runs the compiled CLI (built by `npm install` through the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('casus: the CLI is not built yet; run "npm install" (or "npm run build") first.\n');
  process.exit(70);
}
await import(main);
