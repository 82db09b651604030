/**
 * Extraction: reports per second on one core, for ~800-word reports assembled (seeded) from the test
 * reports' sentences, and the start-up time of `casus extract` (the built CLI when dist/ exists),
 * with `casus assess` beside it for scale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractDrafts } from '../src/domain/extraction/index.js';
import { loadExtractionTables } from '../src/knowledge/index.js';
import { bestOf } from './best-of.js';

const ROOT = resolve(import.meta.dirname, '..');
const REPORTS = join(ROOT, 'test/fixtures/reports');

// A small linear congruential generator: the same reports on every run.
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** `count` reports of about `words` words each, built from the sentences of the test reports. */
export function benchReports(count: number, words = 800): string[] {
  const files = [
    ...readdirSync(REPORTS).filter((f) => f.endsWith('.txt')).map((f) => join(REPORTS, f)),
    ...readdirSync(join(REPORTS, 'written')).filter((f) => f.endsWith('.txt')).map((f) => join(REPORTS, 'written', f)),
  ];
  const sentences = files.flatMap((f) => readFileSync(f, 'utf8').split(/(?<=[.!?])\s+/)).filter((s) => s.trim().length > 0);
  const random = seeded(42);
  return Array.from({ length: count }, () => {
    const out: string[] = [];
    let n = 0;
    while (n < words) {
      const s = sentences[Math.floor(random() * sentences.length)]!;
      out.push(s);
      n += s.split(/\s+/).length;
      if (random() < 0.2) out.push('\n');
    }
    return out.join(' ');
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function startup(args: readonly string[], runs = 5): number {
  const built = existsSync(join(ROOT, 'dist/cli/main.js'));
  const cmd = built ? [join(ROOT, 'bin/casus.js')] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [...cmd, ...args], { encoding: 'utf8' });
    times.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`casus ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

/** Prints the extraction figures. */
export function benchExtract(): void {
  const t0 = performance.now();
  const tables = loadExtractionTables();
  const loadMs = performance.now() - t0;
  const reports = benchReports(200);
  const words = reports.reduce((s, r) => s + r.split(/\s+/).length, 0) / reports.length;
  for (const r of reports.slice(0, 50)) extractDrafts(r, tables, { reportDate: '2024-01-01' }); // warm-up
  let drafts = 0;
  const ms = bestOf(3, () => {
    drafts = 0;
    for (const r of reports) drafts += extractDrafts(r, tables, { reportDate: '2024-01-01' }).drafts.length;
  });
  console.log(`extract: ${reports.length} reports of ~${words.toFixed(0)} words (seeded from the test reports), ${(drafts / reports.length).toFixed(1)} drafts each`);
  console.log(`extract         1 core   ${((reports.length / ms) * 1000).toFixed(0)} reports/s  (${(ms / reports.length).toFixed(2)} ms a report, best of 3)`);
  console.log(`extract/tables  load      ${loadMs.toFixed(0)} ms (lexicon and gazetteer index; the first run ever builds the index)`);

  const dir = mkdtempSync(join(tmpdir(), 'casus-bench-extract-'));
  try {
    const none = join(dir, 'none.txt');
    writeFileSync(none, 'The ministers met in Yerevan on Monday to discuss the budget.\n');
    const built = existsSync(join(ROOT, 'dist/cli/main.js')) ? 'built CLI' : 'tsx, no dist/';
    const a = startup(['extract', none]);
    const b = startup(['extract', join(REPORTS, '004_3e9db083394da074.txt')]);
    const c = startup(['assess', '--date', '2022-09-13', '--at', '39.84,45.67', '--attacker', 'AZE', '--target', 'ARM']);
    console.log(`extract/startup  ${built}, median of 5: casus extract ${a.toFixed(0)} ms with no incident (gazetteer only), ${b.toFixed(0)} ms for a seed article (the territory map loaded to place its drafts); casus assess ${c.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
