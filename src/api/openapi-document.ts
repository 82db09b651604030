/**
 * @module openapi-document
 * The OpenAPI document without a running server: docs/openapi.json is written from it
 * (npm run api:openapi) and `npm run check:api` fails when the two differ (STYLE rule 15).
 */
import type { ApiDeps } from './api-context.js';
import { createApp, OPENAPI_INFO } from './app.js';

// Registering routes reads none of the dependencies; a handler would, and none runs here.
const unavailable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('openApiDocument: this app only describes routes; it has no knowledge, database or workers');
    },
  },
);

const DESCRIBE_ONLY: ApiDeps = {
  knowledge: unavailable as ApiDeps['knowledge'],
  db: unavailable as ApiDeps['db'],
  dbKind: 'sqlite',
  assess: () => unavailable as ReturnType<ApiDeps['assess']>,
  assessments: unavailable as ApiDeps['assessments'],
  zones: unavailable as ApiDeps['zones'],
  treatiesDir: '',
  openReads: true,
  rateLimitPerMinute: 0,
  anonymousRateLimitPerMinute: 0,
  bodyLimitBytes: 65_536,
  version: 'document',
};

/**
 * The document /openapi.json serves.
 * @example openApiDocument().openapi === '3.1.0'
 */
export function openApiDocument(): Record<string, unknown> {
  return createApp(DESCRIBE_ONLY).getOpenAPI31Document(OPENAPI_INFO) as unknown as Record<string, unknown>;
}
