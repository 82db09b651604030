/**
 * @module storage.case.test
 * The storage contract, run against every backend (sqlite.test.ts, postgres.test.ts): case files
 * round-trip, appends are versioned and validated and never lose or half-write an event, even with
 * several processes writing at once or a loader killed with SIGKILL.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseLog, Procedure } from '../domain/casefile/index.js';
import { CasusError } from '../domain/errors.js';
import { ensureRecordLoaded, loadProcedure, loadRecordIntoDatabase, type RecordPaths } from '../knowledge/record/index.js';
import { runWorker, startWorker } from '../../test/support/run-worker.js';
import {
  appendEvent,
  completeDataset,
  countCaseFiles,
  createCaseFile,
  createDataset,
  deleteDatasetFindingsFrom,
  findDataset,
  insertDatasetFindings,
  listDatasetFindings,
  listDatasets,
  findCaseLog,
  findCaseStamp,
  listCaseLogs,
  migrateToLatest,
  openDatabase,
  type Database,
} from './index.js';
import { Migrator } from 'kysely';
import { migrationProvider } from './migrations/index.js';

/** A fresh, migrated database and the environment that lets another process open the same one. */
export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** How a backend plugs into the contract. */
export interface StorageContract {
  readonly name: string;
  readonly setup?: () => Promise<void>;
  readonly teardown?: () => Promise<void>;
  readonly open: () => Promise<OpenedDatabase>;
  readonly skip?: readonly { readonly reason: string; readonly tests: readonly string[] }[];
}

const FIXTURE_DATA = resolve(import.meta.dirname, '../../test/fixtures/record/data');
const FIXTURE_PATHS: RecordPaths = { recordDir: join(FIXTURE_DATA, 'record'), treatiesDir: join(FIXTURE_DATA, 'treaties') };

const source = [{ title: 'Fixture', url: 'https://example.org/s' }];
const incidentRecorded: CaseEvent = { type: 'incident-recorded', date: '2024-05-01', sources: source };
const newCase = (id: string): Omit<CaseLog, 'createdAt'> => ({
  id,
  treaty: 'csto',
  title: `Contract case ${id}`,
  incident: { date: '2024-05-01', at: [40.1, 45.2], attacker: 'AZE', target: 'ARM', kind: 'armed-attack', against: 'territory' },
  origin: 'user',
  events: [incidentRecorded],
});
const application: CaseEvent = { type: 'application-lodged', date: '2024-05-02', by: ['ARM'], provision: 'art-4', request: 'help', sources: source };

async function expectCasusError(promise: Promise<unknown>, code: string, pattern: RegExp): Promise<CasusError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CasusError);
  expect((error as CasusError).code).toBe(code);
  expect((error as CasusError).message).toMatch(pattern);
  return error as CasusError;
}

