import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../domain/errors.js';
import { loadProcedure, readProcedure } from './read-procedure.js';
import { readRecord } from './read-record.js';

const FIXTURES = resolve(import.meta.dirname, '../../../test/fixtures/record');
const DATA = join(FIXTURES, 'data');
const paths = { recordDir: join(DATA, 'record'), treatiesDir: join(DATA, 'treaties') };

describe('readRecord', () => {
  it('reads and validates every fixture case against the treaty procedure', () => {
    const read = readRecord(paths);
    expect(read.issues).toEqual([]);
    expect(read.cases.map((c) => c.id)).toEqual(['fixture-assistance', 'fixture-declined', 'fixture-mission', 'fixture-no-application']);
    expect(read.procedures.get('csto')?.initial).toBe('recorded');
  });

  // One bad fixture per defect; each message names the file, line, path and the reason.
  const scratch = mkdtempSync(join(tmpdir(), 'casus-bad-record-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const expected: Record<string, [number, string]> = {
    'unknown-key.yaml': [8, 'events[0].sauces: unknown key "sauces"'],
    'out-of-order.yaml': [10, 'events[1].date: application-lodged on 2020-07-11 is dated before the last event'],
    'not-allowed.yaml': [9, 'events[1].type: assistance-provided is not allowed in state "recorded" (Incident recorded); it accepts incident-recorded, application-lodged, consultations-convened, closed'],
    'missing-sources.yaml': [6, 'events[0].sources: a record event needs at least one source'],
    'bad-enum.yaml': [17, 'events[2].outcome: expected one of assistance, mission, statement, consultations, declined, deferred, other; got "mision" (did you mean "mission"?)'],
    'bad-date.yaml': [4, 'incident.date: expected a calendar date YYYY-MM-DD; got "2020-02-30"'],
  };
  it('covers every bad fixture', () => {
    expect(readdirSync(join(FIXTURES, 'bad')).sort()).toEqual(Object.keys(expected).sort());
  });
  it.each(Object.entries(expected))('reports %s with file, line, path and reason', (name, [line, message]) => {
    const dir = join(scratch, name, 'record', 'csto');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'bad', name), join(dir, name));
    const read = readRecord({ recordDir: join(scratch, name, 'record'), treatiesDir: paths.treatiesDir });
    expect(read.cases).toEqual([]);
    const first = read.issues[0]!;
    expect(first.at?.file).toBe(join(dir, name));
    expect(first.at?.line).toBe(line);
    expect(formatIssue(first)).toContain(message);
  });

  it('reports record files of a treaty that declares no procedure', () => {
    const dir = join(scratch, 'no-procedure', 'record', 'nato');
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(DATA, 'record/csto/fixture-mission.yaml'), join(dir, 'fixture-mission.yaml'));
    const read = readRecord({ recordDir: join(scratch, 'no-procedure', 'record'), treatiesDir: paths.treatiesDir });
    expect(read.issues.map((i) => i.message)).toEqual([
      'treaty "csto" must match the folder data/record/nato/',
      'treaty "nato" declares no procedure: add a procedure: block to data/treaties/nato.yaml',
    ]);
  });
});

describe('readRecord against the treaty', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'casus-roster-record-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  it('reports an applicant that is not a party and a provision the treaty lacks, with file, line and path', () => {
    mkdirSync(join(scratch, 'treaties'));
    mkdirSync(join(scratch, 'record/csto'), { recursive: true });
    const treaty = readFileSync(join(DATA, 'treaties/csto.yaml'), 'utf8').replace(
      'id: csto\n',
      'id: csto\nprovisions: [{ id: art-4 }]\nparties: [{ polity: ARM, periods: [{ from: 1994-04-20, status: member }] }]\n',
    );
    writeFileSync(join(scratch, 'treaties/csto.yaml'), treaty);
    const file = join(scratch, 'record/csto/fixture-mission.yaml');
    writeFileSync(file, readFileSync(join(DATA, 'record/csto/fixture-mission.yaml'), 'utf8').replace('by: ARM\n    provision: art-4', 'by: USA\n    provision: art-99'));
    const read = readRecord({ recordDir: join(scratch, 'record'), treatiesDir: join(scratch, 'treaties') });
    expect(read.issues.map((i) => `${i.at?.line}: ${formatIssue(i).replace(/^.*?:\d+:\d+ /, '')}`)).toEqual([
      expect.stringMatching(/^20: events\[1\]\.provision: expected a provision of csto \(art-4\); got "art-99"/) as string,
      expect.stringMatching(/^19: events\[1\]\.by\[0\]: expected a party to csto on 2022-09-13 \(ARM\); got "USA"/) as string,
    ]);
  });
});

describe('readProcedure', () => {
  it('reads the procedure: block of a treaty file', () => {
    expect(loadProcedure('csto', paths.treatiesDir).states.closed).toEqual({ label: 'Closed', final: true });
  });
  it('says when a treaty has no file or no procedure', () => {
    expect(readProcedure('nato', paths.treatiesDir)).toMatchObject({ kind: 'none' });
    expect(() => loadProcedure('nato', paths.treatiesDir)).toThrow(/declares no case-file procedure/);
  });
});
