/**
 * @module api.case.test
 * The HTTP API contract, run in process (Hono's app.request) against every storage backend
 * (api-sqlite.test.ts, api-postgres.test.ts): every route, every error class naming its field, token
 * roles (over HTTP and with the CLI), CORS, the OpenAPI document validated as OpenAPI 3.1. The server
 * process itself (SIGTERM, ports) is tested once, in server-process.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createAssessmentsService, createZonesService, openApiDocument, type ApiDeps, type AssessmentsService, type ZonesService } from '../../src/api/index.js';
import { assessmentAnswer, assessmentSummaryAnswer, locateAnswer } from '../../src/api/schemas.js';
import { assessCaseIncident, loadKnowledge, PACKAGE_ROOT } from '../../src/knowledge/index.js';
import { defaultRecordPaths, ensureRecordLoaded } from '../../src/knowledge/record/index.js';
import { completeDataset, createDataset, createToken, findCaseLog, insertDatasetFindings, replaceRecordCaseLog } from '../../src/storage/index.js';
import type { OpenedDatabase } from '../../src/storage/storage.case.test.js';

/** How a backend plugs into the API contract. */
export interface ApiContract {
  readonly name: 'sqlite' | 'postgres';
  readonly setup?: () => Promise<void>;
  readonly teardown?: () => Promise<void>;
  readonly open: () => Promise<OpenedDatabase>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const knowledge = loadKnowledge();
type ErrorJson = { error: { code: string; message: string; issues: { field: string; message: string; expected?: string }[]; details?: Record<string, unknown> } };

/** Runs the CLI as a user would (`node --import tsx src/cli/main.ts ...`). */
function cli(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Registers the contract's tests for one backend. */
export function runApiContract(backend: ApiContract): void {
  describe(`HTTP API on ${backend.name}`, () => {
    let opened: OpenedDatabase;
    let app: ReturnType<typeof createApp>;
    let limited: ReturnType<typeof createApp>;
    let zones: ZonesService;
    let assessments: AssessmentsService;
    let editor = '';
    let admin = '';
    const deps = (overrides: Partial<ApiDeps> = {}): ApiDeps => ({
      knowledge,
      db: opened.db,
      dbKind: backend.name,
      assess: assessCaseIncident,
      assessments,
      zones,
      treatiesDir: defaultRecordPaths().treatiesDir,
      openReads: true,
      rateLimitPerMinute: 0,
      anonymousRateLimitPerMinute: 0,
      bodyLimitBytes: 4096,
      version: 'test',
      ...overrides,
    });

    beforeAll(async () => {
      await backend.setup?.();
      opened = await backend.open();
      await ensureRecordLoaded(opened.db);
      editor = (await createToken(opened.db, 'editor')).token;
      admin = (await createToken(opened.db, 'admin')).token;
      zones = createZonesService();
      assessments = createAssessmentsService({ workers: 1 });
      await assessments.ready();
      app = createApp(deps());
      limited = createApp(deps({ rateLimitPerMinute: 2, openReads: false }));
    }, 120_000);
    afterAll(async () => {
      await zones?.close();
      await assessments?.close();
      await opened?.close();
      await backend.teardown?.();
    });

    const get = (path: string, token?: string, a = app) => a.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    const post = (path: string, body: unknown, token?: string, a = app) =>
      a.request(path, {
        method: 'POST',
        body: typeof body === 'string' ? body : JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const fields = async (r: Response) => ((await r.json()) as ErrorJson).error.issues.map((i) => i.field);

    describe('reads', () => {
      it('GET /v1/health', async () => {
        const r = await get('/v1/health');
        expect(r.status).toBe(200);
        expect(await r.json()).toMatchObject({ status: 'ok', database: backend.name, treaties: ['anzus', 'csto', 'eu-tue-42-7', 'nato', 'rio', 'rus-arm-1997', 'rus-prk-2024', 'us-japan', 'us-philippines', 'us-rok'] });
      });

      it('GET /v1/treaties, /v1/treaties/{id} and a provision with its texts', async () => {
        const list = (await (await get('/v1/treaties')).json()) as { treaties: { id: string }[] };
        expect(list.treaties.map((t) => t.id)).toEqual(['anzus', 'csto', 'eu-tue-42-7', 'nato', 'rio', 'rus-arm-1997', 'rus-prk-2024', 'us-japan', 'us-philippines', 'us-rok']);
        const csto = (await (await get('/v1/treaties/csto')).json()) as { parties: { polity: string }[] };
        expect(csto.parties.map((p) => p.polity)).toContain('ARM');
        const art4 = (await (await get('/v1/treaties/csto/provisions/art-4')).json()) as { versions: { from: string; text: string }[] };
        expect(art4.versions.map((v) => v.from)).toEqual(['1994-04-20', '2012-12-19']);
        expect(art4.versions[0]!.text).toMatch(/aggression/);
      });

      it("GET /v1/locate answers the location object", async () => {
        const r = await get('/v1/locate?at=44.9521,34.1024&date=2016-06-01');
        const answer = await r.json();
        expect(answer).toMatchObject({ at: [44.9521, 34.1024], recognized: ['UKR'], administered: ['RUS'], claimed: ['RUS', 'UKR'], surface: 'land' });
        expect(locateAnswer.strict().safeParse(answer).error).toBeUndefined();
      });

      it.each([
        [{ treaty: 'csto', reading: 'recognized' }, ['--treaty', 'csto', '--reading', 'recognized']],
        [{}, []],
      ])('POST /v1/assessments %j answers exactly what casus assess --json prints', async (options, flags) => {
        const incident = { date: '2020-07-12', at: [40.93, 45.42], attacker: 'AZE', target: 'ARM' };
        const r = await post('/v1/assessments', { ...incident, ...options });
        expect(r.status).toBe(200);
        const printed = cli(['assess', '--date', '2020-07-12', '--at', '40.93,45.42', '--attacker', 'AZE', '--target', 'ARM', ...flags, '--json']);
        expect(printed.code, printed.stderr).toBe(0);
        const answer = (await r.json()) as { findings: { treaty: string; provision: string; status: string; reading: string }[] };
        expect(answer).toEqual(JSON.parse(printed.stdout));
        // The response schema in /openapi.json describes the real answer, not a bare object.
        expect(assessmentAnswer.strict().safeParse(answer).error).toBeUndefined();
        expect(answer.findings.find((f) => f.treaty === 'csto' && f.provision === 'art-4' && f.reading === 'recognized')).toMatchObject({ status: 'triggered' });
      }, 60_000);

      it('POST /v1/assessments?view=summary answers which provisions, which status, under which reading, in a fraction of the full answer', async () => {
        const incident = { date: '2022-09-13', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM' };
        const full = await post('/v1/assessments', incident);
        const summary = await post('/v1/assessments?view=summary', incident);
        expect(summary.status).toBe(200);
        const fullText = await full.text();
        const text = await summary.text();
        const fullAnswer = JSON.parse(fullText) as { incident: unknown; location: unknown; summary: unknown };
        const answer = JSON.parse(text) as unknown;
        expect(assessmentSummaryAnswer.strict().safeParse(answer).error).toBeUndefined();
        expect(answer).toEqual({ incident: fullAnswer.incident, location: fullAnswer.location, summary: fullAnswer.summary });
        expect(text.length).toBeLessThan(fullText.length / 5);
        const bad = await post('/v1/assessments?view=brief', incident);
        expect(bad.status).toBe(400);
        expect(((await bad.json()) as { error: { issues: { field: string }[] } }).error.issues[0]!.field).toBe('query.view');
      }, 60_000);

      it('GET /v1/map/countries, /v1/map/overlays and /v1/map/borders: what the web app draws, as of the date', async () => {
        const topo = (await (await get('/v1/map/countries?detail=coarse&date=2024-06-01')).json()) as { type: string; objects: { countries: { geometries: { properties: { name: string; code?: string; sovereign: string | null } }[] } } };
        expect(topo.type).toBe('Topology');
        const greenland = topo.objects.countries.geometries.find((g) => g.properties.code === 'GRL');
        expect(greenland?.properties.sovereign).toBe('DNK');
        type Fc = { features: { geometry: { type: string }; properties: Record<string, string | number> }[] };
        const crimea = async (date: string) => ((await (await get(`/v1/map/overlays?date=${date}`)).json()) as Fc).features.find((f) => f.properties.id === 'crimea')?.properties;
        expect(await crimea('2013-06-01')).toMatchObject({ administered: 'UKR' });
        expect(await crimea('2016-06-01')).toMatchObject({ administered: 'RUS', claimed: 'RUS, UKR', recognized: 'UKR' });
        const borders = async (date: string) => ((await (await get(`/v1/map/borders?date=${date}`)).json()) as Fc).features.filter((f) => f.properties.id === 'arm-aze');
        const before = await borders('2020-07-12');
        expect(before.map((f) => [f.properties.kind, f.geometry.type])).toEqual([['undelimited', 'MultiLineString']]);
        expect(before[0]!.properties.bufferKm).toBe(5);
        expect((await borders('2024-06-01')).map((f) => f.properties.kind)).toEqual(['undelimited', 'delimited-section']);
        const bad = await get('/v1/map/borders?date=2024-13-01');
        expect(bad.status).toBe(400);
        expect(await fields(bad)).toEqual(['query.date']);
      });

      it('GET /v1/zones computes GeoJSON in a worker thread, then answers the same query from the cache', async () => {
        const path = '/v1/zones?treaty=us-japan&provision=art-5&date=2024-01-01&resolution=1';
        const first = await get(path);
        expect(first.status).toBe(200);
        expect(first.headers.get('content-type')).toMatch(/application\/json/);
        const fc = (await first.json()) as { type: string; features: { properties: { beneficiary: string } }[] };
        expect(fc.type).toBe('FeatureCollection');
        expect(fc.features.some((f) => f.properties.beneficiary === 'JPN')).toBe(true);
        // The provision's default reading spelled out is the same query, so the same cache entry.
        const again = await get(`${path}&reading=${knowledge.treaties.find((t) => t.id === 'us-japan')!.provisions.find((p) => p.id === 'art-5')!.defaultReading}`);
        expect(again.headers.get('x-casus-cache')).toBe('hit');
        expect(await again.json()).toEqual(fc);
        expect(zones.stats()).toMatchObject({ computed: 1, hits: 1 });
      }, 60_000);

      it('GET /v1/zones answers 503 with retry-after when the queue is full, and shares work between identical requests', async () => {
        let release: (json: string) => void = () => undefined;
        let runs = 0;
        const pool = {
          run: () => {
            runs++;
            return new Promise<string>((r) => (release = r));
          },
          close: () => Promise.resolve(),
        };
        const busyApp = createApp(deps({ zones: createZonesService({ pool, maxPending: 1 }) }));
        const a = busyApp.request('/v1/zones?treaty=nato&provision=art-5&date=2024-01-01');
        const same = busyApp.request('/v1/zones?treaty=nato&provision=art-5&date=2024-01-01&resolution=0.25');
        await new Promise((r) => setTimeout(r, 20));
        const other = await busyApp.request('/v1/zones?treaty=nato&provision=art-5&date=2023-01-01');
        expect(other.status).toBe(503);
        expect(other.headers.get('retry-after')).toBe('5');
        expect(((await other.json()) as ErrorJson).error.code).toBe('busy');
        release('{"type":"FeatureCollection","features":[]}');
        expect((await a).status).toBe(200);
        expect((await same).status).toBe(200);
        expect(runs).toBe(1);
      });

      it('POST /v1/assessments answers 503 with retry-after when the assessment queue is full, and 500 with no stack for a failing worker', async () => {
        const incident = { date: '2022-09-13', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM' };
        let pending = 0;
        const pool = {
          run: () => Promise.reject(new Error(`assessments worker: Error: boom\n    at ${join(ROOT, 'src/secret.ts')}:12`)),
          answer: () => Promise.reject(new Error('not used by the router')),
          get pending() {
            return pending;
          },
          warm: () => Promise.resolve(),
          close: () => Promise.resolve(),
        };
        const busyApp = createApp(deps({ assessments: createAssessmentsService({ pool, workers: 1, maxPending: 2 }) }));
        const failed = await post('/v1/assessments', incident, undefined, busyApp);
        expect(failed.status).toBe(500);
        const text = await failed.text();
        expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'internal error (see the server log)', issues: [] } });
        expect(text).not.toMatch(/boom|secret|\.ts|at /);
        pending = 2;
        const busy = await post('/v1/assessments', incident, undefined, busyApp);
        expect(busy.status).toBe(503);
        expect(busy.headers.get('retry-after')).toBe('1');
        expect(((await busy.json()) as ErrorJson).error).toMatchObject({ code: 'busy', issues: [{ field: 'body' }] });
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
        const unknown = await get('/v1/reliability?treaty=warsaw');
        expect(unknown.status).toBe(400);
        expect(((await unknown.json()) as ErrorJson).error.issues.map((i) => i.field)).toEqual(['query.treaty']);
      });

      it('GET /v1/datasets, /v1/datasets/{id} (summary) and /v1/datasets/{id}/findings (paged, filtered)', async () => {
        await createDataset(opened.db, { id: 'ds-api', name: 'acled-small.csv', format: 'acled', source: 'acled-small.csv' });
        const f = (line: number, provision: string, statuses: readonly (string | null)[], date = '2022-09-13') => [line, `ARM${line}`, date, 39.8417, 45.6722, 'AZE', 'ARM', 'armed-attack', 'territory', 'csto', provision, ...statuses];
        await insertDatasetFindings(opened.db, 'ds-api', [f(2, 'art-2', ['triggered', 'triggered', 'triggered', 'triggered']), f(2, 'art-4', ['triggered', 'triggered', 'triggered', 'undetermined']), f(3, 'art-4', ['triggered', 'triggered', 'triggered', 'triggered'], '2023-01-01')]);
        await completeDataset(opened.db, 'ds-api', 3, { rows: 3, assessed: 3 });
        const list = (await (await get('/v1/datasets')).json()) as { datasets: { id: string; status: string }[] };
        expect(list.datasets).toContainEqual(expect.objectContaining({ id: 'ds-api', status: 'complete', rows: 3 }));
        const one = (await (await get('/v1/datasets/ds-api')).json()) as { summary: { rows: number } };
        expect(one.summary).toEqual({ rows: 3, assessed: 3 });
        const page = (await (await get('/v1/datasets/ds-api/findings?limit=2')).json()) as { findings: { line: number; provision: string; at: number[]; statuses: Record<string, string>; readingsDisagree: boolean }[]; next: number | null };
        expect(page.findings.map((x) => [x.line, x.provision, x.readingsDisagree])).toEqual([[2, 'art-2', false], [2, 'art-4', true]]);
        expect(page.findings[1]).toMatchObject({ at: [39.8417, 45.6722], statuses: { recognized: 'triggered', delimited: 'undetermined' } });
        expect(page.next).toBe(2);
        const filtered = (await (await get('/v1/datasets/ds-api/findings?treaty=csto&status=triggered&reading=recognized&from=2023-01-01')).json()) as { findings: { line: number }[]; next: number | null };
        expect(filtered).toMatchObject({ findings: [{ line: 3 }], next: null });
        const undetermined = (await (await get('/v1/datasets/ds-api/findings?status=undetermined')).json()) as { findings: { line: number; provision: string }[] };
        expect(undetermined.findings.map((x) => [x.line, x.provision])).toEqual([[2, 'art-4']]);
        const missing = await get('/v1/datasets/nope');
        expect(missing.status).toBe(404);
        expect(await fields(missing)).toEqual(['path.id']);
        const bad = await get('/v1/datasets/ds-api/findings?status=not-triggered');
        expect(bad.status).toBe(400);
        expect(await fields(bad)).toEqual(['query.status']);
      });

      it('serves /openapi.json, valid OpenAPI 3.1, and the docs page, which fetches nothing from swagger.io', async () => {
        const doc = (await (await get('/openapi.json')).json()) as Record<string, unknown>;
        expect(doc).toEqual(openApiDocument());
        const result = await new Validator().validate(doc);
        expect(result.errors ?? []).toEqual([]);
        expect(result.valid).toBe(true);
        expect(Object.keys(doc.paths as object)).toEqual(expect.arrayContaining(['/v1/assessments', '/v1/locate', '/v1/zones', '/v1/cases/{id}/events', '/v1/reliability']));
        const page = await (await get('/docs')).text();
        expect(page).toMatch(/swagger-ui-bundle\.js/);
        expect(page).toMatch(/validatorUrl: null/);
        expect((await get('/docs/swagger-ui-bundle.js')).status).toBe(200);
      });
    });

    describe('errors name the field', () => {
      it.each([
        [{ date: '2020-02-30', at: [40, 45], target: 'ARM' }, 'body.date'],
        [{ date: '2020-7-12', at: [40, 45], target: 'ARM' }, 'body.date'],
        [{ date: '2020-07-12', at: [91, 45], target: 'ARM' }, 'body.at[0]'],
        [{ date: '2020-07-12', at: [40, 45, 3], target: 'ARM' }, 'body.at'],
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

      it('400 for a bad query or malformed JSON; 404 for unknown routes; 413 for a large body', async () => {
        const q = (await (await get('/v1/locate?at=40.1&date=2020-01-01')).json()) as ErrorJson;
        expect(q.error.issues[0]!.field).toBe('query.at');
        const malformed = await post('/v1/assessments', '{"date": ');
        expect(malformed.status).toBe(400);
        expect(((await malformed.json()) as ErrorJson).error.code).toBe('invalid-input');
        expect((await get('/v1/nothing')).status).toBe(404);
        const big = await post('/v1/assessments', { date: '2020-07-12', at: [40, 45], target: 'ARM', flag: 'x'.repeat(10_000) });
        expect(big.status).toBe(413);
        expect(((await big.json()) as ErrorJson).error.code).toBe('payload-too-large');
      });

      it('POST /v1/extract reads drafts with quoted evidence, assesses them on request, and names body.text for empty or binary text', async () => {
        const text = 'Azerbaijani forces shelled Jermuk overnight; Yerevan asked the CSTO for help.';
        const r = await post('/v1/extract', { text, date: '2022-09-13', assess: true, treaty: 'csto' });
        expect(r.status).toBe(200);
        const body = (await r.json()) as { drafts: { date: { value: { value: string } }; place: { value: { name: string }; evidence: { text: string; start: number; end: number }[] }; incident: unknown; assessment: { summary: { provision: string; statuses: Record<string, string> }[] } }[] };
        expect(body.drafts).toHaveLength(1);
        const d = body.drafts[0]!;
        expect(d.date.value.value).toBe('2022-09-13');
        expect(d.place.value.name).toBe('Jermuk');
        expect(text.slice(d.place.evidence[0]!.start, d.place.evidence[0]!.end)).toBe('Jermuk');
        expect(d.incident).toMatchObject({ date: '2022-09-13', attacker: 'AZE', target: 'ARM' });
        expect(d.assessment.summary.find((x) => x.provision === 'art-4')?.statuses.recognized).toBe('triggered');
        expect(assessmentAnswer.safeParse(d.assessment).success).toBe(true);
        const empty = await post('/v1/extract', { text: '   ' });
        expect(empty.status).toBe(400);
        expect(await fields(empty)).toEqual(['body.text']);
        expect(await fields(await post('/v1/extract', { text: 'a\u0000b\u0001c' }))).toEqual(['body.text']);
        expect(await fields(await post('/v1/extract', { text: 'x', date: '2022-13-01' }))).toEqual(['body.date']);
        expect((await post('/v1/extract', { text: 'x'.repeat(200_000) })).status).toBe(413);
      });

      it('404 names path.id for treaties and case files, path.provision for provisions', async () => {
        const t = await get('/v1/treaties/warsaw');
        expect(t.status).toBe(404);
        const te = (await t.json()) as ErrorJson;
        expect(te.error.message).toMatch(/no treaty "warsaw"/);
        expect(te.error.issues.map((i) => i.field)).toEqual(['path.id']);
        const p = await get('/v1/treaties/nato/provisions/art-99');
        expect(p.status).toBe(404);
        expect(await fields(p)).toEqual(['path.provision']);
        const c = await get('/v1/cases/no-such-case');
        expect(c.status).toBe(404);
        expect(await fields(c)).toEqual(['path.id']);
      });

      it('400 names query.treaty, query.provision and query.resolution for zones', async () => {
        const t = await get('/v1/zones?treaty=warsaw&provision=art-4&date=1980-01-01');
        expect(t.status).toBe(400);
        expect(await fields(t)).toEqual(['query.treaty']);
        const p = await get('/v1/zones?treaty=nato&provision=art-99&date=2024-01-01');
        expect(await fields(p)).toEqual(['query.provision']);
        const fine = await get('/v1/zones?treaty=nato&provision=art-5&date=2024-01-01&resolution=0.05');
        expect(fine.status).toBe(400);
        expect(await fields(fine)).toEqual(['query.resolution']);
      });

      it('415 unsupported-media-type for a body that is not declared JSON', async () => {
        const body = JSON.stringify({ date: '2020-07-12', at: [40.93, 45.42], target: 'ARM' });
        for (const headers of [{ 'content-type': 'text/plain' }, {}] as Record<string, string>[]) {
          const r = await app.request('/v1/assessments', { method: 'POST', body, headers });
          expect(r.status).toBe(415);
          const e = (await r.json()) as ErrorJson;
          expect(e.error.code).toBe('unsupported-media-type');
          expect(e.error.issues.map((i) => i.field)).toEqual(['header.content-type']);
        }
      });

      it('500 internal for an unexpected failure, with no message, stack or path of the server', async () => {
        // A knowledge base whose map fails as a bug would: a plain Error, not a CasusError.
        const broken = {
          ...knowledge,
          get map(): never {
            throw new Error(`boom in ${join(ROOT, 'src/secret.ts')}:12`);
          },
        };
        const failing = createApp(deps({ knowledge: broken }));
        const r = await failing.request('/v1/locate?at=40.18,44.51&date=2020-07-12');
        expect(r.status).toBe(500);
        const text = await r.text();
        expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'internal error (see the server log)', issues: [] } });
        expect(text).not.toMatch(/boom|secret|\.ts|at /);
      });

      it('CORS is off by default and on for the configured origin', async () => {
        const headers = { origin: 'https://desk.example.org' };
        const off = await app.request('/v1/health', { headers });
        expect(off.headers.get('access-control-allow-origin')).toBeNull();
        const corsApp = createApp(deps({ corsOrigin: 'https://desk.example.org' }));
        const on = await corsApp.request('/v1/health', { headers });
        expect(on.headers.get('access-control-allow-origin')).toBe('https://desk.example.org');
        const preflight = await corsApp.request('/v1/assessments', { method: 'OPTIONS', headers: { ...headers, 'access-control-request-method': 'POST' } });
        expect(preflight.status).toBe(204);
      });
    });

    describe('writes and tokens', () => {
      let id = '';
      const newCase = { treaty: 'csto', title: 'Exercise', incident: { date: '2024-05-01', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM' }, note: 'staff exercise' };

      it('GET /v1/cases/{id} serves an unchanged case file from its cache, and sees an append and a record log replaced by casus record load', async () => {
        const created = (await (await post('/v1/cases', newCase, editor)).json()) as { id: string; version: number };
        const read = async (caseId: string) => (await get(`/v1/cases/${caseId}`)).text();
        const first = await read(created.id);
        expect(await read(created.id)).toBe(first);
        const event = { type: 'application-lodged', date: '2024-05-02', by: 'ARM', provision: 'art-4', request: 'help', note: 'simulated' };
        expect((await post(`/v1/cases/${created.id}/events`, { expectedVersion: 1, event }, editor)).status).toBe(201);
        const appended = JSON.parse(await read(created.id)) as { version: number; events: { type: string }[] };
        expect(appended.version).toBe(2);
        expect(appended.events.map((e) => e.type)).toEqual(['incident-recorded', 'application-lodged']);

        const recordId = 'csto-2022-armenia-jermuk';
        const before = JSON.parse(await read(recordId)) as { title: string; version: number };
        const original = await findCaseLog(opened.db, recordId);
        // The same number of events under a new title: only the events' identity says the log changed.
        await opened.db.transaction().execute((trx) => replaceRecordCaseLog(trx, recordId, { ...original, title: `${original.title} (reloaded)` }));
        const after = JSON.parse(await read(recordId)) as { title: string; version: number };
        expect(after.version).toBe(before.version);
        expect(after.title).toBe(`${before.title} (reloaded)`);
        await opened.db.transaction().execute((trx) => replaceRecordCaseLog(trx, recordId, original));
        expect((JSON.parse(await read(recordId)) as { title: string }).title).toBe(before.title);
      });

      it('refuses writes without a token (401), with an unknown token (401)', async () => {
        expect((await post('/v1/cases', newCase)).status).toBe(401);
        expect((await post('/v1/cases', newCase, 'casus_nope')).status).toBe(401);
      });

      it('answers 400 naming body.treaty, with the treaties that have a procedure, for a case file of an unknown treaty', async () => {
        const r = await post('/v1/cases', { ...newCase, treaty: 'warsaw' }, editor);
        expect(r.status).toBe(400);
        const text = await r.text();
        expect(text).not.toContain(PACKAGE_ROOT);
        expect(text).not.toMatch(/\.yaml/);
        const e = JSON.parse(text) as ErrorJson;
        expect(e.error.code).toBe('invalid-input');
        expect(e.error.issues).toEqual([expect.objectContaining({ field: 'body.treaty', expected: 'anzus, csto, eu-tue-42-7, nato, rio, rus-arm-1997, rus-prk-2024, us-japan, us-philippines' })]);
      });

      it('creates a case file with an editor token and appends at the expected version; a stale version is a 409 naming body.expectedVersion', async () => {
        const r = await post('/v1/cases', newCase, editor);
        expect(r.status).toBe(201);
        const file = (await r.json()) as { id: string; version: number };
        id = file.id;
        expect(file.version).toBe(1);
        const event = { type: 'application-lodged', date: '2024-05-01', by: 'ARM', provision: 'art-4', request: 'help', note: 'simulated' };
        const stranger = await post(`/v1/cases/${id}/events`, { expectedVersion: 1, event: { type: 'application-lodged', date: '2024-05-01', by: 'USA', provision: 'art-99', request: 'help', note: 'n' } }, editor);
        expect(stranger.status).toBe(400);
        expect(await fields(stranger)).toEqual(expect.arrayContaining(['body.event.provision', 'body.event.by[0]']));
        const ok = await post(`/v1/cases/${id}/events`, { expectedVersion: 1, event }, editor);
        expect(ok.status).toBe(201);
        expect(((await ok.json()) as { version: number }).version).toBe(2);
        const stale = await post(`/v1/cases/${id}/events`, { expectedVersion: 1, event }, editor);
        expect(stale.status).toBe(409);
        const se = (await stale.json()) as ErrorJson;
        expect(se.error.issues.map((i) => i.field)).toEqual(['body.expectedVersion']);
        expect(se.error.details).toEqual({ currentVersion: 2, expectedVersion: 1 });
        expect(se.error.message).toMatch(/another writer appended first/);
        const ahead = await post(`/v1/cases/${id}/events`, { expectedVersion: 7, event }, editor);
        expect(ahead.status).toBe(409);
        const ae = (await ahead.json()) as ErrorJson;
        expect(ae.error.details).toEqual({ currentVersion: 2, expectedVersion: 7 });
        expect(ae.error.message).toMatch(/version 7 does not exist yet/);
        expect(ae.error.message).not.toMatch(/appended first/);
        const refused = await post(`/v1/cases/${id}/events`, { expectedVersion: 2, event: { type: 'assistance-provided', date: '2024-05-02', kind: 'military', note: 'n' } }, editor);
        expect(refused.status).toBe(400);
        const re = (await refused.json()) as ErrorJson;
        expect(re.error.message).toMatch(/not allowed in state/);
        expect(re.error.issues.map((i) => i.field)).toEqual(['body.event.type']);
        const bad = await post(`/v1/cases/${id}/events`, { expectedVersion: 2, event: { type: 'closed', date: '2024-13-01', reason: 'x', note: 'n' } }, editor);
        expect(((await bad.json()) as ErrorJson).error.issues[0]!.field).toMatch(/^body\.event\.date/);
        expect(((await (await get(`/v1/cases/${id}`)).json()) as { version: number }).version).toBe(2);
        const missing = await post('/v1/cases/no-such-case/events', { expectedVersion: 1, event }, editor);
        expect(missing.status).toBe(404);
        expect(await fields(missing)).toEqual(['path.id']);
      });

      it('loses no event when writers race: one wins each version, the others get 409', async () => {
        const event = (n: number) => ({ type: 'consultations-convened', date: '2024-05-02', body: `Council ${n}`, note: 'simulated' });
        const results = await Promise.all([0, 1, 2, 3].map(async (n) => post(`/v1/cases/${id}/events`, { expectedVersion: 2, event: event(n) }, editor)));
        expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
        expect(((await (await get(`/v1/cases/${id}`)).json()) as { version: number }).version).toBe(3);
      });

      it('lets only admins manage tokens (403 for an editor); an admin lists them without secrets', async () => {
        expect((await get('/v1/tokens', editor)).status).toBe(403);
        expect((await get('/v1/tokens')).status).toBe(401);
        const created = await post('/v1/tokens', { role: 'editor' }, admin);
        expect(created.status).toBe(201);
        const { id: tokenId, token } = (await created.json()) as { id: string; token: string };
        const listed = await get('/v1/tokens', admin);
        expect(listed.status).toBe(200);
        const listText = await listed.text();
        expect(listText).not.toContain(token);
        const { tokens } = JSON.parse(listText) as { tokens: { id: string; role: string }[] };
        expect(tokens).toEqual(expect.arrayContaining([expect.objectContaining({ id: tokenId, role: 'editor' })]));
        expect((await post('/v1/cases', newCase, token)).status).toBe(201);
        expect((await app.request(`/v1/tokens/${tokenId}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } })).status).toBe(200);
        expect((await post('/v1/cases', newCase, token)).status).toBe(401);
      });

      it('creates, lists and revokes tokens with the CLI, against the same database', async () => {
        const created = cli(['token', 'create', '--role', 'editor', '--json'], opened.env);
        expect(created.code, created.stderr).toBe(0);
        const { id: tokenId, token, role } = JSON.parse(created.stdout) as { id: string; token: string; role: string };
        expect(role).toBe('editor');
        expect((await post('/v1/cases', newCase, token)).status).toBe(201);
        const listed = cli(['token', 'list', '--json'], opened.env);
        expect(listed.code, listed.stderr).toBe(0);
        expect(listed.stdout).not.toContain(token);
        expect((JSON.parse(listed.stdout) as { id: string }[]).map((t) => t.id)).toContain(tokenId);
        const revoked = cli(['token', 'revoke', tokenId], opened.env);
        expect(revoked.code, revoked.stderr).toBe(0);
        expect((await post('/v1/cases', newCase, token)).status).toBe(401);
      }, 90_000);

      it('rate-limits per token (429) and, off loopback, needs a token for every read, POST /v1/assessments included', async () => {
        const incident = { date: '2020-07-12', at: [40.93, 45.42], attacker: 'AZE', target: 'ARM' };
        expect((await get('/v1/treaties', undefined, limited)).status).toBe(401);
        expect((await post('/v1/assessments', incident, undefined, limited)).status).toBe(401);
        expect((await get('/v1/zones?treaty=nato&provision=art-5&date=2024-01-01', undefined, limited)).status).toBe(401);
        expect((await get('/v1/health', undefined, limited)).status).toBe(200);
        expect((await get('/openapi.json', undefined, limited)).status).toBe(200);
        expect((await get('/v1/treaties', editor, limited)).status).toBe(200);
        expect((await post('/v1/assessments', incident, editor, limited)).status).toBe(200);
        const third = await get('/v1/treaties', editor, limited);
        expect(third.status).toBe(429);
        expect(third.headers.get('retry-after')).toBeTruthy();
      });
    });
  });
}
