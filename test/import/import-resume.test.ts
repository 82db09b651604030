/**
 * `casus import --resume`: a run interrupted by Ctrl-C (SIGINT) and then by kill -9 mid-file continues
 * without losing or repeating a row — the output, the rejects and the stored findings end up exactly as
 * an uninterrupted run leaves them. The input is the ACLED fixture's rows repeated (60,000 rows, made
 * here), so that a run lasts long enough to be interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/storage/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'casus-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (input: string, out: string) => ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'import', input, '--format', 'acled', '--out', out, '--quiet', '--workers', '2'];
const env = (db: string) => ({ ...process.env, CASUS_DB: db });

function start(input: string, out: string, db: string, extra: string[] = []): ChildProcess {
  return spawn(process.execPath, [...args(input, out), ...extra], { env: env(db), cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves once the run has committed more than `bytes` of output; then sends `signal`. */
async function interruptAfter(child: ChildProcess, out: string, bytes: number, signal: NodeJS.Signals): Promise<{ code: number | null; err: string }> {
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    if (existsSync(`${out}.checkpoint.json`) && existsSync(out) && statSync(out).size > bytes) break;
    if (child.exitCode !== null) throw new Error(`the run ended before it could be interrupted: ${err}`);
  }
  child.kill(signal);
  return { code: await exited, err };
}

async function findingCount(db: string): Promise<number> {
  const k = openSqlite(db);
  try {
    const r = await k.selectFrom('dataset_finding').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await k.destroy();
  }
}

describe('casus import --resume', () => {
  it('continues after Ctrl-C and after kill -9 with every row exactly once', async () => {
    const rows: string[][] = parse(readFileSync(join(ROOT, 'test/fixtures/import/acled-small.csv')), { relax_column_count: true });
    const [header, ...body] = rows;
    const good = body.filter((r) => !r[0]!.startsWith('BAD'));
    const bad = body.filter((r) => r[0]!.startsWith('BAD') && r.length === header!.length);
    const many = Array.from({ length: 60_000 }, (_, i) => {
      const r = [...(i % 1000 === 999 ? bad[i % bad.length]! : good[i % good.length]!)];
      r[0] = `${r[0]}-${i}`;
      return r;
    });
    const input = join(dir, 'many.csv');
    writeFileSync(input, stringify([header!, ...many]));

    const whole = join(dir, 'whole.csv');
    const w = spawnSync(process.execPath, args(input, whole), { env: env(join(dir, 'whole.db')), cwd: ROOT, encoding: 'utf8' });
    expect(w.status, w.stderr).toBe(0);

    const out = join(dir, 'cut.csv');
    const db = join(dir, 'cut.db');
    const first = await interruptAfter(start(input, out, db), out, 500_000, 'SIGINT');
    expect(first.code).toBe(130);
    expect(first.err).toMatch(/interrupted after line \d+; continue with the same command and --resume/);
    const again = spawnSync(process.execPath, args(input, out), { env: env(db), cwd: ROOT, encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/an interrupted import left .*checkpoint\.json; continue it with --resume/);

    const size = statSync(out).size;
    const second = await interruptAfter(start(input, out, db, ['--resume']), out, size + 500_000, 'SIGKILL');
    expect(second.code).toBe(null);
    const last = spawnSync(process.execPath, [...args(input, out), '--resume'], { env: env(db), cwd: ROOT, encoding: 'utf8' });
    expect(last.status, last.stderr).toBe(0);

    expect(readFileSync(out, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    expect(readFileSync(`${out}.rejects.csv`, 'utf8')).toBe(readFileSync(`${whole}.rejects.csv`, 'utf8'));
    expect(existsSync(`${out}.checkpoint.json`)).toBe(false);
    const summary = (f: string) => ({ ...(JSON.parse(readFileSync(`${f}.summary.json`, 'utf8')) as object), dataset: null });
    expect(summary(out)).toEqual(summary(whole));
    expect(await findingCount(db)).toBe(await findingCount(join(dir, 'whole.db')));
  }, 180_000);
});
