/**
 * @module assessment-direct
 * POST /v1/assessments answered straight from node:http, before the router. It is the API's hot path,
 * and through Hono the thread serving HTTP spent about twice what a bare node:http server spends per
 * request (bench/http.ts): building a Fetch Request and body stream, validating, and writing a
 * 60-75 KB answer received as a two-byte string. Here that thread only reads the body's bytes and
 * writes the answer's: the worker parses and validates the body (assessment-request) and writes the
 * answer's UTF-8 into shared memory (answer-arena), and an answer already given is written from the
 * answer cache. Only the plain case comes this way: a JSON body of declared length within the limit,
 * no token, reads open (loopback), no per-address rate limit, no CORS, and a query that is empty or
 * `view=full|summary`; anything else goes to the router. Both ways give the same bytes for the same
 * request, errors included (test/api/assessment-direct.test.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { errorAnswer } from './api-error.js';
import { busyAssessments, type AssessmentView } from './assessment-request.js';
import type { AssessmentsService } from './assessments-service.js';

/** What decides whether a request may take the direct path, and serves it. */
export interface DirectAssessmentsOptions {
  readonly assessments: AssessmentsService;
  readonly bodyLimitBytes: number;
  readonly openReads: boolean;
  readonly anonymousRateLimitPerMinute: number;
  readonly corsOrigin?: string | undefined;
  readonly log?: Logger | undefined;
}

/** A node:http request listener. */
export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const EMPTY = Buffer.alloc(0);
const VIEWS: Readonly<Record<string, AssessmentView>> = { '/v1/assessments': 'full', '/v1/assessments?view=full': 'full', '/v1/assessments?view=summary': 'summary' };

/**
 * Wraps the router's listener: plain assessment requests are answered directly, the rest go on to `next`.
 * @example createServer(directAssessments({ assessments, bodyLimitBytes, openReads: true, anonymousRateLimitPerMinute: 0 })(honoListener))
 */
export function directAssessments(options: DirectAssessmentsOptions): (next: RequestListener) => RequestListener {
  const { assessments, bodyLimitBytes, log } = options;
  const enabled = options.openReads && options.anonymousRateLimitPerMinute === 0 && !options.corsOrigin;
  const logged = log?.isLevelEnabled('info') === true;

  // Headers as a flat list: node:http takes it as it is, where an object is walked key by key.
  const write = (res: ServerResponse, status: number, body: Buffer | string, retryAfter?: string) => {
    const length = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
    res.writeHead(status, retryAfter === undefined ? ['content-type', 'application/json', 'content-length', length] : ['content-type', 'application/json', 'content-length', length, 'retry-after', retryAfter]);
    res.end(body);
  };

  const answer = (res: ServerResponse, view: AssessmentView, bytes: string, start: number) => {
    const done = (status: number) => {
      if (logged) log?.info({ method: 'POST', path: '/v1/assessments', status, ms: Math.round((performance.now() - start) * 100) / 100 }, 'request');
    };
    const raw = { bytes, view };
    // An answer already given is written now, without a promise or a worker.
    const kept = assessments.cached(raw);
    if (kept) {
      write(res, 200, kept);
      return done(200);
    }
    assessments.answerRaw(raw).then(
      (given) => {
        if (given.kind === 'busy') {
          write(res, 503, JSON.stringify(busyAssessments(given.pending)), '1');
          return done(503);
        }
        // The bytes may be shared memory the next answer is written into: free them once the socket is done with them.
        res.once('close', given.release);
        write(res, 200, given.body);
        done(200);
      },
      (error: unknown) => {
        if (!(error instanceof Error && error.name === 'CasusError')) log?.error({ err: error, path: '/v1/assessments' }, 'internal error');
        const { status, body } = errorAnswer(error);
        write(res, status, JSON.stringify(body));
        done(status);
      },
    );
  };

  return (next) => {
    if (!enabled) return next;
    return (req, res) => {
      const view = req.method === 'POST' && req.url !== undefined ? VIEWS[req.url] : undefined;
      const h = req.headers;
      const length = h['content-length'];
      const type = h['content-type'];
      if (
        view === undefined ||
        length === undefined ||
        h.authorization !== undefined ||
        h['transfer-encoding'] !== undefined ||
        type === undefined ||
        (type !== 'application/json' && type.split(';')[0]!.trim().toLowerCase() !== 'application/json') ||
        !(Number(length) <= bodyLimitBytes)
      )
        return next(req, res);
      const start = logged ? performance.now() : 0;
      // A body this small nearly always comes in one chunk.
      let first: Buffer | undefined;
      let more: Buffer[] | undefined;
      req.on('data', (chunk: Buffer) => {
        if (first === undefined) first = chunk;
        else (more ??= [first]).push(chunk);
      });
      req.once('end', () => answer(res, view, (more ? Buffer.concat(more) : (first ?? EMPTY)).toString('latin1'), start));
    };
  };
}
