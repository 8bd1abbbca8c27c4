// All Kysely code for the membership log, member cards, slot events and membership changes of slots.
import { sql, type Kysely } from 'kysely';
import type { Rights } from '../../shared/api/maps.js';
import { newId } from '../infra/ids.js';
import type { Database, SlotEventType } from '../infra/db/schema.js';
import { minuteOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;

/**
 * Takes the map's row lock for the rest of the transaction (a no-op update: PostgreSQL locks the row,
 * SQLite runs one write transaction at a time anyway). False when the map does not exist.
 */
export async function lockMap(db: Db, mapId: string): Promise<boolean> {
  const result = await sql`
    update maps set latest_version = latest_version where id = ${mapId}`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

export async function headSeq(db: Db, mapId: string): Promise<number> {
  const row = await db
    .selectFrom('map_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .where('map_id', '=', mapId)
    .executeTakeFirst();
  return row?.head === null || row?.head === undefined ? 0 : Number(row.head);
}

export async function insertLogRecords(
  db: Db,
  mapId: string,
  records: { seq: number; record: Buffer }[],
  now: number,
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('map_log')
    .values(
      records.map((r) => ({
        map_id: mapId,
        seq: r.seq,
        record: r.record,
        created_at: minuteOf(now),
      })),
    )
    .execute();
}

export async function listLogRecords(
  db: Db,
  mapId: string,
  after: number,
  limit: number,
): Promise<{ seq: number; record: Buffer; created_at: number }[]> {
  return db
    .selectFrom('map_log')
    .select(['seq', 'record', 'created_at'])
    .where('map_id', '=', mapId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface MemberSlotRow {
  id: string;
  rights: Rights;
  created_at: number;
}

export async function listSlotsForUpdate(db: Db, mapId: string): Promise<MemberSlotRow[]> {
  return db
    .selectFrom('map_slots')
    .select(['id', 'rights', 'created_at'])
    .where('map_id', '=', mapId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function creatorSlotId(db: Db, mapId: string): Promise<string | null> {
  const row = await db
    .selectFrom('maps')
    .select('creator_slot_id')
    .where('id', '=', mapId)
    .executeTakeFirst();
  return row?.creator_slot_id ?? null;
}

export async function setCreatorSlot(db: Db, mapId: string, slotId: string): Promise<void> {
  await db.updateTable('maps').set({ creator_slot_id: slotId }).where('id', '=', mapId).execute();
}

export async function slotExists(db: Db, mapId: string, slotId: string): Promise<boolean> {
  const row = await db
    .selectFrom('map_slots')
    .select('id')
    .where('id', '=', slotId)
    .where('map_id', '=', mapId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateSlot(
  db: Db,
  mapId: string,
  slotId: string,
  changes: { rights?: Rights; key_bundle: Buffer; access_until?: number | null },
): Promise<boolean> {
  const result = await db
    .updateTable('map_slots')
    .set(changes)
    .where('id', '=', slotId)
    .where('map_id', '=', mapId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteSlots(db: Db, mapId: string, slotIds: string[]): Promise<number> {
  if (slotIds.length === 0) return 0;
  // Her views stay in the parent's history after the slot (and its slot_access rows) is gone.
  await db
    .insertInto('former_slot_access')
    .columns(['map_id', 'slot_id', 'minute', 'count'])
    .expression((eb) =>
      eb
        .selectFrom('slot_access')
        .innerJoin('map_slots', 'map_slots.id', 'slot_access.slot_id')
        .select([
          'map_slots.map_id',
          'slot_access.slot_id',
          'slot_access.minute',
          'slot_access.count',
        ])
        .where('map_slots.map_id', '=', mapId)
        .where('slot_access.slot_id', 'in', slotIds),
    )
    .execute();
  const result = await db
    .deleteFrom('map_slots')
    .where('map_id', '=', mapId)
    .where('id', 'in', slotIds)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertSlotEvents(
  db: Db,
  mapId: string,
  events: { slotId: string; type: SlotEventType; rights: Rights | null }[],
  now: number,
): Promise<void> {
  if (events.length === 0) return;
  // the minute, plus how many of this map's events came earlier in it: the history keeps its order
  // and says no more than the minute (always called under the map's lock)
  const minute = minuteOf(now);
  const latest = await db
    .selectFrom('slot_events')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('map_id', '=', mapId)
    .where('at', '>=', minute)
    .executeTakeFirst();
  const first = latest?.at == null ? minute : Number(latest.at) + 1;
  await db
    .insertInto('slot_events')
    .values(
      events.map((e, i) => ({
        id: newId(),
        map_id: mapId,
        slot_id: e.slotId,
        type: e.type,
        rights: e.rights,
        at: Math.min(first + i, minute + 59_999),
      })),
    )
    .execute();
}

export async function listSlotEvents(
  db: Db,
  mapId: string,
  limit: number,
): Promise<{ slot_id: string; type: SlotEventType; rights: Rights | null; at: number }[]> {
  return db
    .selectFrom('slot_events')
    .select(['slot_id', 'type', 'rights', 'at'])
    .where('map_id', '=', mapId)
    .orderBy('at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Slot ids that left this map on their own (their REMOVE entry may still be due). */
export async function departedSlotIds(
  db: Db,
  mapId: string,
  slotIds: string[],
): Promise<Set<string>> {
  if (slotIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('slot_events')
    .select('slot_id')
    .where('map_id', '=', mapId)
    .where('type', '=', 'left')
    .where('slot_id', 'in', slotIds)
    .execute();
  return new Set(rows.map((row) => row.slot_id));
}

export async function findCardVersion(db: Db, slotId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('map_cards')
    .select('card_version')
    .where('slot_id', '=', slotId)
    .executeTakeFirst();
  return row?.card_version;
}

export async function insertCard(
  db: Db,
  card: { slot_id: string; map_id: string; card_version: number; body: Buffer; updated_at: number },
): Promise<void> {
  await db.insertInto('map_cards').values(card).execute();
}

/** Replaces the card only if it is still at `baseVersion`; false otherwise. */
export async function replaceCard(
  db: Db,
  slotId: string,
  baseVersion: number,
  card: { card_version: number; body: Buffer; updated_at: number },
): Promise<boolean> {
  const result = await db
    .updateTable('map_cards')
    .set(card)
    .where('slot_id', '=', slotId)
    .where('card_version', '=', baseVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listCards(
  db: Db,
  mapId: string,
): Promise<{ slot_id: string; card_version: number; body: Buffer; updated_at: number }[]> {
  return db
    .selectFrom('map_cards')
    .select(['slot_id', 'card_version', 'body', 'updated_at'])
    .where('map_id', '=', mapId)
    .orderBy('slot_id')
    .execute();
}
