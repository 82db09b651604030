/**
 * @module auth
 * Bearer tokens: resolved on every request; writes need an editor (or admin) token, token management
 * an admin one. Reads (GET routes and POST /v1/assessments alike) need none on loopback; off
 * loopback every route but health and the docs needs a token. Also the per-token rate limit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { findActiveToken, type TokenRole } from '../storage/index.js';
import type { ApiDeps, ApiEnv } from './api-context.js';
import { errorResponse } from './api-error.js';

/** Resolves the bearer token (401 for an unknown one), applies the rate limit and closed reads. */
export function tokenMiddleware(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  let prunedAt = 0;
  return async (c, next) => {
    const header = c.req.header('authorization');
    let token;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) return errorResponse(c, 'unauthorized', 'authorization: expected "Bearer <token>"', [{ field: 'header.authorization', message: 'expected Bearer <token>' }]);
      token = await findActiveToken(deps.db, m[1]!);
      if (!token) return errorResponse(c, 'unauthorized', 'authorization: unknown or revoked token', [{ field: 'header.authorization', message: 'unknown or revoked token' }]);
    }
    c.set('token', token);
    const limit = token ? deps.rateLimitPerMinute : deps.anonymousRateLimitPerMinute;
    if (limit > 0) {
      const key = token ? `t:${token.id}` : `a:${clientAddress(c)}`;
      const now = Date.now();
      // Expired windows go, so a server answering many addresses does not keep one per address forever;
      // at most once a minute, so many live windows do not make every request scan them all.
      if (windows.size > 10_000 && now - prunedAt >= 60_000) {
        prunedAt = now;
        for (const [k, old] of windows) if (now - old.start >= 60_000) windows.delete(k);
      }
      let w = windows.get(key);
      if (!w || now - w.start >= 60_000) windows.set(key, (w = { start: now, count: 0 }));
      if (++w.count > limit) {
        c.header('retry-after', String(Math.ceil((w.start + 60_000 - now) / 1000)));
        return errorResponse(c, 'rate-limited', `rate limit: at most ${limit} requests per minute${token ? ` for token ${token.id}` : ''}`);
      }
    }
    // Any method: POST /v1/assessments is a read too. Writes check their role again in requireRole.
    if (!token && !deps.openReads && !isPublic(c.req.path))
      return errorResponse(c, 'unauthorized', 'authorization: this server is not on loopback, so every request needs a bearer token (casus token create)', [
        { field: 'header.authorization', message: 'required' },
      ]);
    await next();
    return undefined;
  };
}

const ROLE_RANK: Record<TokenRole, number> = { editor: 1, admin: 2 };

/** Requires a token with at least `role`. */
export function requireRole(role: TokenRole): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = c.get('token');
    if (!token)
      return errorResponse(c, 'unauthorized', `authorization: this request needs a bearer token (role ${role}); create one with "casus token create --role ${role}"`, [
        { field: 'header.authorization', message: 'required' },
      ]);
    if (ROLE_RANK[token.role] < ROLE_RANK[role])
      return errorResponse(c, 'forbidden', `token ${token.id} has role ${token.role}; this request needs ${role}`, [{ field: 'header.authorization', message: `role ${role} required` }]);
    await next();
    return undefined;
  };
}

/** Routes open to anyone, on any address: liveness and the API's own documentation. */
function isPublic(path: string): boolean {
  return path === '/v1/health' || path === '/openapi.json' || path === '/docs' || path.startsWith('/docs/');
}

function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
