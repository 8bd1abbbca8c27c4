// All Kysely code for accounts, login challenges and sessions; functions take db (or a transaction) first.
import type { Kysely } from 'kysely';
import type { AccountRow, Database, NewAccount, SessionRow } from '../infra/db/schema.js';
import { dayOf, endOfDay } from '../infra/coarse-time.js';

type Db = Kysely<Database>;

export async function insertAccount(db: Db, account: NewAccount): Promise<void> {
  await db.insertInto('accounts').values(account).execute();
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAccountByUsername(
  db: Db,
  username: string,
): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * Replaces the keyring only if it is still at `baseRevision`, under the new random `revision`; false
 * when someone else was first.
 */
export async function updateKeyring(
  db: Db,
  accountId: string,
  baseRevision: number,
  revision: number,
  keyring: Buffer,
): Promise<boolean> {
  const result = await db
    .updateTable('accounts')
    .set({ keyring, keyring_revision: revision })
    .where('id', '=', accountId)
    .where('keyring_revision', '=', baseRevision)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Rewrites the account's row under a new random keyring revision (sign-in, account read): a keyring
 * write is then no sign of a join, and the row's place in the write order says nothing (decision 0022).
 */
export async function touchKeyring(
  db: Db,
  accountId: string,
  revision: number,
): Promise<AccountRow | undefined> {
  return db
    .updateTable('accounts')
    .set({ keyring_revision: revision })
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirst();
}

export async function updatePassphrase(
  db: Db,
  accountId: string,
  change: Pick<
    AccountRow,
    'kdf_salt' | 'kdf_ops' | 'kdf_mem' | 'login_public_key' | 'wrapped_account_key'
  > &
    Partial<Pick<AccountRow, 'recovery_public_key' | 'recovery_wrapped_account_key'>>,
): Promise<void> {
  await db.updateTable('accounts').set(change).where('id', '=', accountId).execute();
}

export async function deleteAccount(db: Db, accountId: string): Promise<void> {
  await db.deleteFrom('accounts').where('id', '=', accountId).execute();
}

export async function insertChallenge(
  db: Db,
  challenge: { id: string; challenge: Buffer; purpose: string; expires_at: number },
): Promise<void> {
  await db.insertInto('login_challenges').values(challenge).execute();
}

/** Deletes and returns an unexpired challenge of `purpose`: each challenge works once. */
export async function takeChallenge(
  db: Db,
  id: string,
  purpose: string,
  now: number,
): Promise<Buffer | undefined> {
  const row = await db
    .deleteFrom('login_challenges')
    .where('id', '=', id)
    .returning(['challenge', 'purpose', 'expires_at'])
    .executeTakeFirst();
  if (!row || row.purpose !== purpose || row.expires_at < now) return undefined;
  return row.challenge;
}

export async function insertSession(
  db: Db,
  session: {
    id: string;
    account_id: string;
    refresh_hash: Buffer;
    expires_at: number;
    created_at: number;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ ...session, revoked_at: null })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Swaps the refresh hash only if it is still `oldHash`, so one refresh token rotates once. */
export async function rotateSession(
  db: Db,
  id: string,
  oldHash: Buffer,
  newHash: Buffer,
  expiresAt: number,
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ refresh_hash: newHash, expires_at: endOfDay(expiresAt) })
    .where('id', '=', id)
    .where('refresh_hash', '=', oldHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeSession(db: Db, id: string, now: number): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: dayOf(now) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeOtherSessions(
  db: Db,
  accountId: string,
  keepSessionId: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: dayOf(now) })
    .where('account_id', '=', accountId)
    .where('id', '!=', keepSessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Housekeeping: forgets expired challenges and sessions that can no longer be used; the counts. */
export async function deleteExpired(
  db: Db,
  now: number,
  keepRevokedMs: number,
): Promise<{ challenges: number; sessions: number }> {
  const challenges = await db
    .deleteFrom('login_challenges')
    .where('expires_at', '<', now)
    .executeTakeFirst();
  const sessions = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', now), eb('revoked_at', '<', now - keepRevokedMs)]))
    .executeTakeFirst();
  return {
    challenges: Number(challenges.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
  };
}
