/**
 * One bad treaty fixture per defect (test/fixtures/treaties/bad/), each loaded alone through the real
 * loader: its message names the file, the line and column, the path and the reason, and what was
 * expected. Plus the checks that need more than one file (duplicate ids) and the cost bound: a
 * condition that would run for seconds is refused at load, quickly.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../src/domain/errors.js';
import { checkKnowledge } from '../src/knowledge/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const BAD = join(ROOT, 'test/fixtures/treaties/bad');
const scratch = mkdtempSync(join(tmpdir(), 'casus-bad-treaty-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const EXPR = 'provisions[0].versions[0].conditions[0].expr';

/** file → [line:column, path, message fragments] */
const expected: Record<string, [string, string, string[]]> = {
  'regex-condition.yaml': ['27:52', EXPR, ['slow-regex', 'function .matches() is not allowed in a condition', 'expected a condition built from']],
  'nested-comprehension.yaml': ['27:43', EXPR, ['exponential', '.all() may only range over parties, territory, regions, not over a list literal']],
  'type-error.yaml': ['27:19', EXPR, ['kind-is-one', 'no such overload: string == int']],
  'unknown-name.yaml': ['27:63', EXPR, ['Unknown variable: territry', 'expected a name of the condition context: one of incident, territory', '(did you mean "territory"?)']],
  'id-not-file-name.yaml': ['1:5', 'id', ['treaty id "csto" must match the file name "id-not-file-name"']],
};

function checkAlone(name: string) {
  const data = join(scratch, name.replace(/\.yaml$/, ''));
  mkdirSync(join(data, 'treaties'), { recursive: true });
  copyFileSync(join(BAD, name), join(data, 'treaties', name));
  return checkKnowledge(data).issues.map(formatIssue);
}

describe('bad treaty files', () => {
  it('covers every bad fixture', () => {
    expect(readdirSync(BAD).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('refuses %s, naming file, line:column, path and reason', (name, [at, path, fragments]) => {
    const lines = checkAlone(name);
    const first = lines[0] ?? '';
    expect(first).toContain(`${name}:${at} ${path}: `);
    for (const f of fragments) expect(lines.join('\n')).toContain(f);
  });

  it('refuses a nested comprehension even over context lists', () => {
    const lines = checkAlone('nested-comprehension.yaml');
    expect(lines.join('\n')).toMatch(/27:73 .*\.all\(\) inside another comprehension is not allowed/);
  });

  it('refuses two treaty files with the same id (a copy of csto.yaml would double every finding)', () => {
    const data = join(scratch, 'duplicate');
    for (const sub of ['a', 'b']) {
      mkdirSync(join(data, 'treaties', sub), { recursive: true });
      copyFileSync(join(ROOT, 'data/treaties/csto.yaml'), join(data, 'treaties', sub, 'csto.yaml'));
    }
    const lines = checkKnowledge(data).issues.map(formatIssue);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/b\/csto\.yaml:2:5 id: treaty id "csto" is already defined by .*a\/csto\.yaml/);
  });

  it('has "casus check" refuse the slow conditions at once (they would run for seconds if evaluated)', () => {
    const data = join(scratch, 'slow');
    mkdirSync(join(data, 'treaties'), { recursive: true });
    for (const name of ['regex-condition.yaml', 'nested-comprehension.yaml']) copyFileSync(join(BAD, name), join(data, 'treaties', name));
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'check', '--data', data], { encoding: 'utf8', cwd: ROOT, timeout: 20_000 });
    const seconds = (performance.now() - started) / 1000;
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/regex-condition\.yaml:27:52 .*matches/);
    expect(r.stdout).toMatch(/nested-comprehension\.yaml:27:43 /);
    // Process start and module loading take about a second here; evaluating either condition would take far longer.
    expect(seconds).toBeLessThan(10);
  });
});
