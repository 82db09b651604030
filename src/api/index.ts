export type { ApiDeps, ApiEnv } from './api-context.js';
export { createApp, OPENAPI_INFO } from './app.js';
export type { ServeOptions, RunningServer } from './server.js';
export { startServer } from './server.js';
export type { ZonesService, ZonesServiceOptions, ZonesRequest, ZonesAnswer } from './zones-service.js';
export { createZonesService } from './zones-service.js';
export { isLoopback } from './loopback.js';
export { openApiDocument } from './openapi-document.js';
