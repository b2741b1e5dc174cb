import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/index';

/**
 * Access tokens: 32 random bytes (base64url) handed to the client once; the server keeps only their
 * SHA-256, an expiry and a revocation time. A leaked database copy therefore cannot be used to sign in,
 * and logout takes effect on every instance at once.
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(db: Queryable, userId: string, ttlMs: number): Promise<string> {
  const token = newToken();
  await db.query(
    `insert into auth_tokens (token_hash, user_id, expires_at) values ($1, $2, now() + ($3::bigint * interval '1 millisecond'))`,
    [hashToken(token), userId, Math.round(ttlMs)],
  );
  return token;
}

export async function revokeToken(db: Queryable, token: string): Promise<void> {
  await db.query('update auth_tokens set revoked_at = now() where token_hash = $1 and revoked_at is null', [
    hashToken(token),
  ]);
}

/** Bearer token of a request: the Authorization header, or `?token=` (only where the route allows it). */
export function bearerFrom(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  return match?.[1];
}
