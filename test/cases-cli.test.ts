/**
 * `casus cases` and `casus record` end to end, as a user runs them: exit codes (0 done, 2 bad input,
 * 3 not found, 4 conflict) and a log that a failed append leaves unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'casus-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env: NodeJS.ProcessEnv = { ...process.env, CASUS_DB: join(dir, 'casus.db'), CASUS_DATA: join(ROOT, 'test/fixtures/record/data') };
delete env.DATABASE_URL;

function casus(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { env, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('casus cases', () => {
  let id = '';
  it('loads the record on first use and lists it', () => {
    const r = casus('cases', 'list', '--origin', 'record');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/fixture-mission\s+csto\s+record\s+Mission on the ground\s+5\s+2022-09-13/);
  });

  it('opens a case file with its incident-recorded event', () => {
    const r = casus('cases', 'new', '--treaty', 'csto', '--title', 'Exercise', '--date', '2024-05-01', '--at', '40.1,45.2', '--attacker', 'AZE', '--target', 'ARM', '--note', 'staff exercise', '--json');
    expect(r.code).toBe(0);
    const file = JSON.parse(r.out) as { id: string; version: number; state: string };
    expect(file).toMatchObject({ version: 1, state: 'recorded' });
    id = file.id;
  });

  it('appends at the expected version, and refuses a stale one with exit 4, leaving the log unchanged', () => {
    const args = ['--type', 'application-lodged', '--date', '2024-05-02', '--by', 'ARM', '--provision', 'art-4', '--request', 'help', '--note', 'simulated'];
    expect(casus('cases', 'append', id, '--expect-version', '1', ...args).code).toBe(0);
    const stale = casus('cases', 'append', id, '--expect-version', '1', ...args);
    expect(stale.code).toBe(4);
    expect(stale.err).toMatch(/at version 2, not 1/);
    expect((JSON.parse(casus('cases', 'show', id, '--json').out) as { version: number }).version).toBe(2);
  });

  it.each([
    [['--type', 'assistance-provided', '--date', '2024-05-03', '--kind', 'military', '--note', 'n'], /not allowed in state "applied"/],
    [['--type', 'decision-taken', '--date', '2024-04-03', '--body', 'C', '--outcome', 'mission', '--note', 'n'], /dated before the last event/],
    [['--type', 'decision-taken', '--date', '2024-05-03', '--body', 'C', '--outcome', 'mission', '--position', 'RUS=abstain', '--note', 'n'], /--position \(RUS\): expected one of for, against, abstained, absent, unknown; got "abstain" \(did you mean "abstained"\?\)/],
    [['--type', 'closed', '--date', '2024-05-03', '--reason', 'over'], /--note: an event without sources needs a note/],
    [['--type', 'closed', '--date', '2024-13-03', '--reason', 'over', '--note', 'n'], /--date: expected a calendar date YYYY-MM-DD; got "2024-13-03"/],
  ])('refuses bad input with exit 2 and a message naming the field (%j)', (args, message) => {
    const r = casus('cases', 'append', id, '--expect-version', '2', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect((JSON.parse(casus('cases', 'show', id, '--json').out) as { version: number }).version).toBe(2);
  });

  it('appends a correction: the original stays in the log, the state follows the corrected log', () => {
    const r = casus('cases', 'append', id, '--expect-version', '2', '--type', 'correction', '--date', '2024-05-03', '--corrects', '2', '--retract', '--reason', 'no application was made', '--note', 'umpire');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/version 3, state recorded/);
    const shown = casus('cases', 'show', id);
    expect(shown.out).toMatch(/2\s+2024-05-02\s+application-lodged\s+ARM invokes art-4: help \(corrected by #3\)/);
    expect(shown.out).toMatch(/3\s+2024-05-03\s+correction\s+corrects #2: retracted — no application was made/);
    const bad = casus('cases', 'append', id, '--expect-version', '3', '--type', 'correction', '--date', '2024-05-03', '--corrects', '9', '--retract', '--reason', 'x', '--note', 'n');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/corrects: expected the number of an earlier event of this case file \(1 to 3\); got 9/);
    expect((JSON.parse(casus('cases', 'show', id, '--json').out) as { version: number; state: string })).toMatchObject({ version: 3, state: 'recorded' });
  });

  it.each([
    [['cases', 'list', '--treaty', 'xyz']],
    [['reliability', '--treaty', 'xyz']],
  ])('refuses an unknown --treaty with exit 2, naming it and the known treaties (%j)', (args) => {
    const r = casus(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--treaty: expected one of csto; got "xyz"/);
    expect(r.out).toBe('');
  });

  it('says which case file does not exist (exit 3) and which treaties have a procedure (exit 2)', () => {
    expect(casus('cases', 'show', 'nope').code).toBe(3);
    const r = casus('cases', 'new', '--treaty', 'cst', '--title', 'x', '--date', '2024-05-01', '--at', '40,45', '--attacker', 'AZE', '--target', 'ARM', '--note', 'n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--treaty: expected a treaty with a case-file procedure \(csto\); got "cst"/);
  });

  it('reloads the record idempotently', () => {
    const r = casus('record', 'load');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 inserted, 0 extended, 4 unchanged, 0 replaced, 0 invalid/);
  });

  it('prints the reliability table, saying the assessment is unavailable rather than guessing', () => {
    const r = casus('reliability', '--treaty', 'csto');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^csto: 4 cases; triggered \? \(assessment unavailable\), applied 3, decided 3, mission 1, assistance 1/);
  });
});

describe('casus usage errors', () => {
  it('exits 2 for a value outside an option\'s choices, naming the option', () => {
    const r = casus('cases', 'append', 'x', '--expect-version', '1', '--type', 'decision-taken', '--outcome', 'mision');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--outcome <outcome>' argument 'mision' is invalid/);
  });
});
