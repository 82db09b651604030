/**
 * @module serve.command
 * `casus serve` (and `npm start`): the HTTP API on 127.0.0.1:7711 by default.
 */
import { Command } from 'commander';
import { invalidInput } from '../domain/errors.js';
import { defaultAssessmentWorkers, startServer } from '../api/index.js';
import { runCommand } from './run-command.js';

interface ServeFlags {
  host: string;
  port?: string;
  cors?: string;
  rateLimit: string;
  anonymousRateLimit: string;
  answerCache: string;
  bodyLimit: string;
  logLevel: string;
  shutdownTimeout: string;
  assessmentWorkers?: string;
}

function whole(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw invalidInput(name, `a whole number from ${min} to ${max}`, value);
  return n;
}

function seconds(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw invalidInput(name, `a number of seconds from ${min} to ${max}`, value);
  return n;
}

/** The `serve` command. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API (documented at /docs, described at /openapi.json)')
    .option('--host <address>', 'address to bind (reads are open only on loopback)', '127.0.0.1')
    .option('--port <n>', 'port (default $CASUS_PORT or 7711)')
    .option('--cors <origin>', 'allow this origin (CORS is off without it)')
    .option('--rate-limit <n>', 'requests per minute per token (0: unlimited)', '1200')
    .option('--anonymous-rate-limit <n>', 'requests per minute per client address without a token (0: unlimited)', '0')
    .option('--body-limit <bytes>', 'largest request body', '65536')
    .option('--shutdown-timeout <seconds>', 'on SIGTERM, how long in-flight requests may finish before their connections are closed', '10')
    .option('--assessment-workers <n>', `threads that run POST /v1/assessments; 0 runs them on the thread that serves HTTP (default here: ${defaultAssessmentWorkers()}, one per core, from 1 to 4)`)
    .option('--answer-cache <MiB>', 'memory for answers of assessment requests asked more than once (0: none)', '32')
    .option('--log-level <level>', 'pino level: info logs one line per request', process.env.CASUS_LOG_LEVEL ?? 'info')
    .addHelpText(
      'after',
      `
Examples:
  casus serve
  CASUS_PORT=8080 casus serve --cors https://desk.example.org
  curl -s 'http://127.0.0.1:7711/v1/locate?at=40.18,44.51&date=2020-07-12'
  curl -s -X POST http://127.0.0.1:7711/v1/assessments -H 'content-type: application/json' \\
       -d '{"date":"2022-09-13","at":[39.84,45.67],"attacker":"AZE","target":"ARM"}'
Writes need a bearer token: casus token create --role editor. SIGTERM stops it gracefully.`,
    )
    .action(
      runCommand(async (flags: ServeFlags) => {
        const port = whole(flags.port ?? process.env.CASUS_PORT ?? '7711', flags.port ? '--port' : 'CASUS_PORT', 0, 65535);
        const server = await startServer({
          host: flags.host,
          port,
          corsOrigin: flags.cors,
          rateLimitPerMinute: whole(flags.rateLimit, '--rate-limit', 0, 10_000_000),
          anonymousRateLimitPerMinute: whole(flags.anonymousRateLimit, '--anonymous-rate-limit', 0, 10_000_000),
          bodyLimitBytes: whole(flags.bodyLimit, '--body-limit', 256, 100_000_000),
          logLevel: flags.logLevel,
          ...(flags.assessmentWorkers !== undefined ? { assessmentWorkers: whole(flags.assessmentWorkers, '--assessment-workers', 0, 64) } : {}),
          answerCacheBytes: whole(flags.answerCache, '--answer-cache', 0, 65_536) * 1024 * 1024,
          shutdownTimeoutMs: seconds(flags.shutdownTimeout, '--shutdown-timeout', 0, 3600) * 1000,
          version: '0.1.0',
        });
        process.stderr.write(`casus: serving on ${server.url} (docs ${server.url}/docs); Ctrl-C or SIGTERM to stop\n`);
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            server.log.info({ signal }, 'shutting down: finishing in-flight requests');
            void server.close().then(resolve);
          };
          process.once('SIGTERM', () => stop('SIGTERM'));
          process.once('SIGINT', () => stop('SIGINT'));
        });
      }),
    );
}
