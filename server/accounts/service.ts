// Account rules: registration, challenge-signature login, rotating sessions, keyring and passphrase changes.
import { createHmac, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  Account,
  ChallengeResponse,
  Kdf,
  LoginMethod,
  PassphraseChangeRequest,
  PreloginResponse,
  Proof,
  RegisterRequest,
} from '../../shared/api/accounts.js';
import { limits } from '../../shared/api/limits.js';
import {
  DEFAULT_KDF,
  normaliseUsername,
  verifyLoginProof,
  type LoginPurpose,
} from '../../shared/crypto/index.js';
import { isUniqueViolation } from '../infra/db/errors.js';
import type { AccountRow, Database } from '../infra/db/schema.js';
import { decodeBase64Url, encodeBase64Url } from '../infra/encoding.js';
import { ApiError } from '../infra/errors.js';
import { newId } from '../infra/ids.js';
import { newChallenge, takeChallenge } from './challenges.js';
import * as repo from './repository.js';
import { ACCESS_TOKEN_SECONDS, newRefreshToken, SESSION_LIFETIME_MS } from './tokens.js';
import { dayOf, endOfDay } from '../infra/coarse-time.js';
import { spendHelper, trustedLoginKeys } from '../trusted-recovery/service.js';

type Db = Kysely<Database>;

const CHALLENGE_LIFETIME_MS = 2 * 60 * 1000;
const USERNAME = /^[\p{L}\p{N}._-]+$/u;
// verifying against a key nobody holds keeps unknown usernames as slow as wrong signatures
const NOBODY_KEY = Buffer.alloc(32, 0x4e);

/**
 * A keyring revision: random, so it counts neither writes nor maps (decision 0022); only equality
 * matters for the conflict check. Below 2^48, the largest bound randomInt takes.
 */
export function newKeyringRevision(): number {
  return randomInt(1, 2 ** 48 - 1);
}

/** Normalised username if it is acceptable for a new account, else undefined. */
export function acceptableUsername(raw: string): string | undefined {
  const name = normaliseUsername(raw);
  const length = [...name].length;
  if (length < limits.usernameMinChars || length > limits.usernameMaxChars) return undefined;
  return USERNAME.test(name) ? name : undefined;
}

export function toAccount(row: AccountRow): Account {
  return {
    accountId: row.id,
    username: row.username,
    kdf: kdfOf(row),
    wrappedAccountKey: encodeBase64Url(row.wrapped_account_key),
    recoveryWrappedAccountKey: encodeBase64Url(row.recovery_wrapped_account_key),
    keyring: encodeBase64Url(row.keyring),
    keyringRevision: row.keyring_revision,
    signPublicKey: encodeBase64Url(row.sign_public_key),
    boxPublicKey: encodeBase64Url(row.box_public_key),
  };
}

function kdfOf(row: AccountRow): Kdf {
  return { salt: encodeBase64Url(row.kdf_salt), opsLimit: row.kdf_ops, memLimit: row.kdf_mem };
}

