// Refresh tokens: base64url(session id 16 bytes ‖ secret 32 bytes); the server keeps sha256(secret).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const REFRESH_COOKIE = 'nk_refresh';
/** Beside the refresh cookie when she chose not to stay signed in: its renewals end with the browser too. */
export const UNTIL_CLOSE_COOKIE = 'nk_refresh_until_close';
/** Both refresh and logout live under this path, so the cookie reaches them and nothing else. */
export const REFRESH_COOKIE_PATH = '/api/accounts';
export const ACCESS_TOKEN_SECONDS = 15 * 60;
/** A session lives this long after its last refresh. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

const ID_BYTES = 16;
const SECRET_BYTES = 32;

export function newRefreshToken(sessionId: string): { token: string; hash: Buffer } {
  const secret = randomBytes(SECRET_BYTES);
  const token = Buffer.concat([Buffer.from(sessionId, 'base64url'), secret]).toString('base64url');
  return { token, hash: sha256(secret) };
}

/** Splits a refresh token; undefined when it cannot be one of ours. */
export function parseRefreshToken(
  token: string | undefined,
): { sessionId: string; hash: Buffer } | undefined {
  if (!token || !/^[A-Za-z0-9_-]{64}$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== ID_BYTES + SECRET_BYTES) return undefined;
  return {
    sessionId: bytes.subarray(0, ID_BYTES).toString('base64url'),
    hash: sha256(bytes.subarray(ID_BYTES)),
  };
}

export function sha256(bytes: Uint8Array): Buffer {
  return createHash('sha256').update(bytes).digest();
}

/** Constant-time equality of two secrets (or their hashes). */
export function sameSecret(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
