/**
 * The complete treaty file in docs/treaty-format.md, taken from the page as it is and run through the
 * real loader (`casus check`'s), so the documentation's example cannot rot.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../src/domain/errors.js';
import { checkKnowledge, loadKnowledge } from '../src/knowledge/index.js';
import { assess, type Incident } from '../src/domain/assessment/index.js';
import type { Location } from '../src/domain/territory/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'casus-doc-example-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The YAML block right after the `<!-- worked-example: NAME -->` marker. */
function workedExample(): { name: string; yaml: string } {
  const page = readFileSync(join(ROOT, 'docs/treaty-format.md'), 'utf8');
  const m = /<!-- worked-example: ([\w.-]+) -->\n```yaml\n([\s\S]*?)\n```/.exec(page);
  if (!m) throw new Error('docs/treaty-format.md has no worked-example block');
  return { name: m[1]!, yaml: m[2]! };
}

describe('the worked example of docs/treaty-format.md', () => {
  const { name, yaml } = workedExample();
  const data = join(scratch, 'data');
  mkdirSync(join(data, 'treaties'), { recursive: true });
  writeFileSync(join(data, 'treaties', name), yaml + '\n');

  it('passes the checker with no issue', () => {
    expect(checkKnowledge(data).issues.map(formatIssue)).toEqual([]);
  });

  it('loads and answers: an armed attack on Yerevan in 2020 triggers art-1, with RUS obliged and KAZ (suspended) not', () => {
    const demo = loadKnowledge(data).treaties.find((t) => t.id === 'demo-pact')!;
    const location: Location = { recognized: ['ARM'], administered: ['ARM'], claimed: ['ARM'], delimited: ['ARM'], surface: 'land', regions: ['asia'], overlays: [], undetermined: [], notes: [] };
    const incident: Incident = { date: '2020-07-12', at: [40.1811, 44.5136], attacker: 'AZE', target: 'ARM', kind: 'armed-attack', against: 'territory' };
    const f = assess(incident, location, [demo], { readings: ['recognized'] }).findings[0]!;
    expect(f).toMatchObject({ status: 'triggered', beneficiary: 'ARM', obliged: ['RUS'], prerequisites: ['application by ARM'] });
  });
});
