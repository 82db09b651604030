/**
 * `casus import` stores the same dataset on SQLite and on PostgreSQL: the stored findings are exactly
 * the triggered and undetermined findings of the output file, the summary is the summary file's, and
 * the API's routes read them back (api.case.test.ts covers the routes themselves on both backends).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDataset, listDatasetFindings, listDatasets } from '../../src/storage/index.js';
import { describeOnPostgres, describeOnSqlite, scratchPostgres, scratchSqlite, type ScratchBackend } from '../support/backend-suites.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'casus-import-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importContract(name: string, backend: ScratchBackend): void {
  describe(`casus import stored on ${name}`, () => {
    beforeAll(() => backend.setup?.(), 120_000);
    afterAll(() => backend.teardown?.());

    it('stores the output\'s triggered and undetermined findings (per event × provision), and the summary', async () => {
      const opened = await backend.open();
      try {
        const out = join(dir, `${name}.csv`);
        const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'import', join(ROOT, 'test/fixtures/import/acled-small.csv'), '--format', 'acled', '--out', out, '--quiet', '--name', 'fixture'], {
          env: { ...process.env, ...opened.env },
          encoding: 'utf8',
          cwd: ROOT,
        });
        expect(r.status, r.stderr).toBe(0);
        const [dataset] = await listDatasets(opened.db);
        expect(dataset).toMatchObject({ name: 'fixture', format: 'acled', source: 'acled-small.csv', status: 'complete', rows: 32 });
        const summary = JSON.parse(readFileSync(`${out}.summary.json`, 'utf8')) as Record<string, unknown>;
        expect(summary.dataset).toBe(dataset!.id);
        const rest = Object.fromEntries(Object.entries(summary).filter(([k]) => !['input', 'format', 'dataset'].includes(k)));
        expect((await findDataset(opened.db, dataset!.id)).summary).toEqual(rest);
        const rows: Record<string, string>[] = parse(readFileSync(out), { columns: true });
        const expected = rows
          .flatMap((row) => [
            ...(row.triggered ? row.triggered.split(' ').map((s) => `${row.line} ${s} triggered`) : []),
            ...(row.undetermined ? row.undetermined.split(' ').map((s) => `${row.line} ${s} undetermined`) : []),
          ])
          .sort();
        const stored = (await listDatasetFindings(opened.db, dataset!.id, { limit: 1000 })).findings
          .flatMap((f) => Object.entries(f.statuses).filter(([, s]) => s !== 'not-triggered').map(([reading, s]) => `${f.line} ${f.treaty}:${f.provision}:${reading} ${s}`))
          .sort();
        expect(stored.length).toBeGreaterThan(0);
        expect(stored).toEqual(expected);
      } finally {
        await opened.close();
      }
    }, 120_000);
  });
}

describeOnSqlite('import storage', 'casus import stored on sqlite', () => importContract('sqlite', scratchSqlite('casus-import', 'casus.db')));
describeOnPostgres('import storage', 'casus import stored on postgres', () => importContract('postgres', scratchPostgres('casus_import')));
