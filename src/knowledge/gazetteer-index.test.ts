import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildGazetteer } from '../domain/extraction/index.js';
import { openIndexFiles, writeIndexFiles } from './gazetteer-index.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-gazetteer-'));
const before = process.env.CASUS_CACHE_DIR;
process.env.CASUS_CACHE_DIR = dir;
afterAll(() => {
  if (before === undefined) delete process.env.CASUS_CACHE_DIR;
  else process.env.CASUS_CACHE_DIR = before;
  rmSync(dir, { recursive: true, force: true });
});

const memory = buildGazetteer([
  { names: ['Jermuk', 'Dzhermuk'], place: { name: 'Jermuk', at: [39.84168, 45.66949], country: 'ARM', kind: 'city', source: 'geonames:174884', population: 4582 } },
  { names: ['Nagorno-Karabakh', 'Artsakh'], place: { name: 'Nagorno-Karabakh', at: [39.88, 46.73], kind: 'overlay', source: 'overlay:nagorno-karabakh' } },
  { names: ['Київ', 'Kyiv'], place: { name: 'Kyiv', at: [50.45466, 30.5238], country: 'UKR', kind: 'city', source: 'places:kyiv' } },
  { names: ['Springfield'], place: { name: 'Springfield', at: [39.8, -89.64], country: 'USA', kind: 'city', source: 'geonames:1', population: 116_000 } },
  { names: ['Springfield'], place: { name: 'Springfield', at: [-43.3, 172.2], country: 'NZL', kind: 'city', source: 'geonames:2', population: 120_000 } },
]);

describe('the gazetteer index file', () => {
  it('answers every lookup and every "reads on" question as the gazetteer it was written from', () => {
    const file = writeIndexFiles(join(dir, 'gazetteer-v0-test'), memory);
    const disk = openIndexFiles(file, () => {
      throw new Error('the index exists: nothing to build');
    });
    for (const key of ['jermuk', 'dzhermuk', 'nagorno karabakh', 'artsakh', 'київ', 'kyiv', 'springfield', 'nagorno', 'sotk', '', 'zzz'])
      expect(disk.lookup(key)).toEqual(memory.lookup(key));
    for (const key of ['nagorno', 'jermuk', 'spring', 'nagorno karabakh']) expect(disk.continues(key)).toBe(memory.continues(key));
    expect(disk.maxWords).toBe(memory.maxWords);
  });

  it('builds and writes the index when it is missing', () => {
    let built = 0;
    const g = openIndexFiles(join(dir, 'gazetteer-v0-missing'), () => {
      built++;
      return memory;
    });
    expect(built).toBe(1);
    expect(g.lookup('jermuk')?.[0]?.name).toBe('Jermuk');
  });
});
