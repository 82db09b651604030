/**
 * @module auth
 * Bearer tokens: resolved on every request; writes need an editor (or admin) token, token management
 * an admin one, reads none on loopback. Also the per-token rate limit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { findActiveToken, type TokenRole } from '../storage/index.js';
import type { ApiDeps, ApiEnv } from './api-context.js';
import { errorBody } from './api-error.js';

/** Resolves the bearer token (401 for an unknown one) and applies the rate limit. */
export function tokenMiddleware(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const header = c.req.header('authorization');
    let token;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m) return c.json(errorBody('unauthorized', 'authorization: expected "Bearer <token>"', [{ field: 'header.authorization', message: 'expected Bearer <token>' }]), 401);
      token = await findActiveToken(deps.db, m[1]!);
      if (!token) return c.json(errorBody('unauthorized', 'authorization: unknown or revoked token', [{ field: 'header.authorization', message: 'unknown or revoked token' }]), 401);
    }
    c.set('token', token);
    const limit = token ? deps.rateLimitPerMinute : deps.anonymousRateLimitPerMinute;
    if (limit > 0) {
      const key = token ? `t:${token.id}` : `a:${clientAddress(c)}`;
      const now = Date.now();
      let w = windows.get(key);
      if (!w || now - w.start >= 60_000) windows.set(key, (w = { start: now, count: 0 }));
      if (++w.count > limit) {
        c.header('retry-after', String(Math.ceil((w.start + 60_000 - now) / 1000)));
        return c.json(errorBody('rate-limited', `rate limit: at most ${limit} requests per minute${token ? ` for token ${token.id}` : ''}`), 429);
      }
    }
    if (!token && !deps.openReads && c.req.method === 'GET' && !isPublic(c.req.path))
      return c.json(errorBody('unauthorized', 'authorization: reads need a token when the server is not on loopback', [{ field: 'header.authorization', message: 'required' }]), 401);
    await next();
    return undefined;
  };
}

const ROLE_RANK: Record<TokenRole, number> = { editor: 1, admin: 2 };

/** Requires a token with at least `role`. */
export function requireRole(role: TokenRole): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = c.get('token');
    if (!token) return c.json(errorBody('unauthorized', `authorization: this request needs a bearer token (role ${role}); create one with "casus token create --role ${role}"`, [{ field: 'header.authorization', message: 'required' }]), 401);
    if (ROLE_RANK[token.role] < ROLE_RANK[role]) return c.json(errorBody('forbidden', `token ${token.id} has role ${token.role}; this request needs ${role}`), 403);
    await next();
    return undefined;
  };
}

function isPublic(path: string): boolean {
  return path === '/v1/health' || path === '/openapi.json' || path.startsWith('/docs');
}

function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}
