// What the rest of the server may use of membership: record checks, the map lock, a new map's log, admitting a member, slot events.
import type { Kysely, Transaction } from 'kysely';
import type { Rights } from '../../shared/api/maps.js';
import { limits } from '../../shared/api/limits.js';
import type { Database, SlotEventType } from '../infra/db/schema.js';
import { ApiError } from '../infra/errors.js';
import { addSlot } from '../maps/api.js';
import type { ParsedRecord } from './records.js';
import * as repo from './repository.js';
import { appendRecords } from './service.js';

export { accessUntilOf } from './service.js';
import { minuteOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

export { logConflict, parseLogRecords, type ParsedRecord } from './records.js';

/** Takes the map's row lock for the rest of the transaction; false when the map does not exist. */
export async function lockMap(trx: Trx, mapId: string): Promise<boolean> {
  return repo.lockMap(trx, mapId);
}

/** The seq of the log's last record (0 for an empty log). */
export async function headSeq(db: Db, mapId: string): Promise<number> {
  return repo.headSeq(db, mapId);
}

/** Inside the new map's transaction: the creator's slot, the INIT record (if any) and its joined event. */
export async function startMembership(
  trx: Trx,
  mapId: string,
  creatorSlotId: string,
  init: ParsedRecord[],
  now: number,
): Promise<void> {
  await repo.setCreatorSlot(trx, mapId, creatorSlotId);
  await repo.insertLogRecords(trx, mapId, init, now);
  await repo.insertSlotEvents(
    trx,
    mapId,
    [{ slotId: creatorSlotId, type: 'joined', rights: 'admin' }],
    now,
  );
}

/**
 * Inside the caller's transaction, which holds the map's lock: the ADD record(s) after the head, the new
 * slot and its joined event. Refuses when the map is full; answers the new head.
 */
export async function admitMember(
  trx: Trx,
  mapId: string,
  slot: {
    id: string;
    capabilityHash: Buffer;
    rights: Rights;
    keyBundle: Buffer;
    accessUntil?: number | null;
  },
  records: ParsedRecord[],
  now: number,
): Promise<number> {
  const slots = await repo.listSlotsForUpdate(trx, mapId);
  if (slots.length >= limits.slotsPerMapMax) {
    throw new ApiError('slot_exists', 'This map has as many members as it can hold.');
  }
  const head = await appendRecords(trx, mapId, records, now);
  await addSlot(trx, {
    id: slot.id,
    map_id: mapId,
    capability_hash: slot.capabilityHash,
    rights: slot.rights,
    key_bundle: slot.keyBundle,
    created_at: minuteOf(now),
    access_until: slot.accessUntil ?? null,
  });
  await repo.insertSlotEvents(
    trx,
    mapId,
    [{ slotId: slot.id, type: 'joined', rights: slot.rights }],
    now,
  );
  return head;
}

/** The map's slot events (joined, rights, left, removed), oldest first. */
export async function slotEvents(
  db: Db,
  mapId: string,
  limit: number,
): Promise<{ slot_id: string; type: SlotEventType; rights: Rights | null; at: number }[]> {
  return repo.listSlotEvents(db, mapId, limit);
}
