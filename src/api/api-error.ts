/**
 * @module api-error
 * The one error shape of the API and the table from Casus error codes to HTTP statuses. Every error
 * names the field it is about; no stack trace ever leaves the server.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { CasusError, formatPath, type CasusErrorCode, type Issue } from '../domain/errors.js';

/** HTTP status per Casus error code. */
export const HTTP_STATUS: Readonly<Record<CasusErrorCode, ContentfulStatusCode>> = {
  'invalid-input': 400,
  'not-found': 404,
  conflict: 409,
  'not-in-force': 422,
  unsupported: 422,
  internal: 500,
};

/** One problem, as the API reports it. */
export interface ApiIssue {
  readonly field: string;
  readonly message: string;
  readonly expected?: string;
  readonly received?: string;
}

/** The JSON body of every error answer. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly issues: readonly ApiIssue[] };
}

/** Builds an error body. */
export function errorBody(code: string, message: string, issues: readonly ApiIssue[] = []): ApiErrorBody {
  return { error: { code, message, issues } };
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

/** Answers a thrown error: CasusErrors with their status and issues, anything else as a bare 500. */
export function respondError(c: Context, error: unknown): Response {
  if (error instanceof CasusError) {
    const status = HTTP_STATUS[error.code];
    const issues = error.issues.length > 0 ? error.issues.map(fromIssue) : [{ field: fieldOf(error.message), message: error.message }];
    return c.json(errorBody(error.code, error.message, issues), status);
  }
  return c.json(errorBody('internal', 'internal error (see the server log)'), 500);
}

// "--at: expected ..." / "treaty: no treaty ..." → the field before the first colon, when it looks like one.
function fieldOf(message: string): string {
  const m = /^([A-Za-z-][\w.[\]-]*): /.exec(message);
  return m ? m[1]!.replace(/^--/, '') : '';
}
