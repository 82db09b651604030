/**
 * `casus extract` as a user runs it: a seed article read into drafts (text and --json), --assess
 * beside the evidence, stdin, and bad input (empty, binary, 10 MB) refused with exit 2 naming the
 * input, never a crash or a hang.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = join(ROOT, 'test/fixtures/reports/004_3e9db083394da074.txt');
const dir = mkdtempSync(join(tmpdir(), 'casus-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function casus(args: readonly string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', timeout: 60_000, ...(input !== undefined ? { input } : {}), maxBuffer: 64 * 2 ** 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('casus extract', () => {
  it('prints each draft with its quoted evidence and offsets, and --assess adds the findings', () => {
    const r = casus(['extract', SEED, '--assess', '--treaty', 'csto']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Draft d1\n {2}date {7}2022-09-13 {3}\(0\.90, a date in the incident's sentence: "September 13th, 2022" \[\d+–\d+\]\)/);
    expect(r.stdout).toMatch(/request +by ARM on 2022-09-14/);
    expect(r.stdout).toMatch(/Draft d2\n {2}date {7}2021-05-12/);
    expect(r.stdout).toMatch(/place +Sotk at 40\.2186,45\.9283/);
    expect(r.stdout).toMatch(/CSTO art-4 +recognized: TRIGGERED/);
  });

  it('--json prints the drafts object; stdin (-) and --date work', () => {
    const r = casus(['extract', '-', '--date', '2022-09-13', '--json'], 'Azerbaijani forces shelled Jermuk overnight.');
    expect(r.code).toBe(0);
    const x = JSON.parse(r.stdout) as { reportDate: { value: string }; drafts: { date: { value: { value: string } }; incident: { at: number[] } }[] };
    expect(x.reportDate.value).toBe('2022-09-13');
    expect(x.drafts[0]!.date.value.value).toBe('2022-09-13');
    expect(x.drafts[0]!.incident.at).toEqual([39.84168, 45.66949]);
  });

  it('says so when a report has no incident (exit 0)', () => {
    const r = casus(['extract', '-'], 'The ministers met in Yerevan to discuss the budget.');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No incident found/);
  });

  it.each([
    ['an empty file', '', /FILE: expected the text of a news report; got "an empty text"/],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff, 0xfe]), /FILE: expected UTF-8 text/],
    ['10 MB of text', 'Azerbaijani forces shelled Jermuk. '.repeat(300_000), /FILE: expected a report of at most 1 MB of text; got "10\.5 MB"/],
  ])('refuses %s with exit 2, naming the input', (_name, content, message) => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, content);
    const started = Date.now();
    const r = casus(['extract', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses 10 MB on stdin too, and a bad --date', () => {
    expect(casus(['extract', '-'], 'x'.repeat(10_000_000)).stderr).toMatch(/stdin: expected a report of at most 1 MB/);
    expect(casus(['extract', SEED, '--date', '2022-02-30']).stderr).toMatch(/--date: expected a date YYYY-MM-DD/);
  });
});
