/**
 * The bundled command line (dist/bundle/, what bin/casus.js runs) answers exactly as the sources do,
 * including the parts that find files relative to their own module: the data directory, the worker
 * threads of `import` and `locate --workers`, and the server's assessment and zones workers.
 * The bundle is rebuilt first when any source is newer than it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'casus-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function newestSource(path: string): number {
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true }))
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  return newest;
}

beforeAll(() => {
  const built = statSync(BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= newestSource(join(ROOT, 'src'))) return;
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'bundle-cli.ts')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bundling failed: ${r.stderr}`);
}, 60_000);

const env = () => ({ ...process.env, CASUS_DB: join(dir, 'casus.db') });
const bundled = (args: string[], input?: string) => spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, env: env(), encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
const sources = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, env: env(), encoding: 'utf8', ...(input !== undefined ? { input } : {}) });

describe('the bundled CLI', () => {
  it.each([
    ['locate', ['locate', '--at', '40.93,45.45', '--date', '2020-07-12', '--json']],
    ['assess', ['assess', '--at', '40.93,45.45', '--date', '2020-07-12', '--attacker', 'AZE', '--target', 'ARM', '--json']],
    ['a usage error', ['locate', '--at', '91,10']],
  ])('answers %s exactly as the sources do', (_, args) => {
    const a = bundled(args);
    const b = sources(args);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe(b.stderr);
    expect(a.status).toBe(b.status);
  });

  it('extracts a report exactly as the sources do (the gazetteer and the date parser bundled)', () => {
    const report = 'Azerbaijani forces shelled Sotk and Jermuk overnight; Yerevan asked the CSTO for help.';
    const a = bundled(['extract', '-', '--date', '2021-05-13', '--json'], report);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(sources(['extract', '-', '--date', '2021-05-13', '--json'], report).stdout);
    expect(JSON.parse(a.stdout).drafts[0].place.value.name).toBe('Sotk');
  });

  it('starts its import worker threads from the bundle directory', () => {
    const out = join(dir, 'findings.jsonl');
    const r = bundled(['import', join(ROOT, 'test', 'fixtures', 'import', 'acled-small.csv'), '--format', 'acled', '--out', out, '--workers', '2', '--quiet', '--no-store']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; findings: { treaty: string; status: string }[] });
    expect(rows.find((row) => row.id === 'ARM101')?.findings).toContainEqual(expect.objectContaining({ treaty: 'csto', status: 'triggered' }));
  });

  it('locates a file of over 4 MiB with two worker threads, as one thread does', () => {
    const points = join(dir, 'points.csv');
    const lines = ['lat,lon'];
    for (let i = 0; lines.length < 300_000; i++) lines.push(`${(38 + (i % 997) / 250).toFixed(4)},${(43 + (i % 991) / 200).toFixed(4)}`);
    writeFileSync(points, lines.join('\n') + '\n');
    expect(statSync(points).size).toBeGreaterThan(4 * 1024 * 1024);
    const [one, two] = [join(dir, 'one.csv'), join(dir, 'two.csv')];
    expect(bundled(['locate', '--input', points, '--date', '2022-09-13', '--workers', '2', '--output', two]).status).toBe(0);
    expect(bundled(['locate', '--input', points, '--date', '2022-09-13', '--output', one]).status).toBe(0);
    expect(statSync(two).size).toBeGreaterThan(1_000_000);
    expect(readFileSync(two, 'utf8')).toBe(readFileSync(one, 'utf8'));
  }, 60_000);

  it('serves assessments and zones from its worker threads', async () => {
    const server = spawn(process.execPath, [BUNDLE, 'serve', '--port', '0', '--assessment-workers', '1'], { cwd: ROOT, env: env() });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let said = '';
        server.stderr.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          const m = /serving on (http:\/\/\S+)/.exec(said);
          if (m) ok(m[1]!);
        });
        server.on('exit', (code) => fail(new Error(`serve exited ${code}: ${said}`)));
      });
      const answer = await fetch(`${url}/v1/assessments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ date: '2020-07-12', at: [40.93, 45.45], attacker: 'AZE', target: 'ARM', treaty: 'csto' }),
      });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { findings: { treaty: string }[] };
      expect(body.findings.map((f) => f.treaty)).toContain('csto');
      const zones = await fetch(`${url}/v1/zones?treaty=csto&provision=art-4&date=2020-07-12&resolution=2`);
      expect(zones.status).toBe(200);
      expect(((await zones.json()) as { type: string }).type).toBe('FeatureCollection');
    } finally {
      server.kill('SIGTERM');
    }
  }, 60_000);

  it('still reports a data file that fails its schema, with its line, after the same build validated others', () => {
    const data = join(dir, 'data');
    cpSync(join(ROOT, 'data'), data, { recursive: true });
    const overlay = join(data, 'overlays', 'abkhazia.yaml');
    writeFileSync(overlay, readFileSync(overlay, 'utf8').replace('errorKm: 8', 'errorKm: eight'));
    const broken = spawnSync(process.execPath, [BUNDLE, 'locate', '--at', '43.0,41.0', '--date', '2020-01-01'], { cwd: ROOT, env: { ...env(), CASUS_DATA: data }, encoding: 'utf8' });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/abkhazia\.yaml:7:\d+/);
    writeFileSync(overlay, readFileSync(overlay, 'utf8').replace('errorKm: eight', 'errorKm: 8'));
    const fixed = spawnSync(process.execPath, [BUNDLE, 'locate', '--at', '43.0,41.0', '--date', '2020-01-01'], { cwd: ROOT, env: { ...env(), CASUS_DATA: data }, encoding: 'utf8' });
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toMatch(/overlays\s+abkhazia/);
  });
});

