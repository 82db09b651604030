/**
 * @module extract.routes
 * POST /v1/extract: a report's text in, draft incidents out (docs/extraction.md).
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { checkReportText } from '../../domain/extraction/index.js';
import { READINGS, type Reading } from '../../domain/territory/index.js';
import { extractReport } from '../../knowledge/index.js';
import type { ApiDeps, ApiEnv } from '../api-context.js';
import { extractAnswer, extractRequest } from '../extract-schemas.js';
import { bodyErrors, commonErrors, jsonResponse } from '../schemas.js';
import { treatiesRequested } from './treaty-lookup.js';

/** Registers POST /v1/extract. */
export function extractRoutes(app: OpenAPIHono<ApiEnv>, deps: ApiDeps): void {
  app.openapi(
    createRoute({
      method: 'post',
      operationId: 'extractDrafts',
      path: '/v1/extract',
      summary: 'Read draft incidents in a news report: who, where, when and what, each with the quoted words it came from',
      request: { body: { content: { 'application/json': { schema: extractRequest } }, required: true } },
      responses: { 200: jsonResponse(extractAnswer, 'The drafts (the same object as casus extract --json)'), ...commonErrors, ...bodyErrors },
    }),
    (c) => {
      const { text, date, assess, treaty, reading } = c.req.valid('json');
      checkReportText(text, 'body.text');
      const treaties = treatiesRequested(deps.knowledge.treaties, treaty);
      const readings: readonly Reading[] = reading === undefined || reading === 'all' ? READINGS : [reading];
      const result = extractReport(text, {
        ...(date !== undefined ? { reportDate: date } : {}),
        assess: assess === true ? { ...(treaties ? { treaties } : {}), readings } : false,
        knowledge: deps.knowledge,
      });
      return c.json(result as never, 200);
    },
  );
}
