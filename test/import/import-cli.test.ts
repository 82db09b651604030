/**
 * `casus import` as a user runs it, on small fixture files shaped like the real exports (never
 * downloaded): one output row per event in input order, the rejects with line, reason and raw row, the
 * summary, gzip input, JSON Lines, UCDP GED and a mapped CSV, a wrong header refused before anything is
 * written, and answers identical to `casus assess` for the same incidents.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { assessIncident } from '../../src/knowledge/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/import');
const dir = mkdtempSync(join(tmpdir(), 'casus-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function casus(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    env: { ...process.env, CASUS_DB: join(dir, 'casus.db'), ...env },
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const rows = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true });

describe('casus import --format acled', () => {
  const out = join(dir, 'acled.csv');
  const run = casus(['import', join(FIXTURES, 'acled-small.csv'), '--format', 'acled', '--out', out, '--workers', '2']);

  it('writes one row per good event, in input order, and exits 0', () => {
    expect(run.err).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const found = rows(out);
    expect(found).toHaveLength(26);
    expect(found.map((r) => Number(r.line))).toEqual([...found.map((r) => Number(r.line))].sort((a, b) => a - b));
    expect(found[0]).toMatchObject({ line: '2', event_id: 'ARM101', date: '2022-09-13', attacker: 'AZE', target: 'ARM', kind: 'armed-attack', against: 'territory', recognized: 'ARM' });
    expect(found[0]!.triggered!.split(' ')).toContain('csto:art-4:recognized');
  });

  it('reads attacker and target from actor names by the documented rules', () => {
    const byId = new Map(rows(out).map((r) => [r.event_id, r]));
    // Ukrainian forces on Russian soil: the state the event is in is the target.
    expect(byId.get('RUS301')).toMatchObject({ attacker: 'UKR', target: 'RUS', against: 'forces' });
    // Actor 1 is the defender here; ACLED's order carries no direction.
    expect(byId.get('UKR203')).toMatchObject({ attacker: 'RUS', target: 'UKR', date: '2023-01-15' });
    expect(byId.get('EST401')!.triggered!.split(' ')).toContain('nato:art-5:recognized');
    expect(byId.get('UKR202')).toMatchObject({ kind: 'internal-unrest', attacker: 'UKR', target: 'UKR', triggered: '' });
    expect(byId.get('UKR207')).toMatchObject({ kind: 'terrorist-attack' });
    expect(byId.get('ARM103')).toMatchObject({ kind: 'incursion' });
    expect(byId.get('AZE701')).toMatchObject({ attacker: 'entity:artsakh', target: 'AZE' });
  });

  it('puts every bad row in the rejects file with its line, reason and raw text, and counts them', () => {
    const rejected = rows(`${out}.rejects.csv`);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      ['28', 'date'],
      ['29', 'coordinates'],
      ['30', 'column-count'],
      ['31', 'coordinates'],
      ['32', 'unknown-actor'],
      ['33', 'event-type'],
    ]);
    expect(rejected[2]!.raw).toBe('BAD006,2023-03-04,too,few,columns');
    expect(rejected[4]!.message).toMatch(/actor1: unknown actor "Sons of Nowhere"/);
    const summary = JSON.parse(readFileSync(`${out}.summary.json`, 'utf8')) as { rows: number; assessed: number; rejected: { total: number; byReason: Record<string, number> }; findings: { treaty: string; provision: string; reading: string; triggered: number }[] };
    expect(summary).toMatchObject({ rows: 32, assessed: 26, rejected: { total: 6, byReason: { coordinates: 2, date: 1, 'column-count': 1, 'unknown-actor': 1, 'event-type': 1 } } });
    expect(summary.findings.find((f) => f.treaty === 'nato' && f.provision === 'art-5' && f.reading === 'recognized')!.triggered).toBe(2);
  });

  it('gives the same statuses as casus assess for the same incidents', () => {
    for (const r of rows(out)) {
      const incident = { date: r.date!, at: [Number(r.latitude), Number(r.longitude)] as [number, number], kind: r.kind as 'armed-attack', against: r.against as 'territory', ...(r.attacker ? { attacker: r.attacker } : {}), ...(r.target ? { target: r.target } : {}), ...(r.against !== 'territory' && r.target && /^[A-Z]{3}$/.test(r.target) ? { flag: r.target } : {}) };
      const findings = assessIncident(incident).findings;
      const triggered = findings.filter((f) => f.status === 'triggered').map((f) => `${f.treaty}:${f.provision}:${f.reading}`).sort();
      const undetermined = findings.filter((f) => f.status === 'undetermined').map((f) => `${f.treaty}:${f.provision}:${f.reading}`).sort();
      expect([r.event_id, (r.triggered ? r.triggered.split(' ') : []).sort(), (r.undetermined ? r.undetermined.split(' ') : []).sort()]).toEqual([r.event_id, triggered, undetermined]);
    }
  });

  it('reads gzip input and writes JSON Lines with the findings explained', () => {
    const gz = join(dir, 'acled-small.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(join(FIXTURES, 'acled-small.csv'))));
    const jsonl = join(dir, 'acled.jsonl');
    const r = casus(['import', gz, '--format', 'acled', '--out', jsonl, '--no-store', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = readFileSync(jsonl, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; id: string; findings: { treaty: string; provision: string; status: string; beneficiary: string; obliged: string[] }[] });
    expect(lines.map((l) => l.line)).toEqual(rows(out).map((x) => Number(x.line)));
    const arm = lines.find((l) => l.id === 'ARM101')!;
    expect(arm.findings.find((f) => f.treaty === 'csto' && f.provision === 'art-4' && f.status === 'triggered')).toMatchObject({ beneficiary: 'ARM', obliged: expect.arrayContaining(['RUS', 'KAZ']) as unknown });
    expect(readFileSync(`${jsonl}.rejects.csv`, 'utf8')).toBe(readFileSync(`${out}.rejects.csv`, 'utf8'));
  });
});

describe('casus import, other formats and bad input', () => {
  it('reads a UCDP GED export by its column names', () => {
    const out = join(dir, 'ucdp.csv');
    const r = casus(['import', join(FIXTURES, 'ucdp-ged-small.csv'), '--format', 'ucdp-ged', '--out', out, '--no-store']);
    expect(r.code).toBe(0);
    const found = rows(out);
    expect(found.map((x) => [x.event_id, x.attacker, x.target, x.date])).toEqual([
      ['9001', 'RUS', 'UKR', '2023-01-14'],
      ['9002', 'AZE', 'ARM', '2022-09-13'],
      ['9003', 'non-state:islamic-state', 'SYR', '2019-10-10'],
      ['9004', 'non-state:taliban', 'non-state:islamic-state', '2020-03-01'],
      ['9005', 'RUS', 'EST', '2023-06-01'],
    ]);
    expect(found[4]!.triggered!.split(' ')).toContain('nato:art-5:recognized');
    expect(rows(`${out}.rejects.csv`).map((x) => x.reason)).toEqual(['event-type', 'date']);
  });

  it('reads any CSV whose columns --map names, with polity ids given directly', () => {
    const out = join(dir, 'mapped.csv');
    const r = casus(['import', join(FIXTURES, 'mapped-small.csv'), '--format', 'csv', '--map', 'ref=id', '--map', 'when=date', '--map', 'lat=latitude', '--map', 'lon=longitude', '--map', 'aggressor=attacker', '--map', 'victim=target', '--map', 'what=kind', '--out', out, '--no-store']);
    expect(r.code).toBe(0);
    expect(rows(out).map((x) => x.event_id)).toEqual(['m1', 'm2', 'm5']);
    expect(rows(out)[2]!.triggered!.split(' ')).toContain('nato:art-5:recognized');
    expect(rows(`${out}.rejects.csv`).map((x) => [x.line, x.reason])).toEqual([['4', 'value'], ['5', 'coordinates']]);
  });

  it('stops at once on a file that is not the declared format, naming the missing columns, writing nothing', () => {
    const out = join(dir, 'wrong.csv');
    const r = casus(['import', join(FIXTURES, 'acled-wrong-header.csv'), '--format', 'acled', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not an ACLED export: missing column\(s\) event_date, latitude, longitude/);
    for (const f of [out, `${out}.rejects.csv`, `${out}.summary.json`, `${out}.checkpoint.json`]) expect(existsSync(f)).toBe(false);
  });

  it('counts the lines of notes that span several lines, and rejects an unterminated quote with the raw text it swallowed', () => {
    const records: string[][] = parse(readFileSync(join(FIXTURES, 'acled-small.csv')), { relax_column_count: true });
    const [header, first, second] = records;
    const notes = header!.indexOf('notes');
    // A quoted note over three lines (ACLED's notes often hold line ends), then a one-line row, then a
    // row whose note opens a quote that never closes: it runs to the end of the file.
    first![notes] = 'first line\nsecond, with a comma\nthird';
    second![notes] = 'one line';
    const [headerLine, multiline, oneLine] = [header!, first!, second!].map((cells) => stringify([cells]).trimEnd());
    const file = join(dir, 'quotes.csv');
    writeFileSync(file, [headerLine, multiline, oneLine, `BAD900,2023-03-04,"never closed`, 'x,y', ''].join('\n'));
    const out = join(dir, 'quotes-out.csv');
    const r = casus(['import', file, '--format', 'acled', '--out', out, '--no-store']);
    expect(r.code).toBe(0);
    expect(rows(out).map((row) => [row.line, row.event_id])).toEqual([['2', 'ARM101'], ['5', 'ARM102']]);
    const rejected = rows(`${out}.rejects.csv`);
    expect(rejected.map((row) => [row.line, row.reason])).toEqual([['6', 'column-count']]);
    expect(rejected[0]!.raw).toBe('BAD900,2023-03-04,"never closed\nx,y');
  });

  it.each([
    [['--format', 'gdelt'], /--format: expected one of acled, ucdp-ged, csv/],
    [['--format', 'csv', '--map', 'when'], /--map: expected column=field/],
    [['--format', 'csv', '--map', 'when=day'], /--map: expected column=field with field one of/],
    [['--format', 'acled', '--out', 'x.txt'], /--out: expected a file name ending in \.csv or \.jsonl/],
    [['--format', 'acled', '--resume', '--out', 'never-run.csv'], /--resume: nothing to resume/],
  ])('refuses %j with exit 2 and a message naming the flag', (args, message) => {
    const r = casus(['import', join(FIXTURES, 'acled-small.csv'), ...args]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