export async function register(db: Db, input: RegisterRequest, now: number): Promise<string> {
  const username = acceptableUsername(input.username);
  if (!username) {
    throw new ApiError(
      'invalid_request',
      'A username has 3 to 64 characters: letters, digits, dots, hyphens or underscores.',
    );
  }
  const id = newId();
  try {
    await repo.insertAccount(db, {
      id,
      username,
      kdf_salt: decodeBase64Url(input.kdf.salt, 'kdf.salt'),
      kdf_ops: input.kdf.opsLimit,
      kdf_mem: input.kdf.memLimit,
      login_public_key: decodeBase64Url(input.loginPublicKey, 'loginPublicKey'),
      recovery_public_key: decodeBase64Url(input.recoveryPublicKey, 'recoveryPublicKey'),
      sign_public_key: decodeBase64Url(input.signPublicKey, 'signPublicKey'),
      box_public_key: decodeBase64Url(input.boxPublicKey, 'boxPublicKey'),
      wrapped_account_key: decodeBase64Url(input.wrappedAccountKey, 'wrappedAccountKey'),
      recovery_wrapped_account_key: decodeBase64Url(
        input.recoveryWrappedAccountKey,
        'recoveryWrappedAccountKey',
      ),
      keyring: decodeBase64Url(input.keyring, 'keyring'),
      keyring_revision: newKeyringRevision(),
      created_at: dayOf(now),
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError('username_taken', 'This username is taken; choose another.');
    }
    throw error;
  }
  return id;
}

/**
 * The account's KDF parameters and a fresh challenge. Unknown names get a stable fake salt and the
 * default cost, so the answer does not tell whether an account exists.
 */
export async function prelogin(
  db: Db,
  fakeSaltKey: Buffer,
  rawUsername: string,
  now: number,
): Promise<PreloginResponse> {
  const username = normaliseUsername(rawUsername);
  const account = await repo.findAccountByUsername(db, username);
  const kdf: Kdf = account
    ? kdfOf(account)
    : {
        salt: encodeBase64Url(
          createHmac('sha256', fakeSaltKey).update(username).digest().subarray(0, limits.saltBytes),
        ),
        opsLimit: DEFAULT_KDF.opsLimit,
        memLimit: DEFAULT_KDF.memLimit,
      };
  return { kdf, ...(await newChallenge(db, 'login', CHALLENGE_LIFETIME_MS, now)) };
}

export async function issueAccountChallenge(db: Db, now: number): Promise<ChallengeResponse> {
  return newChallenge(db, 'account', CHALLENGE_LIFETIME_MS, now);
}

/** Checks the encoding of a proof (400 when malformed) before anything is looked up or used up. */
function decodeProof(proof: Proof, prefix: string): { challengeId: string; signature: Buffer } {
  decodeBase64Url(proof.challengeId, `${prefix}challengeId`);
  return {
    challengeId: proof.challengeId,
    signature: decodeBase64Url(proof.signature, `${prefix}signature`),
  };
}

/** Consumes the challenge and checks the signature; false for any failure (never says which). */
async function proofHolds(
  db: Db,
  account: AccountRow | undefined,
  username: string,
  proof: { challengeId: string; signature: Buffer; method: LoginMethod },
  challengePurpose: 'login' | 'account',
  purpose: LoginPurpose,
  now: number,
): Promise<boolean> {
  return (
    (await provenBy(db, account, username, proof, challengePurpose, purpose, now)) !== undefined
  );
}

/** Which key proved it: 'account' for the login or recovery key, a helper id for a trusted hand-over. */
async function provenBy(
  db: Db,
  account: AccountRow | undefined,
  username: string,
  proof: { challengeId: string; signature: Buffer; method: LoginMethod },
  challengePurpose: 'login' | 'account',
  purpose: LoginPurpose,
  now: number,
): Promise<string | undefined> {
  const challenge = await takeChallenge(db, proof.challengeId, challengePurpose, now);
  const keys = account ? await publicKeysFor(db, account, proof.method) : [];
  if (keys.length === 0) keys.push({ by: '', key: NOBODY_KEY });
  let by: string | undefined;
  for (const { by: who, key } of keys) {
    const valid = verifyLoginProof(
      key,
      purpose,
      username || 'nobody',
      challenge ?? Buffer.alloc(limits.challengeBytes),
      proof.signature,
    );
    if (valid && by === undefined) by = who;
  }
  return challenge !== undefined && account !== undefined ? by : undefined;
}

async function publicKeysFor(
  db: Db,
  account: AccountRow,
  method: LoginMethod,
): Promise<{ by: string; key: Buffer }[]> {
  if (method === 'recovery') return [{ by: 'account', key: account.recovery_public_key }];
  if (method === 'passphrase') return [{ by: 'account', key: account.login_public_key }];
  // a trusted login works only once a helper handed over after the wait (decision 0026)
  const keys = await trustedLoginKeys(db, account.id);
  return keys.map(({ helperId, key }) => ({ by: helperId, key }));
}

export interface NewSession {
  account: Account;
  sessionId: string;
  refreshToken: string;
}

export async function login(
  db: Db,
  input: {
    username: string;
    challengeId: string;
    method: LoginMethod;
    signature: string;
    remember?: boolean | undefined;
  },
  now: number,
): Promise<NewSession> {
  const proof = { ...decodeProof(input, ''), method: input.method };
  const username = normaliseUsername(input.username);
  const account = await repo.findAccountByUsername(db, username);
  const ok = await proofHolds(db, account, username, proof, 'login', 'login', now);
  if (!ok || !account) {
    throw new ApiError('login_failed', 'Username, passphrase or recovery code is not right.');
  }
  // every sign-in rewrites the keyring row, so a keyring write says nothing about a join
  const touched = (await repo.touchKeyring(db, account.id, newKeyringRevision())) ?? account;
  const sessionId = newId();
  const { token, hash } = newRefreshToken(sessionId);
  await repo.insertSession(db, {
    id: sessionId,
    account_id: account.id,
    refresh_hash: hash,
    // a session on someone else's device ends with its access token: nothing is left to refresh
    expires_at: endOfDay(
      now + (input.remember === false ? ACCESS_TOKEN_SECONDS * 1000 : SESSION_LIFETIME_MS),
    ),
    created_at: dayOf(now),
  });
  return { account: toAccount(touched), sessionId, refreshToken: token };
}

/** The account as a device unlocks it; the read rewrites the keyring row like a sign-in does. */
export async function getAccount(db: Db, accountId: string): Promise<Account> {
  const row = await repo.touchKeyring(db, accountId, newKeyringRevision());
  if (!row) throw new ApiError('session_expired', 'This account no longer exists.');
  return toAccount(row);
}

export async function updateKeyring(
  db: Db,
  accountId: string,
  baseRevision: number,
  keyring: string,
): Promise<number> {
  const revision = newKeyringRevision();
  const updated = await repo.updateKeyring(
    db,
    accountId,
    baseRevision,
    revision,
    decodeBase64Url(keyring, 'keyring'),
  );
  if (!updated) {
    throw new ApiError(
      'keyring_conflict',
      'The keyring changed on another device; load it again, merge and retry.',
    );
  }
  return revision;
}

async function requireProof(
  db: Db,
  accountId: string,
  proof: Proof,
  purpose: LoginPurpose,
  now: number,
): Promise<{ account: AccountRow; by: string }> {
  const decoded = { ...decodeProof(proof, 'proof.'), method: proof.method };
  const account = await repo.findAccountById(db, accountId);
  if (!account) throw new ApiError('session_expired', 'This account no longer exists.');
  const by = await provenBy(db, account, account.username, decoded, 'account', purpose, now);
  if (by === undefined) {
    throw new ApiError(
      'proof_failed',
      'The proof did not check out; ask for a new challenge and sign it again.',
    );
  }
  return { account, by };
}

/** New passphrase (and, after a recovery, a new recovery key): new salt, cost, login key, wrapped account key; other sessions end. */
export async function changePassphrase(
  db: Db,
  current: { accountId: string; sessionId: string },
  input: PassphraseChangeRequest,
  now: number,
): Promise<void> {
  const change = {
    kdf_salt: decodeBase64Url(input.kdf.salt, 'kdf.salt'),
    kdf_ops: input.kdf.opsLimit,
    kdf_mem: input.kdf.memLimit,
    login_public_key: decodeBase64Url(input.loginPublicKey, 'loginPublicKey'),
    wrapped_account_key: decodeBase64Url(input.wrappedAccountKey, 'wrappedAccountKey'),
    ...(input.recovery && {
      recovery_public_key: decodeBase64Url(
        input.recovery.recoveryPublicKey,
        'recovery.recoveryPublicKey',
      ),
      recovery_wrapped_account_key: decodeBase64Url(
        input.recovery.recoveryWrappedAccountKey,
        'recovery.recoveryWrappedAccountKey',
      ),
    }),
  };
  // a recovery code that was used is spent: whoever saw it must not get back in with it
  if (input.proof.method !== 'passphrase' && !input.recovery) {
    throw new ApiError(
      'recovery_required',
      'A change proven with the recovery code must also replace it: send recovery.',
    );
  }
  const { by } = await requireProof(db, current.accountId, input.proof, 'passphrase-change', now);
  await db.transaction().execute(async (trx) => {
    await repo.updatePassphrase(trx, current.accountId, change);
    await repo.revokeOtherSessions(trx, current.accountId, current.sessionId, now);
    // the helper who handed over knows that secret: it is spent with the new passphrase
    if (input.proof.method === 'trusted') await spendHelper(trx, current.accountId, by);
  });
}

export async function deleteAccount(
  db: Db,
  accountId: string,
  proof: Proof,
  now: number,
): Promise<void> {
  await requireProof(db, accountId, proof, 'delete-account', now);
  await repo.deleteAccount(db, accountId);
}
