/**
 * @module assessment-direct.test
 * POST /v1/assessments answered before the router (assessment-direct) gives the same status, type and
 * bytes as the router does for the same request, good and bad bodies alike; answers written from
 * shared memory stay each request's own when many are in flight; a body asked again is answered
 * from the cache with the same bytes. The router is reached with the same body sent chunked (no
 * declared length), which the direct path leaves to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { assessmentJson } from '../../src/api/assessments-service.js';
import { parseAssessment } from '../../src/api/assessment-request.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { incidentAt } from '../../bench/incidents.js';

const dir = mkdtempSync(join(tmpdir(), 'casus-direct-'));
let server: RunningServer;
beforeAll(async () => {
  process.env.CASUS_DB = join(dir, 'direct.db');
  server = await startServer({ host: '127.0.0.1', port: 0, rateLimitPerMinute: 0, anonymousRateLimitPerMinute: 0, bodyLimitBytes: 64 * 1024, logLevel: 'warn', version: 'test', assessmentWorkers: 1 });
}, 120_000);
afterAll(async () => {
  await server.close();
  delete process.env.CASUS_DB;
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  readonly status: number;
  readonly type: string | null;
  readonly text: string;
}

async function post(body: string, query = '', routed = false, contentType = 'application/json'): Promise<Answer> {
  const bytes = new TextEncoder().encode(body);
  // A stream body has no declared length: it is sent chunked, so the direct path hands it to the router.
  const sent = routed ? new ReadableStream({ start: (c) => (c.enqueue(bytes), c.close()) }) : bytes;
  const r = await fetch(`${server.url}/v1/assessments${query}`, { method: 'POST', headers: { 'content-type': contentType }, body: sent, ...(routed ? { duplex: 'half' } : {}) });
  return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
}

const VALID = JSON.stringify({ date: '2022-09-13', at: [39.84, 45.67], attacker: 'AZE', target: 'ARM' });
const BODIES: readonly [string, string, string?][] = [
  ['a full answer', VALID],
  ['the summary view', VALID, '?view=summary'],
  ['view=full', VALID, '?view=full'],
  ['one treaty and one reading', JSON.stringify({ date: '2020-10-01', at: [39.8, 46.75], attacker: 'AZE', target: 'ARM', treaty: 'csto', reading: 'claimed' })],
  ['a byte order mark', `\ufeff${VALID}`],
  ['non-ASCII text', JSON.stringify({ date: '2022-09-13', attacker: 'Երևան', target: 'ARM' })],
  ['malformed JSON', '{"date": '],
  ['an empty body', ''],
  ['a missing date', '{}'],
  ['an unknown field', JSON.stringify({ date: '2022-09-13', colour: 'red' })],
  ['a latitude out of range', JSON.stringify({ date: '2022-09-13', at: [100, 0] })],
  ['a date before 1945', JSON.stringify({ date: '1939-09-01', target: 'POL' })],
  ['an unknown treaty', JSON.stringify({ date: '2022-09-13', treaty: 'warsaw-pact' })],
  ['a JSON array', '[1, 2]'],
  ['a body of 40 KB, read in several chunks', `${' '.repeat(40_000)}${VALID}`],
];

describe('POST /v1/assessments before the router', () => {
  it.each(BODIES)('answers %s as the router does', async (_, body, query = '') => {
    const direct = await post(body, query);
    const routed = await post(body, query, true);
    expect(direct).toEqual(routed);
    expect(direct.type).toBe('application/json');
  }, 30_000);

  it('leaves other media types, queries and methods to the router', async () => {
    expect((await post(VALID, '', false, 'text/plain')).status).toBe(415);
    expect((await post(VALID, '?view=tiny')).status).toBe(400);
    expect((await fetch(`${server.url}/v1/assessments`)).status).toBe(404);
  }, 30_000);

  it('keeps each answer its own with many in flight, and answers a repeated body from the cache with the same bytes', async () => {
    const knowledge = loadKnowledge();
    const bodies = Array.from({ length: 120 }, (_, i) => JSON.stringify(incidentAt(i)));
    const expected = bodies.map((b) => assessmentJson(parseAssessment({ bytes: Buffer.from(b).toString('latin1'), view: 'full' }, knowledge), knowledge));
    for (let round = 0; round < 3; round++) {
      // Rounds 2 and 3 are cache hits for every body; round 1 writes them all from shared slots.
      const answers = await Promise.all(bodies.map((b) => post(b)));
      expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 200));
      answers.forEach((a, i) => expect(a.text === expected[i], `answer ${i} in round ${round + 1}`).toBe(true));
    }
  }, 60_000);
});
