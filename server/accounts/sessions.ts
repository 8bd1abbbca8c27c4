// Sessions after login: rotating refresh tokens with reuse detection, logout, liveness of a session.
import type { Kysely } from 'kysely';
import type { Database } from '../infra/db/schema.js';
import * as repo from './repository.js';
import { newRefreshToken, parseRefreshToken, sameSecret, SESSION_LIFETIME_MS } from './tokens.js';

type Db = Kysely<Database>;

export type RefreshOutcome =
  | { ok: true; accountId: string; sessionId: string; refreshToken: string }
  | { ok: false; reused: boolean };

/** Rotates a refresh token. A token that was already spent revokes its whole session. */
export async function refresh(
  db: Db,
  token: string | undefined,
  now: number,
): Promise<RefreshOutcome> {
  const parsed = parseRefreshToken(token);
  if (!parsed) return { ok: false, reused: false };
  const session = await repo.findSession(db, parsed.sessionId);
  if (!session || session.revoked_at !== null || session.expires_at < now) {
    return { ok: false, reused: false };
  }
  const next = newRefreshToken(session.id);
  const rotated =
    sameSecret(parsed.hash, session.refresh_hash) &&
    (await repo.rotateSession(db, session.id, parsed.hash, next.hash, now + SESSION_LIFETIME_MS));
  if (!rotated) {
    // an older token of this session: someone replayed it, so nobody gets to keep the session
    await repo.revokeSession(db, session.id, now);
    return { ok: false, reused: true };
  }
  return {
    ok: true,
    accountId: session.account_id,
    sessionId: session.id,
    refreshToken: next.token,
  };
}

/** Revokes the session named by the refresh cookie and/or the access token. */
export async function logout(
  db: Db,
  refreshToken: string | undefined,
  tokenSession: { accountId: string; sessionId: string } | undefined,
  now: number,
): Promise<void> {
  const parsed = parseRefreshToken(refreshToken);
  if (parsed) await repo.revokeSession(db, parsed.sessionId, now);
  if (tokenSession) {
    const session = await repo.findSession(db, tokenSession.sessionId);
    if (session?.account_id === tokenSession.accountId) {
      await repo.revokeSession(db, session.id, now);
    }
  }
}

/** True when the session exists, belongs to the account, is not revoked and has not expired. */
export async function sessionIsActive(
  db: Db,
  accountId: string,
  sessionId: string,
  now: number,
): Promise<boolean> {
  const session = await repo.findSession(db, sessionId);
  return (
    session !== undefined &&
    session.account_id === accountId &&
    session.revoked_at === null &&
    session.expires_at >= now
  );
}

// a revoked session stays a day, so a late refresh with its token still gets a clear 401
const KEEP_REVOKED_MS = 24 * 60 * 60 * 1000;

/** Housekeeping: forgets expired challenges (used ones are deleted when taken) and ended sessions. */
export async function sweepExpired(
  db: Db,
  now: number,
): Promise<{ challenges: number; sessions: number }> {
  return repo.deleteExpired(db, now, KEEP_REVOKED_MS);
}
