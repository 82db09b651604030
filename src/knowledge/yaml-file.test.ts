import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYamlFile } from './yaml-file.js';

const schema = z.strictObject({
  id: z.string(),
  periods: z.array(z.strictObject({ from: z.string(), note: z.string().optional() })),
  geometry: z.array(z.array(z.number())),
});

const TEXT = `id: demo
periods:
  - from: '2020-01-01'
    note: first
  - from: '2021-01-01'
geometry: [[1, 2], [3, 4]]
`;

let dir: string;
let previous: string | undefined;
beforeAll(() => {
  previous = process.env.CASUS_CACHE_DIR;
  dir = mkdtempSync(join(tmpdir(), 'casus-yaml-cache-'));
  process.env.CASUS_CACHE_DIR = dir;
});
afterAll(() => {
  if (previous === undefined) delete process.env.CASUS_CACHE_DIR;
  else process.env.CASUS_CACHE_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe('parseYamlFile with its cache', () => {
  it('gives the same value and the same positions from the cache as from a fresh parse', () => {
    const first = parseYamlFile(TEXT, 'demo.yaml', schema);
    expect(readdirSync(join(dir, 'yaml'))).toHaveLength(1);
    const second = parseYamlFile(TEXT, 'demo.yaml', schema);
    if (!first.ok || !second.ok) throw new Error('expected both parses to succeed');
    expect(second.value).toEqual(first.value);
    for (const path of [['id'], ['periods', 1], ['periods', 0, 'note'], ['geometry'], ['geometry', 1, 0], ['missing']])
      expect(second.locate(path)).toEqual(first.locate(path));
    expect(second.locate(['periods', 1])).toEqual({ file: 'demo.yaml', line: 5, column: 5 });
  });

  it('still validates a cached document, and reports problems with their line from a fresh parse', () => {
    const text = TEXT.replace("- from: '2021-01-01'", '- from: 2021');
    const loose = z.looseObject({ id: z.string() });
    expect(parseYamlFile(text, 'x.yaml', loose).ok).toBe(true);
    const strict = parseYamlFile(text, 'x.yaml', schema);
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.issues[0]).toMatchObject({ path: ['periods', 1, 'from'], at: { file: 'x.yaml', line: 5, column: 11 } });
  });

  it('does not cache a value that JSON cannot carry (.inf)', () => {
    const before = readdirSync(join(dir, 'yaml')).length;
    const r = parseYamlFile('n: .inf\n', 'inf.yaml', z.strictObject({ n: z.unknown() }));
    expect(r.ok && r.value.n).toBe(Infinity);
    expect(readdirSync(join(dir, 'yaml'))).toHaveLength(before);
  });
});
