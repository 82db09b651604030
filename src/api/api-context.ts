/**
 * @module api-context
 * What every route needs: the knowledge base, the database, the assessment engine, and the token of
 * the request (if any). Built once at start.
 */
import type { Kysely } from 'kysely';
import type { AssessIncident } from '../domain/casefile/index.js';
import type { Knowledge } from '../knowledge/index.js';
import type { ApiToken, Database } from '../storage/index.js';
import type { AssessmentsService } from './assessments-service.js';
import type { ZonesService } from './zones-service.js';

/** Dependencies of the app. */
export interface ApiDeps {
  readonly knowledge: Knowledge;
  readonly db: Kysely<Database>;
  readonly dbKind: 'sqlite' | 'postgres';
  readonly assess: AssessIncident;
  /** POST /v1/assessments runs here, in worker threads (createAssessmentsService). */
  readonly assessments: AssessmentsService;
  /** GET /v1/zones runs here, off the main thread (createZonesService). */
  readonly zones: ZonesService;
  readonly treatiesDir: string;
  /** Reads without a token (true on loopback). */
  readonly openReads: boolean;
  /** Requests per minute per token (0: unlimited). */
  readonly rateLimitPerMinute: number;
  /** Requests per minute per client address without a token (0: unlimited). */
  readonly anonymousRateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  /** Allowed CORS origin; none when undefined (CORS off). */
  readonly corsOrigin?: string | undefined;
  readonly version: string;
}

/** Hono context variables. */
export interface ApiEnv {
  Variables: { token: ApiToken | undefined };
}
