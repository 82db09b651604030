/**
 * @module datasets.routes
 * Imported datasets over HTTP (`casus import` stores them): the list, one dataset with its summary, and
 * its findings — event × provision, triggered or undetermined under some reading, with the status under
 * each reading — paged and filtered by treaty, provision, status, reading and date.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CasusError } from '../../domain/errors.js';
import { isIsoDate } from '../../domain/dates/index.js';
import { READINGS } from '../../domain/territory/index.js';
import { findDataset, listDatasetFindings, listDatasets, type Dataset } from '../../storage/index.js';
import type { ApiDeps, ApiEnv } from '../api-context.js';
import { anyObject, commonErrors, errorSchema, idParam, jsonResponse } from '../schemas.js';

const json = jsonResponse;
const errors = { ...commonErrors, 404: json(errorSchema, 'Not found (the issue names path.id)') };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').refine(isIsoDate, 'expected a date YYYY-MM-DD');

/** GET /v1/datasets/{id}/findings */
export const datasetFindingsQuery = z
  .object({
    treaty: z.string().min(1).optional(),
    provision: z.string().regex(/^art-[1-9][0-9]*$/, 'expected art-N').optional(),
    status: z.enum(['triggered', 'undetermined']).optional().describe('with reading: the status under that reading; alone: under any reading (findings not triggered under any reading are counted in the summary, not stored one by one)'),
    reading: z.enum(READINGS).optional().describe('alone: triggered or undetermined under this reading'),
    from: day.optional().describe('events on or after this date'),
    to: day.optional().describe('events on or before this date'),
    offset: z.coerce.number().int().min(0).optional().describe('findings to skip (default 0)'),
    limit: z.coerce.number().int().min(1).max(1000).optional().describe('findings per page, 1 to 1000 (default 100)'),
  })
  .strict();

const datasetSummary = z.object({
  id: z.string(),
  name: z.string(),
  format: z.string().describe('acled, ucdp-ged or csv'),
  source: z.string().describe('the imported file\'s name'),
  status: z.enum(['running', 'complete']),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  rows: z.number().int().describe('rows read (assessed and rejected)'),
});

const datasetFinding = z.object({
  line: z.number().int().describe('the line of the event in the imported file'),
  eventId: z.string(),
  date: z.string(),
  at: z.array(z.number()).meta({ minItems: 2, maxItems: 2, description: '[latitude, longitude]' }),
  attacker: z.string().nullable(),
  target: z.string().nullable(),
  kind: z.string(),
  against: z.string(),
  treaty: z.string(),
  provision: z.string(),
  statuses: z
    .object(Object.fromEntries(READINGS.map((r) => [r, z.enum(['triggered', 'undetermined', 'not-triggered']).optional()])))
    .describe('the status under each reading assessed'),
  readingsDisagree: z.boolean().describe('whether the readings gave different statuses'),
});

const listAnswer = z.object({ datasets: z.array(datasetSummary) });
const oneAnswer = datasetSummary.extend({ summary: anyObject.nullable().describe('the import summary (docs/import.md): rows, rejects by reason, events per treaty × provision × reading × status, events where readings disagree') });
const findingsAnswer = z.object({ findings: z.array(datasetFinding), offset: z.number().int(), limit: z.number().int(), next: z.number().int().nullable().describe('the offset of the next page, or null') });

const brief = (d: Dataset) => ({ id: d.id, name: d.name, format: d.format, source: d.source, status: d.status, createdAt: d.createdAt, completedAt: d.completedAt, rows: d.rows });

/** Registers the dataset routes. */
export function datasetRoutes(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  const find = async (id: string) => {
    try {
      return await findDataset(deps.db, id);
    } catch (error) {
      if (error instanceof CasusError && error.code === 'not-found')
        throw new CasusError('not-found', `path.id: no dataset "${id}" (GET /v1/datasets lists them)`, { issues: [{ code: 'not-found', path: ['path', 'id'], message: `no dataset "${id}"`, received: id }] });
      throw error;
    }
  };

  app.openapi(
    createRoute({ operationId: 'listDatasets', method: 'get', path: '/v1/datasets', summary: 'Imported datasets (casus import), newest first', responses: { 200: json(listAnswer, '{ datasets: [...] }'), ...commonErrors } }),
    async (c) => c.json({ datasets: (await listDatasets(deps.db)).map(brief) }, 200),
  );

  app.openapi(
    createRoute({ operationId: 'getDataset', method: 'get', path: '/v1/datasets/{id}', summary: 'One imported dataset with its summary', request: { params: idParam }, responses: { 200: json(oneAnswer, 'The dataset'), ...errors } }),
    async (c) => {
      const d = await find(c.req.valid('param').id);
      return c.json({ ...brief(d), summary: (d.summary ?? null) as Record<string, unknown> | null }, 200);
    },
  );

  app.openapi(
    createRoute({
      operationId: 'listDatasetFindings',
      method: 'get',
      path: '/v1/datasets/{id}/findings',
      summary: 'A dataset\'s findings (event × provision, triggered or undetermined under some reading, with the status per reading), in file order, paged and filtered',
      request: { params: idParam, query: datasetFindingsQuery },
      responses: { 200: json(findingsAnswer, 'A page of findings'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      await find(id);
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 100;
      const page = await listDatasetFindings(deps.db, id, { ...q, offset, limit });
      return c.json({ findings: page.findings.map((f) => ({ ...f, at: [...f.at] })), offset, limit, next: page.more ? offset + limit : null }, 200);
    },
  );
}
