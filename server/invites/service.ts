// Invite rules: one request per invite, proofs of the invite secret, the parent's one-transaction approval.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ApproveRequestRequest,
  CollectAnswerResponse,
  CreateInviteRequest,
  InviteChallengeResponse,
  InviteInfoResponse,
  InvitesResponse,
  InviteStatus,
  JoinRequestRequest,
} from '../../shared/api/invites.js';
import { limits } from '../../shared/api/limits.js';
import { verifyInviteProof } from '../../shared/crypto/index.js';
import { insertChallenge, takeChallenge } from '../accounts/repository.js';
import { newId } from '../infra/ids.js';
import { isUniqueViolation } from '../infra/db/errors.js';
import type { Database, InviteRequestRow, InviteRow } from '../infra/db/schema.js';
import { decodeBase64Url, encodeBase64Url } from '../infra/encoding.js';
import { ApiError } from '../infra/errors.js';
import { insertSlot } from '../maps/repository.js';
import { parseLogRecords } from '../membership/records.js';
import * as membership from '../membership/repository.js';
import { appendRecords } from '../membership/service.js';
import * as repo from './repository.js';

type Db = Kysely<Database>;

const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
// clocks differ a little between the parent's device and the server
const EXPIRY_SLACK_MS = 5 * 60 * 1000;

const challengePurpose = (inviteId: string) => `invite-answer|${inviteId}`;

