/**
 * @module api-error
 * The one error shape of the API and the one table from error codes to HTTP statuses: the Casus codes
 * the domain and storage throw, plus the codes only the HTTP edge produces (tokens, limits, media
 * types, a full queue). Every error names the field it is about; no stack trace or server path ever
 * leaves the server.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { CasusError, formatPath, type CasusErrorCode, type Issue } from '../domain/errors.js';
import { PACKAGE_ROOT } from '../knowledge/index.js';

/** Every code an API error body can carry. */
export type ApiErrorCode =
  | CasusErrorCode
  | 'unauthorized'
  | 'forbidden'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'busy';

/** HTTP status per error code: the only place a status is chosen for an error. */
export const HTTP_STATUS: Readonly<Record<ApiErrorCode, ContentfulStatusCode>> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'not-in-force': 422,
  unsupported: 422,
  'rate-limited': 429,
  internal: 500,
  busy: 503,
};

/** One problem, as the API reports it. */
export interface ApiIssue {
  readonly field: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** The JSON body of every error answer; `details` carries machine-readable facts (a 409's current version). */
export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    readonly issues: readonly ApiIssue[];
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

/** Builds an error body. */
export function errorBody(code: ApiErrorCode, message: string, issues: readonly ApiIssue[] = [], details?: Record<string, unknown>): ApiErrorBody {
  return { error: { code, message: scrub(message), issues: issues.map((i) => ({ ...i, message: scrub(i.message) })), ...(details ? { details } : {}) } };
}

/** Answers an error with the status the table gives its code. */
export function errorResponse(c: Context, code: ApiErrorCode, message: string, issues: readonly ApiIssue[] = [], details?: Record<string, unknown>): Response {
  return c.json(errorBody(code, message, issues, details), HTTP_STATUS[code]);
}

/** Zod issues of a request part as API issues (`body.at[0]`, `query.date`). */
export function zodIssues(issues: readonly z.core.$ZodIssue[], part: string): ApiIssue[] {
  return issues.flatMap((i) => {
    const base = [part, ...i.path.filter((p): p is string | number => typeof p !== 'symbol')];
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ field: formatPath([...base, k]), message: 'unknown field', expected: 'no such field' }));
    return [{ field: formatPath(base), message: i.message }];
  });
}

function fromIssue(issue: Issue): ApiIssue {
  return {
    field: issue.path.length > 0 ? formatPath(issue.path) : '',
    message: issue.message,
    ...(issue.expected !== undefined ? { expected: issue.expected } : {}),
    ...(issue.received !== undefined ? { received: issue.received } : {}),
  };
}

/**
 * Answers a thrown error: CasusErrors with their status and issues (routes attach the field, e.g.
 * `path.id`, as an issue path), anything else as a bare 500.
 */
export function respondError(c: Context, error: unknown): Response {
  const { status, body } = errorAnswer(error);
  return c.json(body, status);
}

/** The status and body `respondError` answers a thrown error with (for paths that write HTTP without a Context). */
export function errorAnswer(error: unknown): { readonly status: ContentfulStatusCode; readonly body: ApiErrorBody } {
  if (error instanceof CasusError) {
    const issues = error.issues.length > 0 ? error.issues.map(fromIssue) : [{ field: fieldOf(error.message), message: error.message }];
    const details = Object.keys(error.details).length > 0 ? { ...error.details } : undefined;
    return { status: HTTP_STATUS[error.code], body: errorBody(error.code, error.message, issues, details) };
  }
  return { status: HTTP_STATUS.internal, body: errorBody('internal', 'internal error (see the server log)') };
}

// "--at: expected ..." / "treaty: no treaty ..." → the field before the first colon, when it looks like one.
function fieldOf(message: string): string {
  const m = /^([A-Za-z-][\w.[\]-]*): /.exec(message);
  return m ? m[1]!.replace(/^--/, '') : '';
}

// Messages built for the CLI may name files by absolute path; over HTTP they are relative to the package.
const ROOT_PREFIX = `${PACKAGE_ROOT.replace(/\/+$/, '')}/`;
function scrub(message: string): string {
  return message.includes(ROOT_PREFIX) ? message.split(ROOT_PREFIX).join('') : message;
}