/** Registers the contract suite for one backend. */
export function runStorageContract(contract: StorageContract): void {
  const skipped = new Map(contract.skip?.flatMap((s) => s.tests.map((t) => [t, s.reason] as const)) ?? []);
  const test = (title: string, fn: () => Promise<void>, timeout?: number) => {
    const reason = skipped.get(title);
    if (reason) it.skip(`${title} (skipped: ${reason})`, fn);
    else it(title, fn, timeout);
  };

  describe(`storage contract: ${contract.name}`, () => {
    let procedure: Procedure;
    beforeAll(async () => {
      procedure = loadProcedure('csto', FIXTURE_PATHS.treatiesDir);
      await contract.setup?.();
    }, 120_000);
    afterAll(async () => {
      await contract.teardown?.();
    });

    const withDb = async (fn: (opened: OpenedDatabase) => Promise<void>) => {
      const opened = await contract.open();
      try {
        await fn(opened);
      } finally {
        await opened.close();
      }
    };

    test('migrates a fresh database, and opening it again runs nothing twice', () =>
      withDb(async ({ env }) => {
        const again = await openDatabase(env);
        try {
          expect(await countCaseFiles(again)).toBe(0);
          const migrations = await again.selectFrom('kysely_migration' as never).selectAll().execute();
          expect(migrations).toHaveLength(4);
        } finally {
          await again.destroy();
        }
      }));

    test('gives every event a unique uid, backfilled for events stored before the uid migration; the stamp changes on append', () =>
      withDb(async ({ db }) => {
        const created = await createCaseFile(db, newCase('u1'), procedure);
        await createCaseFile(db, newCase('u2'), procedure);
        const fresh = await findCaseStamp(db, created.id);
        expect(fresh).toMatch(/^1:[0-9a-f-]{36}$/);
        // Back to the schema without uids, then forward again: the old events get their backfilled identity.
        const migrator = new Migrator({ db, provider: migrationProvider });
        expect((await migrator.migrateDown()).error).toBeUndefined();
        await migrateToLatest(db);
        expect(await findCaseStamp(db, created.id)).toBe(`1:m-${created.id}-1`);
        const uids = await db.selectFrom('case_event').select('uid').execute();
        expect(new Set(uids.map((u) => u.uid)).size).toBe(uids.length);
        await appendEvent(db, created.id, 1, { type: 'application-lodged', date: '2024-05-02', by: ['ARM'], provision: 'art-4', request: 'help', sources: [], note: 'n' }, procedure);
        expect(await findCaseStamp(db, created.id)).toMatch(/^2:[0-9a-f-]{36}$/);
        expect(await findCaseStamp(db, 'no-such-case')).toBeUndefined();
      }));

    test('stores an imported dataset: findings in file order, filtered by reading and status, paged; a resume deletes from its line on', () =>
      withDb(async ({ db }) => {
        await createDataset(db, { id: 'ds-1', name: 'acled.csv', format: 'acled', source: 'acled.csv' });
        const finding = (line: number, date: string, provision: string, statuses: readonly (string | null)[]) => [line, `E${line}`, date, 39.8417, 45.6722, 'AZE', 'ARM', 'armed-attack', 'territory', 'csto', provision, ...statuses];
        const all = (s: string) => [s, s, s, s];
        await insertDatasetFindings(db, 'ds-1', [
          finding(2, '2022-09-13', 'art-4', ['triggered', 'triggered', 'triggered', 'undetermined']),
          finding(2, '2022-09-13', 'art-2', all('triggered')),
          finding(5, '2022-09-14', 'art-4', ['triggered', null, null, null]),
        ]);
        await insertDatasetFindings(db, 'ds-1', Array.from({ length: 2500 }, (_, i) => finding(10 + i, '2023-01-01', 'art-4', all('undetermined'))));
        expect((await findDataset(db, 'ds-1')).status).toBe('running');
        const page = await listDatasetFindings(db, 'ds-1', { limit: 2 });
        expect(page.more).toBe(true);
        expect(page.findings.map((f) => [f.line, f.provision, f.readingsDisagree])).toEqual([[2, 'art-2', false], [2, 'art-4', true]]);
        expect(page.findings[1]).toMatchObject({ eventId: 'E2', date: '2022-09-13', at: [39.8417, 45.6722], attacker: 'AZE', target: 'ARM', treaty: 'csto', statuses: { recognized: 'triggered', delimited: 'undetermined' } });
        expect((await listDatasetFindings(db, 'ds-1', { limit: 3 })).findings[2]!.statuses).toEqual({ recognized: 'triggered' });
        const line = async (f: Parameters<typeof listDatasetFindings>[2]) => (await listDatasetFindings(db, 'ds-1', { limit: 5, ...f })).findings.map((x) => `${x.line} ${x.provision}`);
        expect(await line({ reading: 'delimited', status: 'undetermined', to: '2022-12-31' })).toEqual(['2 art-4']);
        expect(await line({ reading: 'administered', to: '2022-12-31' })).toEqual(['2 art-2', '2 art-4']);
        expect(await line({ status: 'triggered', from: '2022-09-14' })).toEqual(['5 art-4']);
        expect(await line({ provision: 'art-2' })).toEqual(['2 art-2']);
        expect((await listDatasetFindings(db, 'ds-1', { treaty: 'nato' })).findings).toEqual([]);
        expect((await listDatasetFindings(db, 'ds-1', { offset: 2500, limit: 1000 })).findings.map((f) => f.line)).toEqual([2507, 2508, 2509]);
        await deleteDatasetFindingsFrom(db, 'ds-1', 5);
        expect((await listDatasetFindings(db, 'ds-1', { limit: 1000 })).findings.map((f) => f.line)).toEqual([2, 2]);
        await completeDataset(db, 'ds-1', 40, { rows: 40 });
        const done = await findDataset(db, 'ds-1');
        expect(done).toMatchObject({ status: 'complete', rows: 40, summary: { rows: 40 } });
        expect((await listDatasets(db)).map((d) => d.id)).toEqual(['ds-1']);
        await expectCasusError(findDataset(db, 'nope'), 'not-found', /no dataset "nope"/);
      }));

    test('stores a case file and reads back exactly the same log', () =>
      withDb(async ({ db }) => {
        const created = await createCaseFile(db, newCase('c1'), procedure);
        expect(created.state).toBe('recorded');
        const log = await findCaseLog(db, 'c1');
        expect(log.events).toEqual([incidentRecorded]);
        expect(log.incident).toEqual(newCase('c1').incident);
        expect(log.origin).toBe('user');
        const listed = await listCaseLogs(db, { treaty: 'csto' });
        expect(listed.map((l) => l.id)).toEqual(['c1']);
        await expectCasusError(createCaseFile(db, newCase('c1'), procedure), 'conflict', /already exists/);
        await expectCasusError(findCaseLog(db, 'nope'), 'not-found', /no case file "nope"/);
      }));

    test('refuses an append at a stale version with a conflict and leaves the log unchanged', () =>
      withDb(async ({ db }) => {
        await createCaseFile(db, newCase('c2'), procedure);
        await appendEvent(db, 'c2', 1, application, procedure);
        await expectCasusError(appendEvent(db, 'c2', 1, application, procedure), 'conflict', /at version 2, not 1/);
        expect((await findCaseLog(db, 'c2')).events).toHaveLength(2);
      }));

    test('refuses an event the procedure does not allow, naming the state and what it accepts; the log is unchanged', () =>
      withDb(async ({ db }) => {
        await createCaseFile(db, newCase('c3'), procedure);
        const assistance: CaseEvent = { type: 'assistance-provided', date: '2024-05-02', kind: 'military', sources: source };
        const error = await expectCasusError(appendEvent(db, 'c3', 1, assistance, procedure), 'invalid-input', /not allowed in state "recorded"/);
        expect(error.message).toMatch(/accepts incident-recorded, application-lodged, consultations-convened, closed/);
        const early: CaseEvent = { ...application, date: '2024-04-30' };
        await expectCasusError(appendEvent(db, 'c3', 1, early, procedure), 'invalid-input', /before the last event/);
        expect((await findCaseLog(db, 'c3')).events).toEqual([incidentRecorded]);
      }));

    test('refuses an event naming a non-party or a provision the treaty lacks, with the field paths; the log is unchanged', () =>
      withDb(async ({ db }) => {
        const checked: Procedure = {
          ...procedure,
          roster: { treaty: 'csto', provisions: ['art-4'], parties: [{ polity: 'ARM', periods: [{ from: '1994-04-20', status: 'member' }] }] },
        };
        await createCaseFile(db, newCase('c6'), checked);
        const bad: CaseEvent = { type: 'application-lodged', date: '2024-05-02', by: ['ARM', 'USA'], provision: 'art-99', request: 'help', sources: source };
        const error = await expectCasusError(appendEvent(db, 'c6', 1, bad, checked), 'invalid-input', /provision: expected a provision of csto \(art-4\); got "art-99"; by\[1\]: expected a party to csto on 2024-05-02 \(ARM\); got "USA"/);
        expect(error.issues.map((i) => i.path)).toEqual([['provision'], ['by', 1]]);
        expect((await findCaseLog(db, 'c6')).events).toEqual([incidentRecorded]);
        await appendEvent(db, 'c6', 1, application, checked);
      }));

    test('lets exactly one of several simultaneous appends at the same version win', () =>
      withDb(async ({ db }) => {
        await createCaseFile(db, newCase('c4'), procedure);
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) =>
            appendEvent(db, 'c4', 1, { type: 'consultations-convened', date: '2024-05-02', body: `b${i}`, sources: source }, procedure),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((r) => r.status === 'rejected'))
          expect((r.reason as CasusError).code).toBe('conflict');
        expect((await findCaseLog(db, 'c4')).events).toHaveLength(2);
      }));

    test(
      'loses no event when several processes append to one case file at once (losers retry)',
      () =>
        withDb(async ({ db, env }) => {
          await createCaseFile(db, newCase('c5'), procedure);
          const [workers, each] = [4, 12];
          const startAt = String(Date.now() + 4000);
          const outputs = await Promise.all(
            Array.from({ length: workers }, (_, w) =>
              runWorker('append-worker.ts', ['c5', String(each), `w${w}`], { ...env, CASUS_DATA: FIXTURE_DATA, CASUS_WORKER_START_AT: startAt }),
            ),
          );
          const reports = outputs.map((o) => JSON.parse(o.trim().split('\n').at(-1)!) as { appended: number; retries: number });
          expect(reports.reduce((n, r) => n + r.appended, 0)).toBe(workers * each);
          const retries = reports.reduce((n, r) => n + r.retries, 0);
          console.log(`${contract.name}: ${workers} processes appended ${workers * each} events with ${retries} conflict retries`);
          const log = await findCaseLog(db, 'c5');
          expect(log.events).toHaveLength(1 + workers * each);
          const bodies = log.events.flatMap((e) => (e.type === 'consultations-convened' ? [e.body] : []));
          expect(new Set(bodies).size).toBe(workers * each);
          for (let w = 0; w < workers; w++)
            expect(bodies.filter((b) => b.startsWith(`w${w} `))).toEqual(Array.from({ length: each }, (_, i) => `w${w} #${i}`));
        }),
      120_000,
    );

    test('refuses appends to record case files, which change only through data/record', () =>
      withDb(async ({ db }) => {
        await loadRecordIntoDatabase(db, { paths: FIXTURE_PATHS });
        await expectCasusError(
          appendEvent(db, 'fixture-mission', 5, { type: 'closed', date: '2022-10-01', reason: 'x', sources: source }, procedure),
          'invalid-input',
          /part of the shipped record/,
        );
      }));

    test('loads the record idempotently, appends events a file gained, and replaces a file that diverged, never touching user case files', () =>
      withDb(async ({ db }) => {
        const dir = mkdtempSync(join(tmpdir(), 'casus-record-'));
        try {
          cpSync(FIXTURE_DATA, dir, { recursive: true });
          const paths = { recordDir: join(dir, 'record'), treatiesDir: join(dir, 'treaties') };
          await createCaseFile(db, newCase('mine'), procedure);
          await appendEvent(db, 'mine', 1, application, procedure);
          const mine = await findCaseLog(db, 'mine');
          const first = await loadRecordIntoDatabase(db, { paths });
          expect(first.cases.map((c) => c.outcome)).toEqual(['inserted', 'inserted', 'inserted', 'inserted']);
          const second = await loadRecordIntoDatabase(db, { paths });
          expect(second.cases.map((c) => c.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
          const file = join(dir, 'record/csto/fixture-mission.yaml');
          const text = readFileSync(file, 'utf8');
          writeFileSync(file, `${text}  - type: closed\n    date: 2022-12-01\n    reason: "fixture closed"\n    sources: [{ title: "F", url: "https://example.org/z" }]\n`);
          const third = await loadRecordIntoDatabase(db, { paths });
          expect(third.cases.find((c) => c.recordId === 'fixture-mission')).toMatchObject({ outcome: 'extended', events: 6 });
          // Re-sourced: an event's words changed and the added closing is gone again.
          writeFileSync(file, text.replace('fact-finding mission led', 'a mission led'));
          const fourth = await loadRecordIntoDatabase(db, { paths });
          expect(fourth.cases.find((c) => c.recordId === 'fixture-mission')).toMatchObject({ outcome: 'replaced', events: 5 });
          expect(fourth.cases.filter((c) => c.outcome !== 'replaced').map((c) => c.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
          const replaced = await findCaseLog(db, 'fixture-mission');
          expect(replaced.events).toHaveLength(5);
          expect(JSON.stringify(replaced.events)).toContain('a mission led');
          expect(JSON.stringify(replaced.events)).not.toContain('fact-finding mission led');
          // A changed incident (the header) is a divergence too.
          writeFileSync(file, text.replace('date: 2022-09-13', 'date: 2022-09-12'));
          const fifth = await loadRecordIntoDatabase(db, { paths });
          expect(fifth.cases.find((c) => c.recordId === 'fixture-mission')).toMatchObject({ outcome: 'replaced' });
          expect((await findCaseLog(db, 'fixture-mission')).incident.date).toBe('2022-09-12');
          expect(await findCaseLog(db, 'mine')).toEqual(mine);
          expect(await countCaseFiles(db, 'record')).toBe(4);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }));

    test('loads on start every record case missing from the database, and nothing when none is', () =>
      withDb(async ({ db }) => {
        const first = await ensureRecordLoaded(db, { paths: FIXTURE_PATHS });
        expect(first?.cases.map((c) => c.outcome)).toEqual(['inserted', 'inserted', 'inserted', 'inserted']);
        expect(await ensureRecordLoaded(db, { paths: FIXTURE_PATHS })).toBeUndefined();
        // As after a kill -9 during the first start, or a release that adds a record file.
        await db.deleteFrom('case_event').where('case_id', '=', 'fixture-declined').execute();
        await db.deleteFrom('case_file').where('id', '=', 'fixture-declined').execute();
        const again = await ensureRecordLoaded(db, { paths: FIXTURE_PATHS });
        expect(again?.cases).toEqual([{ recordId: 'fixture-declined', treaty: 'csto', outcome: 'inserted', events: expect.any(Number) as number }]);
        expect(again?.files).toBe(1);
        expect((await findCaseLog(db, 'fixture-declined')).events.length).toBeGreaterThan(1);
        expect(await countCaseFiles(db, 'record')).toBe(4);
      }));

    test(
      'leaves every case file complete or absent when a bulk record load, or a reload replacing them, is killed with SIGKILL',
      () =>
        withDb(async ({ db, env }) => {
          const dir = mkdtempSync(join(tmpdir(), 'casus-bulk-'));
          try {
            const [cases, eventsPerCase] = [300, 40];
            mkdirSync(join(dir, 'record/csto'), { recursive: true });
            cpSync(join(FIXTURE_DATA, 'treaties'), join(dir, 'treaties'), { recursive: true });
            for (let c = 0; c < cases; c++) {
              const events = Array.from(
                { length: eventsPerCase - 1 },
                (_, i) => `  - { type: consultations-convened, date: 2024-05-01, body: "round ${i}", sources: [{ title: F, url: "https://example.org/${c}/${i}" }] }`,
              );
              writeFileSync(
                join(dir, `record/csto/bulk-${String(c).padStart(3, '0')}.yaml`),
                [
                  `id: bulk-${String(c).padStart(3, '0')}`,
                  'treaty: csto',
                  `title: "Bulk ${c}"`,
                  'incident: { date: 2024-05-01, at: [40.1, 45.2], attacker: AZE, target: ARM }',
                  'events:',
                  '  - { type: incident-recorded, date: 2024-05-01, sources: [{ title: F, url: "https://example.org/i" }] }',
                  ...events,
                  '',
                ].join('\n'),
              );
            }
            const killLoaderAfter = async (committed: number) => {
              const child = startWorker('record-load-worker.ts', [], { ...env, CASUS_DATA: dir });
              let stderr = '';
              child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
              await new Promise<void>((resolveKill, reject) => {
                let lines = 0;
                child.stdout?.on('data', (d: Buffer) => {
                  lines += d.toString().split('\n').length - 1;
                  if (lines >= committed && child.exitCode === null) {
                    child.kill('SIGKILL');
                  }
                });
                child.on('exit', (code, signal) =>
                  signal === 'SIGKILL' ? resolveKill() : reject(new Error(`loader was not killed (exit ${code}): ${stderr}`)),
                );
              });
            };
            await killLoaderAfter(20);
            const loaded = await listCaseLogs(db, { origin: 'record' });
            expect(loaded.length).toBeGreaterThanOrEqual(20);
            expect(loaded.length).toBeLessThan(cases);
            for (const log of loaded) expect(log.events, log.id).toHaveLength(eventsPerCase);
            // Rows without a case file would not show up in listCaseLogs: count them directly.
            const orphans = await db
              .selectFrom('case_event')
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .where('case_id', 'not in', db.selectFrom('case_file').select('id'))
              .executeTakeFirstOrThrow();
            expect(Number(orphans.n)).toBe(0);
            // Loading again completes the rest and leaves the survivors untouched.
            const report = await loadRecordIntoDatabase(db, { paths: { recordDir: join(dir, 'record'), treatiesDir: join(dir, 'treaties') } });
            expect(report.cases.filter((c) => c.outcome === 'unchanged')).toHaveLength(loaded.length);
            expect(report.cases.filter((c) => c.outcome === 'inserted')).toHaveLength(cases - loaded.length);
            expect(await countCaseFiles(db, 'record')).toBe(cases);
            // Re-source every file and kill a loader that is replacing them: each case file is then
            // wholly the old version or wholly the new one, never a mixture and never missing.
            for (const name of readdirSync(join(dir, 'record/csto')))
              writeFileSync(join(dir, 'record/csto', name), readFileSync(join(dir, 'record/csto', name), 'utf8').replaceAll('round ', 'revised round '));
            await killLoaderAfter(20);
            const mixed = await listCaseLogs(db, { origin: 'record' });
            expect(mixed).toHaveLength(cases);
            const versions = mixed.map((log) => {
              expect(log.events, log.id).toHaveLength(eventsPerCase);
              const bodies = log.events.flatMap((e) => (e.type === 'consultations-convened' ? [e.body] : []));
              const revised = bodies.filter((b) => b.startsWith('revised ')).length;
              expect([0, bodies.length], log.id).toContain(revised);
              return revised > 0 ? 'new' : 'old';
            });
            expect(versions.filter((v) => v === 'new').length).toBeGreaterThanOrEqual(20);
            expect(versions.filter((v) => v === 'old').length).toBeGreaterThan(0);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        }),
      180_000,
    );
  });
}
