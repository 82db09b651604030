/**
 * `casus assess` as a user reads it, for the seed cases: transcripts checked into test/golden/ and
 * compared byte for byte. Regenerate on purpose with `npx vitest run test/assess-golden.test.ts -u`
 * and review the diff in the commit.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

// The seeds' cases (issue 3), all Azerbaijan against Armenia.
const CASES: readonly [string, string[]][] = [
  ['tavush', ['--date', '2020-07-12', '--at', '40.93,45.42']],
  ['stepanakert', ['--date', '2020-10-04', '--at', '39.815,46.752']],
  ['sotk', ['--date', '2021-05-12', '--at', '40.2186,45.9283', '--kind', 'incursion']],
  ['jermuk', ['--date', '2022-09-13', '--at', '39.8408,45.67']],
];

describe('casus assess transcripts', () => {
  it.each(CASES)('prints the answer first, then location and reasons, for %s', async (name, args) => {
    const argv = ['assess', ...args, '--attacker', 'AZE', '--target', 'ARM', '--treaty', 'csto'];
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...argv], { encoding: 'utf8', cwd: ROOT });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[2]).toBe('Answer:');
    await expect(`$ casus ${argv.join(' ')}\n${r.stdout}`).toMatchFileSnapshot(`golden/assess-${name}.txt`);
  });
});
