/**
 * Replaying the record reproduces the derived figures: every record case is replayed through its
 * treaty's procedure, its derived figures compared with a checked-in golden file (regenerate on
 * purpose with `npx vitest run -u` and review the diff), and the same figures must come back after a
 * round trip through the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReliability, replayCaseOrThrow, type CaseLog, type Procedure, type ReliabilityReport } from '../src/domain/casefile/index.js';
import { loadRecordIntoDatabase, readRecord, type RecordPaths } from '../src/knowledge/record/index.js';
import { listCaseLogs, openDatabase } from '../src/storage/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const SETS: readonly { name: string; paths: RecordPaths; golden: string }[] = [
  {
    name: 'fixtures',
    paths: { recordDir: join(ROOT, 'test/fixtures/record/data/record'), treatiesDir: join(ROOT, 'test/fixtures/record/data/treaties') },
    golden: './golden/record-fixtures-derived.json',
  },
  {
    name: 'data/record',
    paths: { recordDir: join(ROOT, 'data/record'), treatiesDir: join(ROOT, 'data/treaties') },
    golden: './golden/record-derived.json',
  },
];

function reliability(logs: readonly CaseLog[], procedures: ReadonlyMap<string, Procedure>): ReliabilityReport {
  return computeReliability(logs.map((l) => replayCaseOrThrow(l, procedures.get(l.treaty)!)));
}

/** The figures the golden file pins: per case, its state, latencies, compliance and verdict. */
function figures(report: ReliabilityReport) {
  return report.alliances.map((a) => ({
    treaty: a.treaty,
    cases: a.cases,
    applied: a.applied,
    decided: a.decided,
    missions: a.missions,
    assistance: a.assistance,
    medianDays: a.medianDays,
    caseReports: a.caseReports.map((c) => ({
      id: c.id,
      state: c.state,
      afterIncident: c.latencies.afterIncident,
      steps: c.latencies.steps,
      applied: c.compliance.applied,
      decisions: c.compliance.decisions.map((d) => `${d.date} ${d.outcome}`),
      delivered: c.compliance.delivered,
      verdict: c.verdict,
    })),
  }));
}

for (const set of SETS) {
  const read = readRecord(set.paths);
  const suite = read.files === 0 ? describe.skip : describe;
  if (read.files === 0) console.log(`record replay for ${set.name} skipped: no record files yet in ${set.paths.recordDir}`);
  suite(`replaying ${set.name}`, () => {
    it('finds every record file valid', () => {
      expect(read.issues.map((i) => `${i.at?.file ?? ''}:${i.at?.line ?? ''} ${i.path.join('.')}: ${i.message}`)).toEqual([]);
      expect(read.cases).toHaveLength(read.files);
    });

    it('reproduces the derived figures checked into the golden file', async () => {
      await expect(`${JSON.stringify(figures(reliability(read.cases, read.procedures)), null, 2)}\n`).toMatchFileSnapshot(set.golden);
    });

    it('reproduces the same figures after a round trip through the database', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'casus-replay-'));
      const db = await openDatabase({ CASUS_DB: join(dir, 'casus.db') });
      try {
        await loadRecordIntoDatabase(db, { paths: set.paths });
        const stored = await listCaseLogs(db, { origin: 'record' });
        expect(stored.map((l) => l.events)).toEqual(
          [...read.cases].sort((a, b) => a.incident.date.localeCompare(b.incident.date) || a.id.localeCompare(b.id)).map((l) => l.events),
        );
        expect(figures(reliability(stored, read.procedures))).toEqual(figures(reliability(read.cases, read.procedures)));
      } finally {
        await db.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
