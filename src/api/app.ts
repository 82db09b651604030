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
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import type { ApiDeps, ApiEnv } from './api-context.js';
import { errorBody, respondError, zodIssues } from './api-error.js';
import { tokenMiddleware } from './auth.js';
import { caseRoutes } from './routes/cases.routes.js';
import { knowledgeRoutes } from './routes/knowledge.routes.js';

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
        return c.json(errorBody('invalid-input', `${issues[0]?.field ?? part}: ${issues[0]?.message ?? 'invalid'}`, issues), 400);
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
    bodyLimit({
      maxSize: deps.bodyLimitBytes,
      onError: (c) => c.json(errorBody('payload-too-large', `body: at most ${deps.bodyLimitBytes} bytes`, [{ field: 'body', message: `larger than ${deps.bodyLimitBytes} bytes` }]), 413),
    }),
  );
  app.use('*', tokenMiddleware(deps));

  knowledgeRoutes(app, deps);
  caseRoutes(app, deps);

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

  app.notFound((c) => c.json(errorBody('not-found', `${c.req.method} ${c.req.path}: no such route (see /openapi.json)`), 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status;
      const message = status === 400 ? `body: ${error.message || 'malformed request'}` : error.message;
      return c.json(errorBody(status === 400 ? 'invalid-input' : 'error', message, [{ field: 'body', message: error.message }]), status);
    }
    if (!(error instanceof Error && error.name === 'CasusError')) log?.error({ err: error, path: c.req.path }, 'internal error');
    return respondError(c, error);
  });
  return app;
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Casus API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });</script>
</body></html>`;
