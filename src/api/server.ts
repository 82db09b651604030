/**
 * @module server
 * Runs the API: opens the database (migrations, the record on first start), loads the knowledge base
 * once, listens, and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish (up to a
 * deadline, after which open connections are cut), stops the zones and assessment workers and closes
 * the database.
 */
import { createServer as createHttpServer, type ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { pino, type Logger } from 'pino';
import { assessCaseIncident, loadKnowledge } from '../knowledge/index.js';
import { defaultRecordPaths, ensureRecordLoaded } from '../knowledge/record/index.js';
import { openDatabase } from '../storage/index.js';
import { createApp } from './app.js';
import { directAssessments, type RequestListener } from './assessment-direct.js';
import { createAssessmentsService } from './assessments-service.js';
import { isLoopback } from './loopback.js';
import { createZonesService } from './zones-service.js';

/** How to run the server. */
export interface ServeOptions {
  readonly host: string;
  readonly port: number;
  readonly corsOrigin?: string | undefined;
  readonly rateLimitPerMinute: number;
  readonly anonymousRateLimitPerMinute: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: string;
  readonly version: string;
  /** Assessment worker threads; 0 assesses on the thread that serves HTTP (default: one per core, from 1 to 4). */
  readonly assessmentWorkers?: number;
  /** Memory for answers of assessment requests asked more than once (default 32 MiB; 0: none). */
  readonly answerCacheBytes?: number;
  /** How long in-flight requests may run after SIGTERM before their connections are closed (default 10 s). */
  readonly shutdownTimeoutMs?: number;
}

/** A running server. */
export interface RunningServer {
  readonly url: string;
  readonly log: Logger;
  close(): Promise<void>;
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = pino({ level: options.logLevel, base: null });
  const db = await openDatabase(process.env);
  const report = await ensureRecordLoaded(db);
  if (report && report.issues.length > 0) log.warn({ issues: report.issues.length }, 'problems in data/record were skipped; run "casus record load"');
  const knowledge = loadKnowledge();
  const assessments = createAssessmentsService({
    knowledge,
    ...(options.assessmentWorkers !== undefined ? { workers: options.assessmentWorkers } : {}),
    ...(options.answerCacheBytes !== undefined ? { answerCacheBytes: options.answerCacheBytes } : {}),
  });
  const zones = createZonesService();
  try {
    await assessments.ready();
  } catch (error) {
    await assessments.close();
    await db.destroy();
    throw error;
  }
  const app = createApp(
    {
      knowledge,
      db,
      dbKind: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      assess: assessCaseIncident,
      assessments,
      zones,
      treatiesDir: defaultRecordPaths().treatiesDir,
      openReads: isLoopback(options.host),
      rateLimitPerMinute: options.rateLimitPerMinute,
      anonymousRateLimitPerMinute: options.anonymousRateLimitPerMinute,
      bodyLimitBytes: options.bodyLimitBytes,
      corsOrigin: options.corsOrigin,
      version: options.version,
    },
    log,
  );
  const server: ServerType = await new Promise((resolve, reject) => {
    // Plain assessment requests are answered before the router (assessment-direct).
    const direct = directAssessments({ assessments, bodyLimitBytes: options.bodyLimitBytes, openReads: isLoopback(options.host), anonymousRateLimitPerMinute: options.anonymousRateLimitPerMinute, corsOrigin: options.corsOrigin, log });
    const createServer = ((serverOptions: ServerOptions, listener: RequestListener) => createHttpServer(serverOptions, direct(listener))) as typeof createHttpServer;
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port, createServer }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const deadlineMs = options.shutdownTimeoutMs ?? 10_000;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      // Stop accepting; in-flight requests finish, idle keep-alive sockets are closed now.
      server.close(() => resolve());
      const http = server as unknown as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
      http.closeIdleConnections?.();
      const deadline = setTimeout(() => {
        log.warn({ deadlineMs }, 'shutdown deadline reached: closing the connections still open');
        http.closeAllConnections?.();
      }, deadlineMs);
      deadline.unref();
      server.once('close', () => clearTimeout(deadline));
    })
      .then(() => Promise.all([zones.close(), assessments.close()]))
      .then(() => db.destroy())
      .then(() => log.info('stopped: connections closed, database closed')));
  log.info({ url, database: process.env.DATABASE_URL ? 'postgres' : 'sqlite', treaties: knowledge.treaties.length, assessmentWorkers: assessments.workers }, 'casus listening');
  return { url, log, close };
}
