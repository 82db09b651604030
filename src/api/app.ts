/**
 * @module app
 * The Casus HTTP API: Hono with @hono/zod-openapi, so the schemas that validate requests are the ones
 * that generate /openapi.json; interactive docs at /docs (Swagger UI served from the package, nothing
 * from a CDN). Every error is JSON naming the field; no stack trace leaves the server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { ApiDeps, ApiEnv } from './api-context.js';
import { errorResponse, respondError, zodIssues, type ApiErrorCode } from './api-error.js';
import { limitBody } from './body-limit.js';
import { tokenMiddleware } from './auth.js';
import { caseRoutes } from './routes/cases.routes.js';
import { datasetRoutes } from './routes/datasets.routes.js';
import { extractRoutes } from './routes/extract.routes.js';
import { knowledgeRoutes } from './routes/knowledge.routes.js';
import { mapRoutes } from './routes/map.routes.js';
import { webApp } from './web-app.js';

const require = createRequire(import.meta.url);

/** The OpenAPI document's header. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Casus API',
    version: '1',
    description: 'Collective-defence treaties as code: locate incidents, assess them against treaty provisions per reading of territory, and keep the procedure as case files. Reads are open on loopback; writes need a bearer token (casus token create).',
  },
} as const;

/** Builds the app. `log` receives one line per request. */
export function createApp(deps: ApiDeps, log?: Logger): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const part = { json: 'body', query: 'query', param: 'path', header: 'header' }[(result as { target?: string }).target ?? ''] ?? 'request';
        const issues = zodIssues(result.error.issues, part);
        return errorResponse(c, 'invalid-input', `${issues[0]?.field ?? part}: ${issues[0]?.message ?? 'invalid'}`, issues);
      }
      return undefined;
    },
  });

  if (log)
    app.use('*', async (c, next) => {
      const start = performance.now();
      await next();
      log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - start) * 100) / 100 }, 'request');
    });
  if (deps.corsOrigin) app.use('*', cors({ origin: deps.corsOrigin }));
  app.use(
    '*',
    limitBody(deps.bodyLimitBytes, (c) =>
      errorResponse(c, 'payload-too-large', `body: at most ${deps.bodyLimitBytes} bytes`, [{ field: 'body', message: `larger than ${deps.bodyLimitBytes} bytes` }]),
    ),
  );
  app.use('*', tokenMiddleware(deps));

  knowledgeRoutes(app, deps);
  extractRoutes(app, deps);
  caseRoutes(app, deps);
  mapRoutes(app, deps);
  datasetRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', OPENAPI_INFO);
  app.get('/docs', (c) => c.html(DOCS_PAGE));
  const uiDir = dirname(require.resolve('swagger-ui-dist/package.json'));
  const asset = (file: string, type: string) => {
    const body = readFileSync(join(uiDir, file));
    app.get(`/docs/${file}`, (c) => c.body(body, 200, { 'content-type': type, 'cache-control': 'max-age=3600' }));
  };
  asset('swagger-ui.css', 'text/css');
  asset('swagger-ui-bundle.js', 'text/javascript');
  webApp(app);

  app.notFound((c) => errorResponse(c, 'not-found', `${c.req.method} ${c.req.path}: no such route (see /openapi.json)`, [{ field: 'path', message: 'no such route' }]));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return httpException(c, error);
    if (!(error instanceof Error && error.name === 'CasusError')) log?.error({ err: error, path: c.req.path }, 'internal error');
    return respondError(c, error);
  });
  return app;
}

// Hono's validators throw HTTPExceptions (malformed JSON: 400; a body that is not JSON: 415); each
// becomes a code of the one table, never a code of its own.
const EXCEPTION_CODES: Readonly<Partial<Record<number, ApiErrorCode>>> = { 400: 'invalid-input', 413: 'payload-too-large', 415: 'unsupported-media-type' };

function httpException(c: Context, error: HTTPException): Response {
  const code = EXCEPTION_CODES[error.status] ?? (error.status >= 500 ? 'internal' : 'invalid-input');
  if (code === 'unsupported-media-type') {
    const got = c.req.header('content-type');
    return errorResponse(c, code, `header.content-type: expected application/json; got ${got === undefined ? 'none' : JSON.stringify(got)}`, [
      { field: 'header.content-type', message: 'expected application/json', expected: 'application/json', received: got ?? 'none' },
    ]);
  }
  return errorResponse(c, code, `body: ${error.message || 'malformed request'}`, [{ field: 'body', message: error.message || 'malformed request' }]);
}

// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io for a badge.
const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Casus API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true, validatorUrl: null });</script>
</body></html>`;
