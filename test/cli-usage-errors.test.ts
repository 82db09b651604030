/**
 * Usage errors in nested subcommands are bad input: exit 2 with a message naming the argument, as
 * the CLI's contract says, and nothing written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'casus-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function casus(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    env: { ...process.env, CASUS_DB: join(dir, 'casus.db') },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('usage errors in nested subcommands', () => {
  it.each([
    [['token', 'create', '--role', 'root'], /--role.*root.*editor, admin/s],
    [['token', 'create'], /required option '--role <role>'/],
    [['token', 'revoke'], /missing required argument 'id'/],
    [['token', 'create', '--role', 'editor', '--colour', 'red'], /unknown option '--colour'/],
  ])('casus %j exits 2 naming the argument', (args, message) => {
    const r = casus(...args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('still exits 0 for --help of a nested subcommand', () => {
    const r = casus('token', 'create', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--role <role>/);
  }, 60_000);
});
