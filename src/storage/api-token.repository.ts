/**
 * @module api-token.repository
 * API bearer tokens: stored only as a SHA-256 hash, shown once at creation, revoked (never deleted).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CasusError } from '../domain/errors.js';
import type { Database } from './schema.js';

/** The roles a token can have: editors append to case files, admins also manage tokens. */
export type TokenRole = 'editor' | 'admin';

/** A token as stored (no secret). */
export interface ApiToken {
  readonly id: string;
  readonly role: TokenRole;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** SHA-256 of a token, as hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a token; the secret is returned once and stored only as its hash. */
export async function createToken(db: Kysely<Database>, role: TokenRole): Promise<{ token: string; id: string }> {
  const id = randomUUID().slice(0, 8);
  const token = `casus_${id}_${randomBytes(24).toString('base64url')}`;
  await db.insertInto('api_token').values({ id, role, hash: hashToken(token), created_at: new Date().toISOString(), revoked_at: null }).execute();
  return { token, id };
}

/** Revokes a token by id; not-found if there is none. */
export async function revokeToken(db: Kysely<Database>, id: string): Promise<void> {
  const r = await db.updateTable('api_token').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new CasusError('not-found', `token: no active token with id "${id}"`);
}

/** The active token with this secret, if any. */
export async function findActiveToken(db: Kysely<Database>, token: string): Promise<ApiToken | undefined> {
  const row = await db.selectFrom('api_token').selectAll().where('hash', '=', hashToken(token)).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? { id: row.id, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at } : undefined;
}

/** Every token (no secrets), oldest first. */
export async function listTokens(db: Kysely<Database>): Promise<ApiToken[]> {
  const rows = await db.selectFrom('api_token').selectAll().orderBy('created_at').execute();
  return rows.map((row) => ({ id: row.id, role: row.role, createdAt: row.created_at, revokedAt: row.revoked_at }));
}
