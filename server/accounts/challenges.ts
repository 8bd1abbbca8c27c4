// One-time challenges a client signs to prove a key: for login, for account changes, for collecting an invite answer.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChallengeResponse } from '../../shared/api/accounts.js';
import { limits } from '../../shared/api/limits.js';
import type { Database } from '../infra/db/schema.js';
import { encodeBase64Url } from '../infra/encoding.js';
import { newId } from '../infra/ids.js';
import * as repo from './repository.js';

type Db = Kysely<Database>;

/** Stores a fresh random challenge for `purpose` that works once, until `now + lifetimeMs`. */
export async function newChallenge(
  db: Db,
  purpose: string,
  lifetimeMs: number,
  now: number,
): Promise<ChallengeResponse> {
  const challengeId = newId();
  const challenge = randomBytes(limits.challengeBytes);
  await repo.insertChallenge(db, {
    id: challengeId,
    challenge,
    purpose,
    expires_at: now + lifetimeMs,
  });
  return { challengeId, challenge: encodeBase64Url(challenge) };
}

/** The challenge's bytes if it is unexpired and of `purpose`; it is used up either way. */
export async function takeChallenge(
  db: Db,
  challengeId: string,
  purpose: string,
  now: number,
): Promise<Buffer | undefined> {
  return repo.takeChallenge(db, challengeId, purpose, now);
}
