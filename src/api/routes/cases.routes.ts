/**
 * @module cases.routes
 * Case files over HTTP (list, show, create, append with the expected version: a lost race is a 409),
 * the shipped record, the reliability report, and token management.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { caseFileJson, parseCaseEvent, replayCaseOrThrow, type CaseFile, type CaseIncident, type Procedure } from '../../domain/casefile/index.js';
import { caseVersion } from '../../domain/casefile/index.js';
import { CasusError, type Issue } from '../../domain/errors.js';
import { loadProcedure, reliabilityReport, treatiesWithProcedure } from '../../knowledge/record/index.js';
import { appendEvent, createCaseFile, createToken, findCaseLog, findCaseStamp, listCaseLogs, listTokens, revokeToken } from '../../storage/index.js';
import type { ApiDeps, ApiEnv } from '../api-context.js';
import { requireRole } from '../auth.js';
import { anyObject, bodyErrors, caseCreateRequest, casesQuery, commonErrors, errorSchema, eventAppendRequest, idParam, jsonResponse, reliabilityQuery } from '../schemas.js';

const json = jsonResponse;
const errors = { ...commonErrors, 404: json(errorSchema, 'Not found (the issue names path.id)') };
const roleErrors = { ...errors, 403: json(errorSchema, 'The token\'s role does not allow this') };
const writeErrors = { ...roleErrors, ...bodyErrors };
const bearer = [{ bearerAuth: [] }];

function issuesError(issues: readonly Issue[], prefix: string[]): CasusError {
  const first = issues[0];
  return new CasusError('invalid-input', first ? `${[...prefix, ...first.path].join('.')}: ${first.message}` : 'invalid input', {
    issues: issues.map((i) => ({ ...i, path: [...prefix, ...i.path] })),
  });
}

/**
 * A refused append with its fields under `body.event` (`body.event.by[0]`); a refusal of the event
 * itself in the current state names `body.event.type`.
 */
function eventRefusal(error: CasusError): CasusError {
  const issues: Issue[] =
    error.issues.length > 0
      ? error.issues.map((i) => ({ ...i, path: ['body', 'event', ...i.path] }))
      : [{ code: 'invalid-input', path: ['body', 'event', 'type'], message: error.message }];
  return new CasusError('invalid-input', error.message, { issues, details: { ...error.details }, cause: error });
}

/** A 409 naming `body.expectedVersion`, with the current version to retry from in `details`. */
function conflictError(id: string, expected: number, current: number): CasusError {
  const message =
    expected > current
      ? `body.expectedVersion: case file ${id} is at version ${current}; version ${expected} does not exist yet. Reload it (GET /v1/cases/${id}) and send expectedVersion ${current}`
      : `body.expectedVersion: case file ${id} is at version ${current}, not ${expected}: another writer appended first. Reload it (GET /v1/cases/${id}) and retry`;
  return new CasusError('conflict', message, {
    issues: [{ code: 'conflict', path: ['body', 'expectedVersion'], message: `the case file is at version ${current}`, expected: String(current), received: String(expected) }],
    details: { currentVersion: current, expectedVersion: expected },
  });
}

