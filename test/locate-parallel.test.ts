/**
 * `casus locate --input` on a file large enough for worker threads (over 4 MiB): the same answers, in
 * the same order, as one thread; the same to stdout as to --output; and a bad row anywhere still
 * leaves nothing written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prng } from '../bench/incidents.js';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'casus-locate-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const casus = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'locate', ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('casus locate --input on every core', () => {
  const r = prng(3);
  const lines = ['lat,lon,date'];
  for (let i = 0; i < 160_000; i++) lines.push(`${(-60 + r() * 130).toFixed(4)},${(-180 + r() * 360).toFixed(4)}${i % 3 === 0 ? `,${2000 + (i % 25)}-06-01` : ''}`);
  const input = join(dir, 'points.csv');
  writeFileSync(input, lines.join('\n') + '\n');

  it('answers as one thread does, in input order, to a file and to stdout', () => {
    const one = casus(['--input', input, '--date', '2024-01-01', '--workers', '1', '--output', join(dir, 'one.csv')]);
    expect(one.code, one.err).toBe(0);
    const two = casus(['--input', input, '--date', '2024-01-01', '--workers', '2', '--output', join(dir, 'two.csv')]);
    expect(two.code, two.err).toBe(0);
    const expected = readFileSync(join(dir, 'one.csv'), 'utf8');
    expect(expected.split('\n')).toHaveLength(160_002);
    expect(readFileSync(join(dir, 'two.csv'), 'utf8')).toBe(expected);
    const stdout = casus(['--input', input, '--date', '2024-01-01', '--workers', '2']);
    expect(stdout.code, stdout.err).toBe(0);
    expect(stdout.out).toBe(expected);
  }, 180_000);

  it('writes nothing when a row far into the file is bad, and names its line', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [...lines.slice(0, 150_000), '12.5,200.1', ...lines.slice(150_000)].join('\n') + '\n');
    const out = join(dir, 'bad-out.csv');
    const res = casus(['--input', bad, '--date', '2024-01-01', '--workers', '2', '--output', out]);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/1 bad row\(s\) in .*bad\.csv; nothing was written \(first: line 150001: lat must be within/);
    expect(existsSync(out)).toBe(false);
  }, 180_000);
});
