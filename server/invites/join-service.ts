// The joiner's side of invites: what the invite shows, the one request, the answer collected with a proof.
import type { Kysely } from 'kysely';
import type {
  CollectAnswerResponse,
  InviteChallengeResponse,
  InviteInfoResponse,
  JoinRequestRequest,
} from '../../shared/api/invites.js';
import { verifyInviteProof } from '../../shared/crypto/index.js';
import * as accounts from '../accounts/api.js';
import { newId } from '../infra/ids.js';
import { isUniqueViolation } from '../infra/db/errors.js';
import type { Database, InviteRow } from '../infra/db/schema.js';
import { decodeBase64Url, encodeBase64Url } from '../infra/encoding.js';
import { ApiError } from '../infra/errors.js';
import { inviteNotFound } from './errors.js';
import * as repo from './repository.js';
import { minuteOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;

const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

const challengePurpose = (inviteId: string) => `invite-answer|${inviteId}`;

/**
 * The invite for the person holding its secret (the id is derived from it, so a clear answer tells a
 * prober nothing it could use): 404 unknown, 410 withdrawn, used or expired.
 */
async function usableInvite(db: Db, inviteId: string, now: number): Promise<InviteRow> {
  const invite = await repo.findInvite(db, inviteId);
  if (!invite) throw inviteNotFound();
  if (invite.withdrawn_at !== null) {
    throw new ApiError('invite_withdrawn', 'The parent withdrew this invite.');
  }
  if (invite.used_at !== null) {
    throw new ApiError('invite_used', 'This invite has been used; ask for a new one.');
  }
  if (invite.expires_at < now) {
    throw new ApiError('invite_expired', 'This invite has expired; ask for a new one.');
  }
  return invite;
}

export async function inviteInfo(
  db: Db,
  inviteId: string,
  now: number,
): Promise<InviteInfoResponse> {
  const invite = await usableInvite(db, inviteId, now);
  const request = await repo.findRequestOfInvite(db, inviteId);
  return {
    sealedInfo: encodeBase64Url(invite.sealed_info),
    boxPublicKey: encodeBase64Url(invite.box_public_key),
    expiresAt: invite.expires_at,
    status: request ? 'requested' : 'open',
  };
}

function proofFailed(): ApiError {
  return new ApiError(
    'proof_failed',
    'The proof of the invite did not check out; open the invite link or code again.',
  );
}

/** The joiner's sealed request, with a proof of the invite secret over it; an invite takes one. */
export async function postRequest(
  db: Db,
  inviteId: string,
  input: JoinRequestRequest,
  now: number,
): Promise<string> {
  const invite = await usableInvite(db, inviteId, now);
  const sealed = decodeBase64Url(input.sealedRequest, 'sealedRequest');
  const signature = decodeBase64Url(input.signature, 'signature');
  if (!verifyInviteProof(invite.verify_public_key, inviteId, 'join-request', sealed, signature)) {
    throw proofFailed();
  }
  const used = new ApiError(
    'invite_used',
    'This invite has a request already; each invite takes one. Ask for a new one.',
  );
  if (await repo.findRequestOfInvite(db, inviteId)) throw used;
  const requestId = newId();
  try {
    await repo.insertRequest(db, {
      id: requestId,
      invite_id: inviteId,
      map_id: invite.map_id,
      sealed_request: sealed,
      status: 'pending',
      sealed_answer: null,
      created_at: minuteOf(now),
      answered_at: null,
      collected_at: null,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw used;
    throw error;
  }
  return requestId;
}

/** A fresh one-time challenge for collecting the answer (the proof signs it). */
export async function answerChallenge(
  db: Db,
  inviteId: string,
  now: number,
): Promise<InviteChallengeResponse> {
  const invite = await repo.findInvite(db, inviteId);
  if (!invite) throw inviteNotFound();
  return accounts.newChallenge(db, challengePurpose(inviteId), CHALLENGE_LIFETIME_MS, now);
}

/** Holds a pending answer: `next()` is true after an event of the map, false once time is up. */
export interface AnswerWaiter {
  next(): Promise<boolean>;
  stop(): void;
}

/**
 * The sealed answer, once, to whoever proves the invite secret over a fresh challenge. With
 * `listen`, a pending answer is held until an event of the map shows it changed, or time is up
 * (then: pending). It listens before the first read, so an approval in between is not missed.
 */
export async function collectAnswer(
  db: Db,
  inviteId: string,
  input: { challengeId: string; signature: string },
  now: number,
  listen?: (mapId: string) => AnswerWaiter,
): Promise<CollectAnswerResponse> {
  const invite = await repo.findInvite(db, inviteId);
  if (!invite) throw inviteNotFound();
  const signature = decodeBase64Url(input.signature, 'signature');
  const challenge = await accounts.takeChallenge(
    db,
    input.challengeId,
    challengePurpose(inviteId),
    now,
  );
  if (
    !challenge ||
    !verifyInviteProof(invite.verify_public_key, inviteId, 'collect-answer', challenge, signature)
  ) {
    throw proofFailed();
  }
  const waiter = listen?.(invite.map_id);
  try {
    let answer = await readAnswer(db, inviteId, now);
    // no second proof: this request proved the secret; any event of the map means: read again
    while (answer.status === 'pending' && waiter !== undefined && (await waiter.next())) {
      answer = await readAnswer(db, inviteId, Date.now());
    }
    return answer;
  } finally {
    waiter?.stop();
  }
}

/** The answer as it stands: approved (taken once), pending, or the reason there is none. */
async function readAnswer(db: Db, inviteId: string, now: number): Promise<CollectAnswerResponse> {
  const invite = await repo.findInvite(db, inviteId);
  if (!invite) throw inviteNotFound();
  const request = await repo.findRequestOfInvite(db, inviteId);
  if (!request) {
    throw new ApiError('request_not_found', 'No request has been sent with this invite.');
  }
  if (request.status === 'declined') {
    throw new ApiError('request_declined', 'The parent declined this request.');
  }
  if (request.status === 'pending') {
    if (invite.withdrawn_at !== null) {
      throw new ApiError('invite_withdrawn', 'The parent withdrew this invite.');
    }
    return { status: 'pending' };
  }
  const sealedAnswer = request.sealed_answer;
  if (sealedAnswer === null || !(await repo.takeAnswer(db, request.id, now))) {
    throw new ApiError('answer_collected', 'The answer to this request was collected already.');
  }
  return { status: 'approved', sealedAnswer: encodeBase64Url(sealedAnswer) };
}
