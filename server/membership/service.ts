// Membership rules: the append-only log, slots and rights, own cards, leaving, atomic removal with rotation.
import type { Kysely, Transaction } from 'kysely';
import { parseDay } from '../../shared/time/day.js';
import { limits } from '../../shared/api/limits.js';
import type { Rights } from '../../shared/api/maps.js';
import type {
  CardsResponse,
  LogResponse,
  PutCardRequest,
  RemoveMembersRequest,
  SlotsResponse,
  UpdateSlotRequest,
} from '../../shared/api/membership.js';
import { isUniqueViolation } from '../infra/db/errors.js';
import type { Database } from '../infra/db/schema.js';
import { decodeBase64Url, encodeBase64Url } from '../infra/encoding.js';
import { ApiError } from '../infra/errors.js';
import { storeNextVersion } from '../maps/api.js';
import { mapNotFound, type OpenedSlot } from '../infra/capability.js';
import { cardVersionOf, logConflict, parseLogRecords, type ParsedRecord } from './records.js';
import * as repo from './repository.js';
import { minuteOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

function lastOwner(): ApiError {
  return new ApiError(
    'last_owner',
    'This is the only owner of the map; make someone else an owner first, or delete the map.',
  );
}

/** Locks the map and appends records that must start right after the head; answers the new head. */
export async function appendRecords(
  trx: Trx,
  mapId: string,
  records: ParsedRecord[],
  now: number,
): Promise<number> {
  const head = await repo.headSeq(trx, mapId);
  if (records[0]?.seq !== head + 1) throw logConflict(head);
  await repo.insertLogRecords(trx, mapId, records, now);
  return head + records.length;
}

/** Runs `work` in a transaction holding the map's lock; a concurrent log insert becomes log_conflict. */
async function withMapLock<T>(db: Db, mapId: string, work: (trx: Trx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await repo.lockMap(trx, mapId))) throw mapNotFound();
      return work(trx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw logConflict(await repo.headSeq(db, mapId));
    throw error;
  }
}

export async function appendLog(
  db: Db,
  mapId: string,
  texts: string[],
  now: number,
): Promise<number> {
  const records = parseLogRecords(texts, 'records');
  return withMapLock(db, mapId, (trx) => appendRecords(trx, mapId, records, now));
}

export async function readLog(db: Db, mapId: string, after: number): Promise<LogResponse> {
  const [rows, headSeq] = await Promise.all([
    repo.listLogRecords(db, mapId, after, limits.logPageMax),
    repo.headSeq(db, mapId),
  ]);
  return {
    records: rows.map((row) => ({
      seq: row.seq,
      record: encodeBase64Url(row.record),
      createdAt: row.created_at,
    })),
    headSeq,
  };
}

export async function listSlots(db: Db, mapId: string): Promise<SlotsResponse> {
  const [slots, creator] = await Promise.all([
    repo.listSlotsForUpdate(db, mapId),
    repo.creatorSlotId(db, mapId),
  ]);
  return {
    slots: slots.map((slot) => ({
      slotId: slot.id,
      rights: slot.rights,
      createdAt: slot.created_at,
      creator: slot.id === creator,
    })),
  };
}

/** A grant change: new rights and key ring for one slot, with the ROLE/GRANT records that go with it. */
export async function updateSlot(
  db: Db,
  mapId: string,
  slotId: string,
  input: UpdateSlotRequest,
  now: number,
): Promise<{ slotId: string; rights: Rights }> {
  const keyBundle = decodeBase64Url(input.keyBundle, 'keyBundle');
  const records = input.logRecords ? parseLogRecords(input.logRecords, 'logRecords') : [];
  const accessUntil =
    input.accessUntil === undefined ? undefined : accessUntilOf(input.accessUntil, input.rights);
  return withMapLock(db, mapId, async (trx) => {
    const slots = await repo.listSlotsForUpdate(trx, mapId);
    const slot = slots.find((s) => s.id === slotId);
    if (!slot) throw new ApiError('slot_not_found', 'This map has no slot with this id.');
    if (input.headSeq !== undefined) {
      const head = await repo.headSeq(trx, mapId);
      if (head !== input.headSeq) throw logConflict(head);
    }
    if (input.rights !== 'admin') {
      if (slotId === (await repo.creatorSlotId(trx, mapId))) {
        throw new ApiError('creator_slot', 'The slot of the map’s creator stays an owner.');
      }
      if (slot.rights === 'admin' && slots.filter((s) => s.rights === 'admin').length === 1) {
        throw lastOwner();
      }
    }
    if (records.length > 0) await appendRecords(trx, mapId, records, now);
    await repo.updateSlot(trx, mapId, slotId, {
      rights: input.rights,
      key_bundle: keyBundle,
      ...(accessUntil === undefined ? {} : { access_until: accessUntil }),
    });
    if (slot.rights !== input.rights) {
      await repo.insertSlotEvents(
        trx,
        mapId,
        [{ slotId, type: 'rights', rights: input.rights }],
        now,
      );
    }
    return { slotId, rights: input.rights };
  });
}

