// The parent's side of invites: create, list, withdraw, and approval or decline of a request.
import type { Kysely } from 'kysely';
import type {
  ApproveRequestRequest,
  CreateInviteRequest,
  InvitesResponse,
  InviteStatus,
} from '../../shared/api/invites.js';
import { limits } from '../../shared/api/limits.js';
import { isUniqueViolation } from '../infra/db/errors.js';
import type { Database, InviteRequestRow, InviteRow } from '../infra/db/schema.js';
import { decodeBase64Url, encodeBase64Url } from '../infra/encoding.js';
import { ApiError } from '../infra/errors.js';
import * as membership from '../membership/api.js';
import { inviteNotFound } from './errors.js';
import * as repo from './repository.js';
import { minuteOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;

// clocks differ a little between the parent's device and the server
const EXPIRY_SLACK_MS = 5 * 60 * 1000;

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
      sealed_secret: decodeBase64Url(input.sealedSecret, 'sealedSecret'),
      expires_at: input.expiresAt,
      created_at: minuteOf(now),
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
        sealedInfo: encodeBase64Url(row.sealed_info),
        sealedSecret: row.sealed_secret === null ? null : encodeBase64Url(row.sealed_secret),
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
  const records = membership.parseLogRecords(input.logRecords, 'logRecords');
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
      const slot = {
        id: input.slotId,
        capabilityHash,
        rights: input.rights,
        keyBundle,
        accessUntil: membership.accessUntilOf(input.accessUntil ?? null, input.rights),
      };
      const headSeq = await membership.admitMember(trx, mapId, slot, records, now);
      await repo.answerRequest(trx, requestId, {
        status: 'approved',
        sealed_answer: sealedAnswer,
        answered_at: minuteOf(now),
      });
      await repo.markInviteUsed(trx, request.invite_id, now);
      return { slotId: input.slotId, headSeq };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // which constraint: a log record raced in, or the slot id or capability is taken
    const head = await membership.headSeq(db, mapId);
    if (records[0]?.seq !== head + 1) throw membership.logConflict(head);
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
        answered_at: minuteOf(now),
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
    if (!invite || invite.map_id !== mapId) throw inviteNotFound();
    if (invite.used_at !== null) {
      throw new ApiError('invite_used', 'This invite has been used; it cannot be withdrawn.');
    }
    await repo.withdrawInvite(trx, inviteId, now);
    const request = await repo.findRequestOfInvite(trx, inviteId);
    if (request?.status === 'pending') {
      await repo.answerRequest(trx, request.id, {
        status: 'declined',
        sealed_answer: null,
        answered_at: minuteOf(now),
      });
    }
  });
}
