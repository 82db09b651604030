/**
 * The HTTP API in process (Hono's app.request) on a throwaway SQLite file: every route, every error
 * class, token roles, the OpenAPI document validated as OpenAPI 3.1; and the real server process,
 * stopped with SIGTERM in the middle of a request.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/index.js';
import type { ApiDeps } from '../../src/api/index.js';
import { assessCaseIncident, loadKnowledge } from '../../src/knowledge/index.js';
import { defaultRecordPaths, ensureRecordLoaded } from '../../src/knowledge/record/index.js';
import { createToken, openSqlite, migrateToLatest, type Database } from '../../src/storage/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'casus-api-'));
let db: Kysely<Database>;
let app: ReturnType<typeof createApp>;
let editor = '';
let admin = '';
let limited: ReturnType<typeof createApp>;

function deps(overrides: Partial<ApiDeps> = {}): ApiDeps {
  return {
    knowledge: loadKnowledge(),
    db,
    dbKind: 'sqlite',
    assess: assessCaseIncident,
    treatiesDir: defaultRecordPaths().treatiesDir,
    openReads: true,
    rateLimitPerMinute: 0,
    anonymousRateLimitPerMinute: 0,
    bodyLimitBytes: 4096,
    version: 'test',
    ...overrides,
  };
}

beforeAll(async () => {
  db = openSqlite(join(dir, 'api.db'));
  await migrateToLatest(db);
  await ensureRecordLoaded(db);
  editor = (await createToken(db, 'editor')).token;
  admin = (await createToken(db, 'admin')).token;
  app = createApp(deps());
  limited = createApp(deps({ rateLimitPerMinute: 2, openReads: false }));
}, 60_000);
afterAll(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, token?: string, a = app) => a.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const post = (path: string, body: unknown, token?: string, a = app) =>
  a.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
type ErrorJson = { error: { code: string; message: string; issues: { field: string; message: string }[] } };

describe('reads', () => {
  it('GET /v1/health', async () => {
    const r = await get('/v1/health');
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok', treaties: ['csto', 'nato', 'us-japan'] });
  });

  it('GET /v1/treaties, /v1/treaties/{id} and a provision with its texts', async () => {
    const list = (await (await get('/v1/treaties')).json()) as { treaties: { id: string }[] };
    expect(list.treaties.map((t) => t.id)).toEqual(['csto', 'nato', 'us-japan']);
    const csto = (await (await get('/v1/treaties/csto')).json()) as { parties: { polity: string }[] };
    expect(csto.parties.map((p) => p.polity)).toContain('ARM');
    const art4 = (await (await get('/v1/treaties/csto/provisions/art-4')).json()) as { versions: { from: string; text: string }[] };
    expect(art4.versions.map((v) => v.from)).toEqual(['1994-04-20', '2012-12-19']);
    expect(art4.versions[0]!.text).toMatch(/aggression/);
  });

  it('GET /v1/locate answers BRIEF\'s location object', async () => {
    const r = await get('/v1/locate?at=44.9521,34.1024&date=2016-06-01');
    expect(await r.json()).toMatchObject({ at: [44.9521, 34.1024], recognized: ['UKR'], administered: ['RUS'], claimed: ['RUS', 'UKR'] });
  });

  it('POST /v1/assessments gives the same object as casus assess --json', async () => {
    const r = await post('/v1/assessments', { date: '2020-07-12', at: [40.93, 45.42], attacker: 'AZE', target: 'ARM', treaty: 'csto', reading: 'recognized' });
    expect(r.status).toBe(200);
    const a = (await r.json()) as { incident: unknown; findings: { provision: string; status: string; reading: string }[] };
    expect(a.incident).toMatchObject({ date: '2020-07-12', kind: 'armed-attack', against: 'territory' });
    expect(a.findings.find((f) => f.provision === 'art-4')).toMatchObject({ status: 'triggered', reading: 'recognized' });
  });

  it('GET /v1/zones returns GeoJSON', async () => {
    const r = await get('/v1/zones?treaty=us-japan&provision=art-5&date=2024-01-01&resolution=1');
    const fc = (await r.json()) as { type: string; features: { properties: { beneficiary: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.some((f) => f.properties.beneficiary === 'JPN')).toBe(true);
  });

  it('GET /v1/record, /v1/cases, /v1/cases/{id} and /v1/reliability', async () => {
    const record = (await (await get('/v1/record?treaty=csto')).json()) as { cases: { id: string; verdict: string }[] };
    expect(record.cases.map((c) => c.id)).toContain('csto-2022-kazakhstan');
    const list = (await (await get('/v1/cases')).json()) as { cases: { id: string }[] };
    expect(list.cases.length).toBeGreaterThanOrEqual(16);
    const one = (await (await get('/v1/cases/csto-2022-kazakhstan')).json()) as { state: string; verdict: string };
    expect(one.state).toBe('closed');
    expect(one.verdict).toMatch(/peacekeeping assistance delivered/);
    const rel = (await (await get('/v1/reliability?treaty=nato')).json()) as { alliances: { treaty: string }[] };
    expect(rel.alliances.map((a) => a.treaty)).toEqual(['nato']);
  });

  it('serves /openapi.json, valid OpenAPI 3.1, and the docs page with its assets', async () => {
    const doc = (await (await get('/openapi.json')).json()) as Record<string, unknown>;
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths as object)).toEqual(expect.arrayContaining(['/v1/assessments', '/v1/locate', '/v1/zones', '/v1/cases/{id}/events', '/v1/reliability']));
    expect(await (await get('/docs')).text()).toMatch(/swagger-ui-bundle\.js/);
    expect((await get('/docs/swagger-ui-bundle.js')).status).toBe(200);
  });
});

describe('errors name the field', () => {
  it.each([
    [{ date: '2020-02-30', at: [40, 45], target: 'ARM' }, 'body.date'],
    [{ date: '2020-07-12', at: [91, 45], target: 'ARM' }, 'body.at[0]'],
    [{ date: '2020-07-12', at: [40, 45], target: 'ARM', kind: 'invasion' }, 'body.kind'],
    [{ date: '2020-07-12', at: [40, 45], target: 'ARM', colour: 'red' }, 'body.colour'],
    [{ date: '2020-07-12', at: [40, 45], target: 'ARM', treaty: 'warsaw' }, 'body.treaty'],
    [{ date: '1939-09-01', at: [52, 21], target: 'POL' }, 'body.date'],
  ])('400 for %j', async (body, field) => {
    const r = await post('/v1/assessments', body);
    expect(r.status).toBe(400);
    const e = (await r.json()) as ErrorJson;
    expect(e.error.issues.map((i) => i.field)).toContain(field);
    expect(JSON.stringify(e)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('400 for a bad query, malformed JSON; 404 for unknown routes, treaties and case files; 413 for a large body', async () => {
    const q = (await (await get('/v1/locate?at=40.1&date=2020-01-01')).json()) as ErrorJson;
    expect(q.error.issues[0]!.field).toBe('query.at');
    expect((await post('/v1/assessments', '{"date": ')).status).toBe(400);
    expect((await get('/v1/nothing')).status).toBe(404);
    const t = await get('/v1/treaties/warsaw');
    expect(t.status).toBe(404);
    expect(((await t.json()) as ErrorJson).error.message).toMatch(/no treaty "warsaw"/);
    expect((await get('/v1/cases/no-such-case')).status).toBe(404);
    const big = await post('/v1/assessments', { date: '2020-07-12', at: [40, 45], target: 'ARM', flag: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
  });
});

describe('writes and tokens', () => {
  let id = '';
  const newCase = { treaty: 'csto', title: 'Exercise', incident: { date: '2024-05-01', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM' }, note: 'staff exercise' };

  it('refuses writes without a token (401), with an unknown token (401)', async () => {
    expect((await post('/v1/cases', newCase)).status).toBe(401);
    expect((await post('/v1/cases', newCase, 'casus_nope')).status).toBe(401);
  });

  it('creates a case file with an editor token and appends at the expected version; a stale version is a 409', async () => {
    const r = await post('/v1/cases', newCase, editor);
    expect(r.status).toBe(201);
    const file = (await r.json()) as { id: string; version: number };
    id = file.id;
    expect(file.version).toBe(1);
    const event = { type: 'application-lodged', date: '2024-05-01', by: 'ARM', provision: 'art-4', request: 'help', note: 'simulated' };
    const ok = await post(`/v1/cases/${id}/events`, { expectedVersion: 1, event }, editor);
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { version: number }).version).toBe(2);
    const stale = await post(`/v1/cases/${id}/events`, { expectedVersion: 1, event }, editor);
    expect(stale.status).toBe(409);
    const refused = await post(`/v1/cases/${id}/events`, { expectedVersion: 2, event: { type: 'assistance-provided', date: '2024-05-02', kind: 'military', note: 'n' } }, editor);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorJson).error.message).toMatch(/not allowed in state/);
    const bad = await post(`/v1/cases/${id}/events`, { expectedVersion: 2, event: { type: 'closed', date: '2024-13-01', reason: 'x', note: 'n' } }, editor);
    expect(((await bad.json()) as ErrorJson).error.issues[0]!.field).toMatch(/^body\.event\.date/);
    expect(((await (await get(`/v1/cases/${id}`)).json()) as { version: number }).version).toBe(2);
  });

  it('loses no event when writers race: one wins each version, the others get 409', async () => {
    const event = (n: number) => ({ type: 'consultations-convened', date: '2024-05-02', body: `Council ${n}`, note: 'simulated' });
    const results = await Promise.all([0, 1, 2, 3].map(async (n) => post(`/v1/cases/${id}/events`, { expectedVersion: 2, event: event(n) }, editor)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(((await (await get(`/v1/cases/${id}`)).json()) as { version: number }).version).toBe(3);
  });

  it('lets only admins manage tokens (403 for an editor)', async () => {
    expect((await get('/v1/tokens', editor)).status).toBe(403);
    const created = await post('/v1/tokens', { role: 'editor' }, admin);
    expect(created.status).toBe(201);
    const { id: tokenId, token } = (await created.json()) as { id: string; token: string };
    expect((await post('/v1/cases', newCase, token)).status).toBe(201);
    expect((await app.request(`/v1/tokens/${tokenId}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
    expect((await post('/v1/cases', newCase, token)).status).toBe(401);
  });

  it('rate-limits per token (429) and needs tokens for reads off loopback', async () => {
    expect((await get('/v1/treaties', undefined, limited)).status).toBe(401);
    expect((await get('/v1/treaties', editor, limited)).status).toBe(200);
    expect((await get('/v1/treaties', editor, limited)).status).toBe(200);
    const third = await get('/v1/treaties', editor, limited);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBeTruthy();
  });
});

describe('the server process', () => {
  it('finishes the in-flight request on SIGTERM, then exits 0', async () => {
    const port = 17000 + Math.floor(Math.random() * 2000);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', String(port), '--log-level', 'warn'], {
      env: { ...process.env, CASUS_DB: join(dir, 'proc.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const up = Date.now();
    while (!err.includes('serving on')) {
      if (Date.now() - up > 30_000) throw new Error(`server did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // A slow request (zones at a fine resolution), then SIGTERM while it runs.
    const pending = fetch(`http://127.0.0.1:${port}/v1/zones?treaty=nato&provision=art-5&date=2024-01-01&resolution=0.1`);
    await new Promise((r) => setTimeout(r, 150));
    child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(200);
    const exit = await new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    expect(exit).toBe(0);
  }, 90_000);
});
