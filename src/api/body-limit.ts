/**
 * @module body-limit
 * The request body limit. A declared Content-Length is checked from the header alone: hono's
 * bodyLimit reads `c.req.raw.body`, which makes @hono/node-server build a full web Request and
 * stream for every POST (about a tenth of an assessment request's time); chunked bodies still go
 * through hono's counting middleware.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Refuses bodies over `maxSize` bytes with `onError`. */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
      const bytes = Number(length);
      if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > maxSize) return onError(c);
      await next();
      return;
    }
    return counting(c, next);
  };
}
