/**
 * `casus locate`, `assess`, `check` and `zones` as a user runs them: exit codes (0 answered, 2 bad
 * input), messages that name the argument and the expected form, batch files in input order, and
 * nothing written when the input is bad.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'casus-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function casus(args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    env: { ...process.env, CASUS_DB: join(dir, 'casus.db'), ...env },
    encoding: 'utf8',
    cwd: ROOT,
    ...(input !== undefined ? { input } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('casus locate', () => {
  it('writes a batch to a pipe whose reader is slower than it (no EAGAIN from a full pipe)', async () => {
    const input = join(dir, 'slow-reader.csv');
    writeFileSync(input, 'lat,lon\n' + Array.from({ length: 6000 }, (_, i) => `${40 + (i % 100) / 100},${45 + (i % 70) / 100}`).join('\n') + '\n');
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'locate', '--input', input, '--date', '2022-09-13'], { env: { ...process.env, CASUS_DB: join(dir, 'casus.db') }, cwd: ROOT });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    // Nothing is read for a while: the pipe (64 KiB) fills long before the 300 KB of answers are written.
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 3000));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8').trim().split('\n')).toHaveLength(6001);
  }, 30_000);

  it.each([
    [['--at', '91,10', '--date', '2020-01-01'], /--at: .*latitude.*-90.*90/i],
    [['--at', '40.1', '--date', '2020-01-01'], /--at: expected LAT,LON/],
    [['--at', '40,45', '--date', '2020-02-30'], /--date: expected .*YYYY-MM-DD/],
    [['--at', '40,45', '--date', '1944-12-31'], /--date: .*1945/],
    [['--at', '40,45', '--date', 'yesterday'], /--date: expected .*YYYY-MM-DD/],
  ])('refuses %j with exit 2 and a message naming the argument', (args, message) => {
    const r = casus(['locate', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('answers one point as the location object with --json', () => {
    const r = casus(['locate', '--at', '40.1811,44.5136', '--date', '2020-07-12', '--json']);
    expect(r.code).toBe(0);
    const loc = JSON.parse(r.out) as Record<string, unknown>;
    expect(loc).toMatchObject({ recognized: ['ARM'], administered: ['ARM'], claimed: ['ARM'], delimited: ['ARM'] });
    expect(Object.keys(loc)).toEqual(expect.arrayContaining(['regions', 'overlays']));
  });

  it('gives a point at sea empty territory lists', () => {
    const r = casus(['locate', '--at', '35.0,18.0', '--date', '2020-07-12', '--json']);
    expect(JSON.parse(r.out)).toMatchObject({ recognized: [], administered: [], claimed: [], delimited: [] });
  });

  it('locates a CSV batch in input order (header optional, per-row dates), CSV or JSON Lines', () => {
    const input = join(dir, 'points.csv');
    writeFileSync(input, 'lat,lon,date\n40.1811,44.5136,2020-07-12\n59.437,24.7536\n35.0,18.0,1990-01-01\n');
    const csv = casus(['locate', '--input', input, '--date', '2024-01-01']);
    expect(csv.code).toBe(0);
    const lines = csv.out.trim().split('\n');
    expect(lines[0]).toMatch(/^lat,lon,date,recognized,administered,claimed,delimited,regions,overlays,surface$/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['40.1811,44.5136,2020-07-12,ARM', '59.437,24.7536,2024-01-01,EST', '35,18,1990-01-01,']);
    const jsonl = casus(['locate', '--input', input, '--date', '2024-01-01', '--json']);
    const rows = jsonl.out.trim().split('\n').map((l) => JSON.parse(l) as { at: number[]; recognized: string[] });
    expect(rows.map((r) => r.recognized)).toEqual([['ARM'], ['EST'], []]);
  });

  it('refuses a batch with a bad row, names its line, and writes no output file', () => {
    const input = join(dir, 'bad.csv');
    const output = join(dir, 'out.csv');
    writeFileSync(input, '40.1811,44.5136\n40.1811,244.5\n');
    const r = casus(['locate', '--input', input, '--date', '2024-01-01', '--output', output]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.csv.*line 2: lat must be within/);
    expect(existsSync(output)).toBe(false);
  });
});

describe('casus assess', () => {
  it.each([
    [['--at', '40,45', '--attacker', 'AZE', '--target', 'ARM'], /--date/],
    [['--date', '2020-07-12', '--at', '40,45', '--attacker', 'Azerbaijan', '--target', 'ARM'], /--attacker: expected a polity id/],
    [['--date', '2020-07-12', '--at', '40,45', '--target', 'ARM', '--kind', 'invasion'], /--kind: expected one of armed-attack/],
    [['--date', '2020-07-12', '--at', '40,45', '--target', 'ARM', '--reading', 'legal'], /--reading: expected/],
    [['--date', '2020-07-12', '--at', '40,45', '--target', 'ARM', '--treaty', 'warsaw-pact'], /--treaty: expected treaty ids/],
  ])('refuses %j with exit 2', (args, message) => {
    const r = casus(['assess', ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('prints the answer object with --json', () => {
    const r = casus(['assess', '--date', '2020-07-12', '--at', '40.93,45.42', '--attacker', 'AZE', '--target', 'ARM', '--treaty', 'csto', '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out) as { incident: unknown; location: unknown; findings: { treaty: string; provision: string; reading: string; status: string }[] };
    expect(a.incident).toMatchObject({ date: '2020-07-12', at: [40.93, 45.42], attacker: 'AZE', target: 'ARM', kind: 'armed-attack', against: 'territory' });
    expect(a.findings.every((f) => f.treaty === 'csto')).toBe(true);
    expect(a.findings.find((f) => f.provision === 'art-4' && f.reading === 'recognized')?.status).toBe('triggered');
  });
});

describe('casus check', () => {
  it('prints ok for the shipped knowledge base', () => {
    const r = casus(['check']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^ok \(\d+ files\)/);
    expect(r.code).toBe(0);
  });

  it('reports every bad condition as file:line:column with provision and condition ids, and loads nothing', () => {
    const data = join(dir, 'bad-data');
    mkdirSync(join(data, 'treaties'), { recursive: true });
    cpSync(join(ROOT, 'test/fixtures/treaties/broken.yaml'), join(data, 'treaties/broken.yaml'));
    const r = casus(['check'], { CASUS_DATA: data });
    expect(r.code).toBe(2);
    // Columns point into the expression: at the unknown name, at the end of the truncated one.
    expect(r.out).toMatch(/broken\.yaml:31:54 .*art-1 condition bad-one: Unknown variable: territry; expected .*\(did you mean "territory"\?\)/);
    expect(r.out).toMatch(/broken\.yaml:35:19 .*art-1 condition bad-two: expected a CEL expression of type bool; got type int/);
    expect(r.out).toMatch(/broken\.yaml:39:35 .*art-1 condition bad-three: Unexpected token: EOF/);
    const assess = casus(['assess', '--date', '2020-07-12', '--target', 'ARM'], { CASUS_DATA: data });
    expect(assess.code).toBe(2);
    expect(assess.out).toBe('');
    expect(assess.err).toMatch(/casus check/);
  });
});

describe('casus zones', () => {
  it('writes GeoJSON of where a provision triggers, and refuses an unknown provision', () => {
    const out = join(dir, 'zones.geojson');
    const r = casus(['zones', '--treaty', 'nato', '--provision', 'art-5', '--date', '2024-06-01', '--resolution', '1', '--output', out]);
    expect(r.code).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8')) as { features: { properties: { beneficiary: string; status: string } }[] };
    const triggered = new Set(fc.features.filter((f) => f.properties.status === 'triggered').map((f) => f.properties.beneficiary));
    expect(triggered.has('EST')).toBe(true);
    expect(triggered.has('USA')).toBe(true);
    expect(triggered.has('JPN')).toBe(false);
  });

  it.each([
    [['--treaty', 'foo', '--provision', 'art-5'], /--treaty: expected a treaty id, one of .*nato/],
    [['--treaty', 'natto', '--provision', 'art-5'], /--treaty: .*\(did you mean "nato"\?\)/],
    [['--treaty', 'nato', '--provision', 'art-99'], /--provision: expected a provision of nato, one of .*art-5/],
  ])('refuses %j as bad input (exit 2), naming the flag', (args, message) => {
    const bad = casus(['zones', ...args, '--date', '2024-06-01']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(message);
    expect(bad.out).toBe('');
  });
});