/** Writes the caller's own card; the body's header must carry baseCardVersion + 1. */
export async function putOwnCard(
  db: Db,
  slot: OpenedSlot,
  input: PutCardRequest,
  now: number,
): Promise<number> {
  const body = decodeBase64Url(input.body, 'body');
  const cardVersion = input.baseCardVersion + 1;
  if (cardVersionOf(body) !== cardVersion) {
    throw new ApiError(
      'card_invalid',
      `The card body must carry card version ${cardVersion} (base + 1) in its header.`,
    );
  }
  const conflict = async () => {
    const current = (await repo.findCardVersion(db, slot.slotId)) ?? 0;
    return new ApiError(
      'card_conflict',
      `Your card is at version ${current}; read it and write on top of that version.`,
    );
  };
  const row = { card_version: cardVersion, body, updated_at: minuteOf(now) };
  if (input.baseCardVersion === 0) {
    try {
      await repo.insertCard(db, { ...row, slot_id: slot.slotId, map_id: slot.mapId });
    } catch (error) {
      if (isUniqueViolation(error)) throw await conflict();
      throw error;
    }
  } else if (!(await repo.replaceCard(db, slot.slotId, input.baseCardVersion, row))) {
    throw await conflict();
  }
  return cardVersion;
}

export async function listCards(db: Db, mapId: string): Promise<CardsResponse> {
  const rows = await repo.listCards(db, mapId);
  return {
    cards: rows.map((row) => ({
      slotId: row.slot_id,
      cardVersion: row.card_version,
      body: encodeBase64Url(row.body),
      updatedAt: row.updated_at,
    })),
  };
}

/** The caller leaves: its slot goes; an owner's REMOVE and a rotation are the owners' next step. */
export async function leave(db: Db, slot: OpenedSlot, now: number): Promise<void> {
  await withMapLock(db, slot.mapId, async (trx) => {
    const slots = await repo.listSlotsForUpdate(trx, slot.mapId);
    const admins = slots.filter((s) => s.rights === 'admin');
    if (slot.rights === 'admin' && admins.length === 1) throw lastOwner();
    await repo.deleteSlots(trx, slot.mapId, [slot.slotId]);
    await repo.insertSlotEvents(
      trx,
      slot.mapId,
      [{ slotId: slot.slotId, type: 'left', rights: null }],
      now,
    );
  });
}

/**
 * Removal and rotation in one transaction: delete the slots, append REMOVE… ROTATE, store the
 * re-encrypted version and replace the key ring of every remaining slot. Any refusal changes nothing.
 */
export async function removeMembers(
  db: Db,
  caller: OpenedSlot,
  input: RemoveMembersRequest,
  now: number,
): Promise<{ version: number; headSeq: number }> {
  const { mapId } = caller;
  const body = decodeBase64Url(input.body, 'body');
  const records = parseLogRecords(input.logRecords, 'logRecords');
  const bundles = new Map(
    Object.entries(input.keyBundles).map(([slotId, text]) => [
      slotId,
      decodeBase64Url(text, `keyBundles.${slotId}`),
    ]),
  );
  if (input.removeSlotIds.includes(caller.slotId)) {
    throw new ApiError(
      'invalid_request',
      'A slot cannot remove itself; leave with DELETE /api/maps/:mapId/slots/mine.',
    );
  }
  return withMapLock(db, mapId, async (trx) => {
    const slots = await repo.listSlotsForUpdate(trx, mapId);
    const current = new Set(slots.map((s) => s.id));
    const departed = await repo.departedSlotIds(trx, mapId, input.removeSlotIds);
    const unknown = input.removeSlotIds.filter((id) => !current.has(id) && !departed.has(id));
    if (unknown.length > 0) {
      throw new ApiError('slot_not_found', `This map has no slot ${unknown[0] ?? ''}.`);
    }
    const creator = await repo.creatorSlotId(trx, mapId);
    if (creator !== null && input.removeSlotIds.includes(creator)) {
      throw new ApiError('creator_slot', 'The slot of the map’s creator cannot be removed.');
    }
    const removing = new Set(input.removeSlotIds);
    const remaining = slots.filter((s) => !removing.has(s.id));
    const missing = remaining.filter((s) => !bundles.has(s.id)).length;
    const extra = [...bundles.keys()].filter((id) => !remaining.some((s) => s.id === id)).length;
    if (missing > 0 || extra > 0) {
      throw new ApiError(
        'key_bundles_mismatch',
        `keyBundles must hold one key ring for every remaining slot and no other (${missing} missing, ${extra} unknown).`,
      );
    }
    const headSeq = await appendRecords(trx, mapId, records, now);
    const version = await storeNextVersion(trx, mapId, input.baseVersion, body, now);
    const present = input.removeSlotIds.filter((id) => current.has(id));
    await repo.deleteSlots(trx, mapId, present);
    for (const [slotId, keyBundle] of bundles) {
      await repo.updateSlot(trx, mapId, slotId, { key_bundle: keyBundle });
    }
    await repo.insertSlotEvents(
      trx,
      mapId,
      present.map((slotId) => ({ slotId, type: 'removed' as const, rights: null })),
      now,
    );
    return { version, headSeq };
  });
}

/**
 * The stored form of an access end date: the start of its UTC day, null for open-ended. An owner's
 * capability never ends (she holds the map); a date that is not a real day is invalid_request.
 */
export function accessUntilOf(day: string | null, rights: Rights): number | null {
  if (day === null) return null;
  if (rights === 'admin') {
    throw new ApiError('invalid_request', 'An owner’s access has no end date.');
  }
  const start = parseDay(day);
  if (start === null)
    throw new ApiError('invalid_request', `"accessUntil" is not a real day: ${day}.`);
  return start;
}