export async function createInvite(
  db: Db,
  mapId: string,
  input: CreateInviteRequest,
  now: number,
): Promise<void> {
  if (
    input.expiresAt < now ||
    input.expiresAt > now + limits.inviteMaxLifetimeMs + EXPIRY_SLACK_MS
  ) {
    throw new ApiError(
      'invite_expiry_invalid',
      'An invite must expire in the future and at most 7 days from now.',
    );
  }
  try {
    await repo.insertInvite(db, {
      id: input.inviteId,
      map_id: mapId,
      verify_public_key: decodeBase64Url(input.verifyPublicKey, 'verifyPublicKey'),
      box_public_key: decodeBase64Url(input.boxPublicKey, 'boxPublicKey'),
      sealed_info: decodeBase64Url(input.sealedInfo, 'sealedInfo'),
      expires_at: input.expiresAt,
      created_at: now,
      used_at: null,
      withdrawn_at: null,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError('invite_exists', 'An invite with this id exists already.');
    }
    throw error;
  }
}

function notFound(): ApiError {
  return new ApiError(
    'invite_not_found',
    'There is no invite with this code. Check the link or code, or ask for a new invite.',
  );
}

/**
 * The invite for the person holding its secret (the id is derived from it, so a clear answer tells a
 * prober nothing it could use): 404 unknown, 410 withdrawn, used or expired.
 */
async function usableInvite(db: Db, inviteId: string, now: number): Promise<InviteRow> {
  const invite = await repo.findInvite(db, inviteId);
  if (!invite) throw notFound();
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
      created_at: now,
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
  if (!invite) throw notFound();
  const challengeId = newId();
  const challenge = randomBytes(limits.challengeBytes);
  await insertChallenge(db, {
    id: challengeId,
    challenge,
    purpose: challengePurpose(inviteId),
    expires_at: now + CHALLENGE_LIFETIME_MS,
  });
  return { challengeId, challenge: encodeBase64Url(challenge) };
}

/** The sealed answer, once, to whoever proves the invite secret over a fresh challenge. */
export async function collectAnswer(
  db: Db,
  inviteId: string,
  input: { challengeId: string; signature: string },
  now: number,
): Promise<CollectAnswerResponse> {
  const invite = await repo.findInvite(db, inviteId);
  if (!invite) throw notFound();
  const signature = decodeBase64Url(input.signature, 'signature');
  const challenge = await takeChallenge(db, input.challengeId, challengePurpose(inviteId), now);
  if (
    !challenge ||
    !verifyInviteProof(invite.verify_public_key, inviteId, 'collect-answer', challenge, signature)
  ) {
    throw proofFailed();
  }
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

function statusOf(
  invite: InviteRow,
  request: { status: string } | null,
  now: number,
): InviteStatus {
  if (invite.withdrawn_at !== null) return 'withdrawn';
  if (invite.used_at !== null) return 'used';
  if (request) return 'requested';
  return invite.expires_at < now ? 'expired' : 'open';
}

export async function listInvites(db: Db, mapId: string, now: number): Promise<InvitesResponse> {
  const rows = await repo.listInvites(db, mapId);
  return {
    invites: rows.map((row) => {
      const request =
        row.request_id !== null && row.request_status !== null && row.request_created_at !== null
          ? {
              requestId: row.request_id,
              status: row.request_status,
              sealedRequest:
                row.request_status === 'pending' && row.sealed_request
                  ? encodeBase64Url(row.sealed_request)
                  : null,
              createdAt: row.request_created_at,
            }
          : null;
      return {
        inviteId: row.id,
        status: statusOf(row, request, now),
        expiresAt: row.expires_at,
        createdAt: row.created_at,
        request,
      };
    }),
  };
}

function requestNotFound(): ApiError {
  return new ApiError('request_not_found', 'This map has no request with this id.');
}

function answered(request: InviteRequestRow): ApiError {
  return new ApiError('request_answered', `This request was ${request.status} already.`);
}

/**
 * Approval in one transaction: the new slot, the ADD record(s) after the head, the sealed answer kept
 * for the joiner, the invite used. Any refusal leaves everything as it was.
 */
export async function approve(
  db: Db,
  mapId: string,
  requestId: string,
  input: ApproveRequestRequest,
  now: number,
): Promise<{ slotId: string; headSeq: number }> {
  const records = parseLogRecords(input.logRecords, 'logRecords');
  const capabilityHash = decodeBase64Url(input.capabilityHash, 'capabilityHash');
  const keyBundle = decodeBase64Url(input.keyBundle, 'keyBundle');
  const sealedAnswer = decodeBase64Url(input.sealedAnswer, 'sealedAnswer');
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await membership.lockMap(trx, mapId))) throw requestNotFound();
      const request = await repo.findRequest(trx, mapId, requestId);
      if (!request) throw requestNotFound();
      if (request.status !== 'pending') throw answered(request);
      const invite = await repo.findInvite(trx, request.invite_id);
      if (!invite || invite.withdrawn_at !== null) {
        throw new ApiError('invite_withdrawn', 'This invite was withdrawn.');
      }
      const slots = await membership.listSlotsForUpdate(trx, mapId);
      if (slots.length >= limits.slotsPerMapMax) {
        throw new ApiError('slot_exists', 'This map has as many members as it can hold.');
      }
      const headSeq = await appendRecords(trx, mapId, records, now);
      await insertSlot(trx, {
        id: input.slotId,
        map_id: mapId,
        capability_hash: capabilityHash,
        rights: input.rights,
        key_bundle: keyBundle,
        created_at: now,
      });
      await repo.answerRequest(trx, requestId, {
        status: 'approved',
        sealed_answer: sealedAnswer,
        answered_at: now,
      });
      await repo.markInviteUsed(trx, request.invite_id, now);
      await membership.insertSlotEvents(
        trx,
        mapId,
        [{ slotId: input.slotId, type: 'joined', rights: input.rights }],
        now,
      );
      return { slotId: input.slotId, headSeq };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // which constraint: a log record raced in, or the slot id or capability is taken
    const head = await membership.headSeq(db, mapId);
    if (records[0]?.seq !== head + 1) {
      throw new ApiError(
        'log_conflict',
        `The membership log has moved on to seq ${head}; read it, verify and write after it.`,
      );
    }
    throw new ApiError('slot_exists', 'A slot with this id or capability exists already.');
  }
}

export async function decline(
  db: Db,
  mapId: string,
  requestId: string,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await repo.findRequest(trx, mapId, requestId);
    if (!request) throw requestNotFound();
    if (
      !(await repo.answerRequest(trx, requestId, {
        status: 'declined',
        sealed_answer: null,
        answered_at: now,
      }))
    ) {
      throw answered(request);
    }
    await repo.markInviteUsed(trx, request.invite_id, now);
  });
}

/** Withdraws an invite that is not used yet; a pending request on it is declined. */
export async function withdraw(
  db: Db,
  mapId: string,
  inviteId: string,
  now: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const invite = await repo.findInvite(trx, inviteId);
    if (!invite || invite.map_id !== mapId) throw notFound();
    if (invite.used_at !== null) {
      throw new ApiError('invite_used', 'This invite has been used; it cannot be withdrawn.');
    }
    await repo.withdrawInvite(trx, inviteId, now);
    const request = await repo.findRequestOfInvite(trx, inviteId);
    if (request?.status === 'pending') {
      await repo.answerRequest(trx, request.id, {
        status: 'declined',
        sealed_answer: null,
        answered_at: now,
      });
    }
  });
}
