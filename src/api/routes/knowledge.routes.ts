/**
 * @module knowledge.routes
 * The knowledge base over HTTP: health, treaties and their provisions, locate, assessments, zones.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { locate } from '../../domain/territory/index.js';
import type { Treaty } from '../../domain/treaty/index.js';
import type { ApiDeps, ApiEnv } from '../api-context.js';
import { errorResponse } from '../api-error.js';
import { assessmentOf, busyAssessments } from '../assessment-request.js';
import { findProvision, findTreaty } from './treaty-lookup.js';
import {
  anyObject,
  assessmentAnswer,
  assessmentQuery,
  assessmentSummaryAnswer,
  assessmentRequest,
  bodyErrors,
  commonErrors,
  DEFAULT_RESOLUTION,
  errorSchema,
  idParam,
  jsonResponse,
  locateAnswer,
  locateQuery,
  provisionParams,
  zonesQuery,
} from '../schemas.js';

const json = jsonResponse;
const errors = { ...commonErrors, 404: json(errorSchema, 'Not found (the issue names path.id or path.provision)') };

/** A treaty without its compiled conditions (functions do not serialise). */
function treatyJson(t: Treaty, withText: boolean): Record<string, unknown> {
  return {
    id: t.id,
    name: t.name,
    short: t.short,
    signed: t.signed,
    inForce: t.inForce,
    sources: t.sources,
    parties: t.parties,
    provisions: t.provisions.map((p) => provisionJson(p, withText)),
  };
}

function provisionJson(p: Treaty['provisions'][number], withText: boolean): Record<string, unknown> {
  return {
    id: p.id,
    article: p.article,
    title: p.title,
    kind: p.kind,
    defaultReading: p.defaultReading,
    versions: p.versions.map((v) => ({
      from: v.from,
      to: v.to ?? null,
      label: v.label ?? null,
      ...(withText ? { text: v.text, language: v.language, translation: v.translation, source: v.source } : {}),
      conditions: v.conditions.map((c) => ({ id: c.id, words: c.words, expr: c.expr, ...(c.unknownIf ? { unknownIf: c.unknownIf } : {}), reasons: c.reasons })),
      obligation: v.obligation ?? null,
      obliges: v.obliges,
      prerequisites: v.prerequisites,
    })),
  };
}

/** Registers the knowledge routes. */
export function knowledgeRoutes(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const { knowledge } = deps;
  const treatyById = (id: string) => findTreaty(knowledge.treaties, id, { part: 'path', name: 'id' });

  app.openapi(
    createRoute({ method: 'get', operationId: 'health', path: '/v1/health', summary: 'Liveness and what is loaded', responses: { 200: json(anyObject, 'Healthy'), 500: commonErrors[500] } }),
    (c) => c.json({ status: 'ok', version: deps.version, database: deps.dbKind, treaties: knowledge.treaties.map((t) => t.id), files: knowledge.files }, 200),
  );

  app.openapi(
    createRoute({ method: 'get', operationId: 'listTreaties', path: '/v1/treaties', summary: 'The encoded treaties', responses: { 200: json(anyObject, 'Treaties with their provisions'), ...commonErrors } }),
    (c) => c.json({ treaties: knowledge.treaties.map((t) => treatyJson(t, false)) }, 200),
  );

  app.openapi(
    createRoute({ method: 'get', operationId: 'getTreaty', path: '/v1/treaties/{id}', summary: 'One treaty: dated parties, provisions, texts', request: { params: idParam }, responses: { 200: json(anyObject, 'The treaty'), ...errors } }),
    (c) => c.json(treatyJson(treatyById(c.req.valid('param').id), true), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getProvision', path: '/v1/treaties/{id}/provisions/{provision}',
      summary: 'One provision: its text per version, with sources and conditions',
      request: { params: provisionParams },
      responses: { 200: json(anyObject, 'The provision'), ...errors },
    }),
    (c) => {
      const { id, provision } = c.req.valid('param');
      const t = treatyById(id);
      const p = findProvision(t, provision, { part: 'path', name: 'provision' });
      return c.json({ treaty: t.id, ...provisionJson(p, true) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'locate', path: '/v1/locate',
      summary: 'Where a point lies on a date, per reading (the location object of docs/json.md)',
      request: { query: locateQuery },
      responses: { 200: json(locateAnswer, 'The location object (docs/json.md), with the point and date asked about'), ...commonErrors },
    }),
    (c) => {
      const q = c.req.valid('query');
      const date = q.date ?? new Date().toISOString().slice(0, 10);
      return c.json({ at: q.at, date, ...locate(knowledge.map, q.at[0], q.at[1], date) } as unknown as Record<string, unknown>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'assessIncident', path: '/v1/assessments',
      summary: 'Assess an incident against the treaties (the same object as casus assess --json)',
      request: { query: assessmentQuery, body: { content: { 'application/json': { schema: assessmentRequest } }, required: true } },
      responses: {
        200: json(z.union([assessmentAnswer, assessmentSummaryAnswer]), 'The answer object (docs/json.md): { incident, location, findings, summary }; with ?view=summary, { incident, location, summary }'),
        ...commonErrors,
        ...bodyErrors,
        422: json(errorSchema, 'No text of a provision is in force on the date'),
        503: json(errorSchema, 'Busy: too many assessments are running or waiting; retry after the retry-after header'),
      },
    }),
    async (c) => {
      const answer = await deps.assessments.assess(assessmentOf(c.req.valid('json'), c.req.valid('query').view ?? 'full', knowledge));
      if (answer.kind === 'busy') {
        c.header('retry-after', '1');
        return c.json(busyAssessments(answer.pending), 503);
      }
      // The worker already wrote the JSON (the same text c.json would write).
      return c.body(answer.json, 200, { 'content-type': 'application/json' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      operationId: 'getZones', path: '/v1/zones',
      summary: 'GeoJSON of where an armed attack on a party\'s territory would trigger a provision',
      description: 'Computed off the main thread and cached per query; 503 with retry-after when too many distinct zone maps are already being computed.',
      request: { query: zonesQuery },
      responses: { 200: json(anyObject, 'A GeoJSON FeatureCollection'), ...commonErrors, 503: json(errorSchema, 'Busy: too many zone maps are being computed; retry later') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const t = findTreaty(knowledge.treaties, q.treaty, { part: 'query', name: 'treaty' });
      const p = findProvision(t, q.provision, { part: 'query', name: 'provision' });
      const answer = await deps.zones.zones({ treaty: t.id, provision: p.id, date: q.date, reading: q.reading ?? p.defaultReading, cellDeg: q.resolution ?? DEFAULT_RESOLUTION, attacker: q.attacker });
      if (answer.kind === 'busy') {
        c.header('retry-after', '5');
        return errorResponse(c, 'busy', `zones: ${answer.pending} zone maps are being computed; retry in a few seconds (answers are cached once computed)`, [{ field: 'query', message: 'server busy' }]) as never;
      }
      c.header('x-casus-cache', answer.cached ? 'hit' : 'miss');
      return c.body(answer.json, 200, { 'content-type': 'application/json' }) as never;
    },
  );
}