/** Registers the case-file routes. */
export function caseRoutes(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  let withProcedure: readonly string[] | undefined;
  // A case file needs its treaty's procedure: name the field and the choices, never the file looked for.
  const requireProcedure = (treaty: string): void => {
    withProcedure ??= treatiesWithProcedure(deps.treatiesDir);
    if (withProcedure.includes(treaty)) return;
    const choices = withProcedure.join(', ');
    throw new CasusError('invalid-input', `body.treaty: expected a treaty that declares a case-file procedure (${choices}); got "${treaty}"`, {
      issues: [{ code: 'invalid-input', path: ['body', 'treaty'], message: `no case-file procedure for treaty "${treaty}"`, expected: choices, received: treaty }],
    });
  };
  const findLog = async (id: string) => {
    try {
      return await findCaseLog(deps.db, id);
    } catch (error) {
      if (error instanceof CasusError && error.code === 'not-found')
        throw new CasusError('not-found', `path.id: no case file "${id}" (GET /v1/cases lists them)`, { issues: [{ code: 'not-found', path: ['path', 'id'], message: `no case file "${id}"`, received: id }] });
      throw error;
    }
  };
  const procedures = new Map<string, Procedure>();
  const procedureOf = (treaty: string): Procedure => {
    let p = procedures.get(treaty);
    if (!p) procedures.set(treaty, (p = loadProcedure(treaty, deps.treatiesDir)));
    return p;
  };
  const show = (file: CaseFile) => caseFileJson(file, deps.assess);
  // GET /v1/cases/{id}: the answer text per case file, kept while the log's stamp (version and last
  // event uid) is unchanged; an append or a replaced record log changes the stamp. Replaying and
  // assessing a 950-event log took ~14 ms; checking the stamp is one indexed read.
  // Kept as UTF-8 bytes: a long case file's answer is hundreds of kilobytes, and bytes go to the
  // socket as they are where text is encoded again on every read.
  const caseAnswers = new Map<string, { stamp: string; bytes: Uint8Array<ArrayBuffer> }>();
  const utf8 = new TextEncoder();
  const MAX_CACHED_CASES = 512;
  const summary = (file: CaseFile) => ({
    id: file.id,
    treaty: file.treaty,
    title: file.title,
    origin: file.origin,
    incidentDate: file.incident.date,
    version: caseVersion(file),
    state: file.state,
  });
  const load = async (treaty: string | undefined, origin: 'record' | 'user' | 'all' | undefined) => {
    const logs = await listCaseLogs(deps.db, { treaty, origin: origin === undefined || origin === 'all' ? undefined : origin });
    return logs.map((log) => replayCaseOrThrow(log, procedureOf(log.treaty)));
  };

  app.openapi(
    createRoute({ operationId: 'listCases', method: 'get', path: '/v1/cases', summary: 'Case files (record and user)', request: { query: casesQuery }, responses: { 200: json(anyObject, '{ cases: [...] }'), ...errors } }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json({ cases: (await load(q.treaty, q.origin ?? 'all')).map(summary) }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'getRecord', method: 'get', path: '/v1/record', summary: 'The shipped historical record (case files loaded from data/record)', request: { query: z.object({ treaty: z.string().optional() }).strict() }, responses: { 200: json(anyObject, '{ cases: [...] }'), ...errors } }),
    async (c) => c.json({ cases: (await load(c.req.valid('query').treaty, 'record')).map(show) }, 200),
  );

  app.openapi(
    createRoute({ operationId: 'getCase', method: 'get', path: '/v1/cases/{id}', summary: 'One case file: log, state, latencies, compliance, verdict', request: { params: idParam }, responses: { 200: json(anyObject, 'The case file'), ...errors } }),
    async (c) => {
      const id = c.req.valid('param').id;
      const stamp = await findCaseStamp(deps.db, id);
      const cached = stamp === undefined ? undefined : caseAnswers.get(id);
      if (cached && cached.stamp === stamp) return c.body(cached.bytes, 200, { 'content-type': 'application/json' }) as never;
      const log = await findLog(id);
      const bytes = utf8.encode(JSON.stringify(show(replayCaseOrThrow(log, procedureOf(log.treaty)))));
      // The stamp read before the log: if a write landed in between, the next read misses and refreshes.
      if (stamp !== undefined) {
        if (caseAnswers.size >= MAX_CACHED_CASES && !caseAnswers.has(id)) caseAnswers.delete(caseAnswers.keys().next().value!);
        caseAnswers.set(id, { stamp, bytes });
      }
      return c.body(bytes, 200, { 'content-type': 'application/json' }) as never;
    },
  );

  const editor = requireRole('editor');
  const postNeedsEditor: MiddlewareHandler<ApiEnv> = async (c, next) => {
    if (c.req.method === 'POST') return editor(c, next);
    await next();
    return undefined;
  };
  app.use('/v1/cases', postNeedsEditor);
  app.openapi(
    createRoute({
      operationId: 'createCase', method: 'post',
      path: '/v1/cases',
      summary: 'Open a case file (its first event, incident-recorded, is written for you)',
      security: bearer,
      request: { body: { content: { 'application/json': { schema: caseCreateRequest } }, required: true } },
      responses: { 201: json(anyObject, 'The new case file'), ...writeErrors },
    }),
    async (c) => {
      const body = c.req.valid('json');
      requireProcedure(body.treaty);
      const procedure = procedureOf(body.treaty);
      const first = parseCaseEvent({ type: 'incident-recorded', date: body.incident.date, ...(body.sources ? { sources: body.sources } : {}), ...(body.note ? { note: body.note } : {}) }, 'user');
      if (!first.ok) throw issuesError(first.issues, ['body']);
      const incident = Object.fromEntries(Object.entries(body.incident).filter(([, v]) => v !== undefined)) as unknown as CaseIncident;
      const file = await createCaseFile(deps.db, { treaty: body.treaty, title: body.title, incident, origin: 'user', events: [first.event] }, procedure);
      return c.json(show(file), 201);
    },
  );

  app.use('/v1/cases/:id/events', requireRole('editor'));
  app.openapi(
    createRoute({
      operationId: 'appendCaseEvent', method: 'post',
      path: '/v1/cases/{id}/events',
      summary: 'Append an event at the expected version (409 with the current version when the case file is elsewhere)',
      security: bearer,
      request: { params: idParam, body: { content: { 'application/json': { schema: eventAppendRequest } }, required: true } },
      responses: {
        201: json(anyObject, 'The case file after the event'),
        ...writeErrors,
        409: json(errorSchema, 'Conflict (body.expectedVersion): the case file is at error.details.currentVersion; reload it and retry'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const parsed = parseCaseEvent(body.event, 'user');
      if (!parsed.ok) throw issuesError(parsed.issues, ['body', 'event']);
      const log = await findLog(id);
      try {
        const file = await appendEvent(deps.db, id, body.expectedVersion, parsed.event, procedureOf(log.treaty));
        return c.json(show(file), 201);
      } catch (error) {
        if (error instanceof CasusError && error.code === 'invalid-input') throw eventRefusal(error);
        if (!(error instanceof CasusError && error.code === 'conflict')) throw error;
        const current = typeof error.details.version === 'number' ? error.details.version : caseVersion(await findLog(id));
        throw conflictError(id, body.expectedVersion, current);
      }
    },
  );

  app.openapi(
    createRoute({ operationId: 'getReliability', method: 'get', path: '/v1/reliability', summary: 'How alliances honoured their obligations, per alliance and per case', request: { query: reliabilityQuery }, responses: { 200: json(anyObject, 'The reliability report'), ...errors } }),
    async (c) => {
      const q = c.req.valid('query');
      const report = await reliabilityReport(deps.db, { treaty: q.treaty, origin: q.origin ?? 'record', treatiesDir: deps.treatiesDir, assess: deps.assess, treatyField: 'query.treaty' });
      return c.json(report as unknown as Record<string, unknown>, 200);
    },
  );

  app.use('/v1/tokens', requireRole('admin'));
  app.use('/v1/tokens/*', requireRole('admin'));
  app.openapi(
    createRoute({ operationId: 'listTokens', method: 'get', path: '/v1/tokens', summary: 'API tokens (no secrets); admin only', security: bearer, responses: { 200: json(anyObject, '{ tokens: [...] }'), ...roleErrors } }),
    async (c) => c.json({ tokens: await listTokens(deps.db) }, 200),
  );
  app.openapi(
    createRoute({
      operationId: 'createToken', method: 'post',
      path: '/v1/tokens',
      summary: 'Create a token (its secret is shown once); admin only',
      security: bearer,
      request: { body: { content: { 'application/json': { schema: z.object({ role: z.enum(['editor', 'admin']) }).strict() } }, required: true } },
      responses: { 201: json(anyObject, '{ id, role, token }'), ...writeErrors },
    }),
    async (c) => {
      const { role } = c.req.valid('json');
      const created = await createToken(deps.db, role);
      return c.json({ id: created.id, role, token: created.token }, 201);
    },
  );
  app.openapi(
    createRoute({ operationId: 'revokeToken', method: 'delete', path: '/v1/tokens/{id}', summary: 'Revoke a token; admin only', security: bearer, request: { params: idParam }, responses: { 200: json(anyObject, '{ revoked }'), ...roleErrors } }),
    async (c) => {
      const { id } = c.req.valid('param');
      await revokeToken(deps.db, id);
      return c.json({ revoked: id }, 200);
    },
  );
}
