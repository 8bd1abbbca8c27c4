// All Kysely code for invites and their join requests.
import type { Kysely } from 'kysely';
import type { Database, InviteRequestRow, InviteRow, RequestStatus } from '../infra/db/schema.js';
import { minuteOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;

export async function insertInvite(db: Db, invite: InviteRow): Promise<void> {
  await db.insertInto('invites').values(invite).execute();
}

export async function findInvite(db: Db, inviteId: string): Promise<InviteRow | undefined> {
  return db.selectFrom('invites').selectAll().where('id', '=', inviteId).executeTakeFirst();
}

export async function findRequestOfInvite(
  db: Db,
  inviteId: string,
): Promise<InviteRequestRow | undefined> {
  return db
    .selectFrom('invite_requests')
    .selectAll()
    .where('invite_id', '=', inviteId)
    .executeTakeFirst();
}

export async function findRequest(
  db: Db,
  mapId: string,
  requestId: string,
): Promise<InviteRequestRow | undefined> {
  return db
    .selectFrom('invite_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('map_id', '=', mapId)
    .executeTakeFirst();
}

export async function insertRequest(db: Db, request: InviteRequestRow): Promise<void> {
  await db.insertInto('invite_requests').values(request).execute();
}

/** Answers a pending request; false when it was answered already (by a concurrent call). */
export async function answerRequest(
  db: Db,
  requestId: string,
  answer: { status: RequestStatus; sealed_answer: Buffer | null; answered_at: number },
): Promise<boolean> {
  const result = await db
    .updateTable('invite_requests')
    // the sealed request is the joiner's profile: once answered, the parent has it in the log
    .set({ ...answer, sealed_request: Buffer.alloc(0) })
    .where('id', '=', requestId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Hands the sealed answer out once: marks it collected and forgets it. */
export async function takeAnswer(db: Db, requestId: string, now: number): Promise<boolean> {
  const result = await db
    .updateTable('invite_requests')
    .set({ collected_at: minuteOf(now), sealed_answer: null })
    .where('id', '=', requestId)
    .where('collected_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markInviteUsed(db: Db, inviteId: string, now: number): Promise<void> {
  await db
    .updateTable('invites')
    // the secret opened the one request; nobody needs it any more
    .set({ used_at: minuteOf(now), sealed_secret: null })
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .execute();
}

export async function withdrawInvite(db: Db, inviteId: string, now: number): Promise<void> {
  await db
    .updateTable('invites')
    .set({ withdrawn_at: minuteOf(now), sealed_secret: null })
    .where('id', '=', inviteId)
    .where('withdrawn_at', 'is', null)
    .where('used_at', 'is', null)
    .execute();
}

export async function listInvites(
  db: Db,
  mapId: string,
): Promise<
  (InviteRow & {
    request_id: string | null;
    request_status: RequestStatus | null;
    sealed_request: Buffer | null;
    request_created_at: number | null;
  })[]
> {
  return db
    .selectFrom('invites')
    .leftJoin('invite_requests', 'invite_requests.invite_id', 'invites.id')
    .selectAll('invites')
    .select([
      'invite_requests.id as request_id',
      'invite_requests.status as request_status',
      'invite_requests.sealed_request',
      'invite_requests.created_at as request_created_at',
    ])
    .where('invites.map_id', '=', mapId)
    .orderBy('invites.created_at', 'desc')
    .orderBy('invites.id')
    .execute();
}

/**
 * Housekeeping: deletes invites that ended before `endedBefore` (expired unasked, withdrawn, declined,
 * answer collected) or were approved before `uncollectedBefore` and never collected; their request goes
 * with them (cascade). Pending requests stay, whatever the invite's expiry: the parent may still answer.
 */
export async function deleteEndedInvites(
  db: Db,
  endedBefore: number,
  uncollectedBefore: number,
): Promise<number> {
  const result = await db
    .deleteFrom('invites')
    .where((eb) => {
      const requestOf = eb
        .selectFrom('invite_requests')
        .select('invite_requests.id')
        .whereRef('invite_requests.invite_id', '=', 'invites.id');
      return eb.or([
        eb.and([eb('invites.expires_at', '<', endedBefore), eb.not(eb.exists(requestOf))]),
        eb('invites.withdrawn_at', '<', endedBefore),
        eb.exists(
          requestOf.where((r) =>
            r.or([
              r.and([r('status', '=', 'declined'), r('answered_at', '<', endedBefore)]),
              r('collected_at', '<', endedBefore),
              r.and([r('status', '=', 'approved'), r('answered_at', '<', uncollectedBefore)]),
            ]),
          ),
        ),
      ]);
    })
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
