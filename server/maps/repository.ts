// All Kysely code for maps, slots, versions and access counts; functions take db (or a transaction) first.
import { sql, type Kysely } from 'kysely';
import type { Rights } from '../../shared/api/maps.js';
import type { Database, MapSlotRow } from '../infra/db/schema.js';
import { minuteOf } from '../infra/coarse-time.js';
import { hotQueries } from '../infra/db/hot-query.js';

type Db = Kysely<Database>;

/** A new map at version 1, whose body is its head: kept beside the map row (see findSlotWithLatestVersion). */
export async function insertMap(db: Db, id: string, body: Buffer, now: number): Promise<void> {
  await db
    .insertInto('maps')
    .values({
      id,
      latest_version: 1,
      latest_body: body,
      latest_created_at: minuteOf(now),
      created_at: minuteOf(now),
    })
    .execute();
}

export async function insertSlot(
  db: Db,
  slot: {
    id: string;
    map_id: string;
    capability_hash: Buffer;
    rights: Rights;
    key_bundle: Buffer;
    created_at: number;
    access_until?: number | null;
  },
): Promise<void> {
  await db.insertInto('map_slots').values(slot).execute();
}

export async function insertVersion(
  db: Db,
  version: { map_id: string; version: number; body: Buffer; created_at: number },
): Promise<void> {
  await sql`
    insert into map_versions (map_id, version, body, created_at)
    values (${version.map_id}, ${version.version}, ${version.body}, ${minuteOf(version.created_at)})`.execute(
    db,
  );
}

// The next two run on every map request; a raw `sql` query skips the query builder's work (measured: the
// builder cost more than the SQLite read itself). Plain SQL that SQLite and PostgreSQL read alike; on
// PostgreSQL the hottest one goes to the pool as a named, binary query (hot-query.ts).

export interface SlotRow {
  id: string;
  rights: Rights;
  key_bundle: Buffer;
  /** Start of the UTC day of the last day of access; null: open-ended (bigint: a string on PostgreSQL). */
  access_until: number | string | null;
}

export interface VersionRow {
  version: number;
  body: Buffer;
  created_at: number;
}

export async function findSlot(
  db: Db,
  mapId: string,
  capabilityHash: Buffer,
): Promise<SlotRow | undefined> {
  const { rows } = await sql<SlotRow>`
    select id, rights, key_bundle, access_until from map_slots
    where capability_hash = ${capabilityHash} and map_id = ${mapId}`.execute(db);
  return rows[0];
}

type SlotWithHead = SlotRow & {
  version: number;
  body: Buffer | null;
  created_at: number | null;
};

const SLOT_WITH_HEAD = `
    select s.id, s.rights, s.key_bundle, s.access_until, m.latest_version as version,
      m.latest_body as body, m.latest_created_at as created_at
    from map_slots s join maps m on m.id = s.map_id
    where s.capability_hash = $1 and s.map_id = $2`;

/**
 * The slot and the map's latest version, for reading the map (the hottest request): the slot by its
 * unique capability hash, then the map row by its key, where the latest body is kept (decision 0029),
 * so no page of an older version is read.
 */
export async function findSlotWithLatestVersion(
  db: Db,
  mapId: string,
  capabilityHash: Buffer,
): Promise<(SlotRow & { latest: VersionRow | undefined }) | undefined> {
  const hot = hotQueries(db);
  const rows = hot
    ? await hot.query<SlotWithHead>('nk_slot_with_head', SLOT_WITH_HEAD, [capabilityHash, mapId])
    : (
        await sql<SlotWithHead>`
          select s.id, s.rights, s.key_bundle, s.access_until, m.latest_version as version,
            m.latest_body as body, m.latest_created_at as created_at
          from map_slots s join maps m on m.id = s.map_id
          where s.capability_hash = ${capabilityHash} and s.map_id = ${mapId}`.execute(db)
      ).rows;
  const row = rows[0];
  if (!row) return undefined;
  const { version, body, created_at, ...slot } = row;
  // a map row without a head (none is made so) reads as a map without versions
  const latest =
    body !== null && created_at !== null
      ? { version: Number(version), body, created_at }
      : undefined;
  return { ...slot, latest };
}

export async function findLatestVersion(db: Db, mapId: string): Promise<VersionRow | undefined> {
  const { rows } = await sql<{ version: number; body: Buffer | null; created_at: number | null }>`
    select latest_version as version, latest_body as body, latest_created_at as created_at
    from maps where id = ${mapId}`.execute(db);
  const row = rows[0];
  if (!row || row.body === null || row.created_at === null) return undefined;
  return { version: row.version, body: row.body, created_at: row.created_at };
}

export async function findLatestVersionNumber(db: Db, mapId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('maps')
    .select('latest_version')
    .where('id', '=', mapId)
    .executeTakeFirst();
  return row?.latest_version;
}

/**
 * Moves the map from `baseVersion` to the next one with `body` as its head; false when it is no longer
 * at `baseVersion`. The version row itself is insertVersion's (history keeps every version).
 */
export async function advanceLatestVersion(
  db: Db,
  mapId: string,
  baseVersion: number,
  body: Buffer,
  now: number,
): Promise<boolean> {
  // raw SQL on the write path for the same reason as findSlot
  const result = await sql`
    update maps set latest_version = ${baseVersion + 1}, latest_body = ${body},
      latest_created_at = ${minuteOf(now)}
    where id = ${mapId} and latest_version = ${baseVersion}`.execute(db);
  return (result.numAffectedRows ?? 0n) > 0n;
}

export async function listVersions(
  db: Db,
  mapId: string,
  before: number | undefined,
  limit: number,
): Promise<{ version: number; size: number; created_at: number }[]> {
  let query = db
    .selectFrom('map_versions')
    // length() of a blob (SQLite) or bytea (PostgreSQL) is its size in bytes
    .select(['version', 'created_at', sql<number>`length(body)`.as('size')])
    .where('map_id', '=', mapId);
  if (before !== undefined) query = query.where('version', '<', before);
  return query.orderBy('version', 'desc').limit(limit).execute();
}

export async function findVersion(
  db: Db,
  mapId: string,
  version: number,
): Promise<{ version: number; body: Buffer; created_at: number } | undefined> {
  return db
    .selectFrom('map_versions')
    .select(['version', 'body', 'created_at'])
    .where('map_id', '=', mapId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function listSlots(
  db: Db,
  mapId: string,
): Promise<Pick<MapSlotRow, 'id' | 'rights' | 'created_at'>[]> {
  return db
    .selectFrom('map_slots')
    .select(['id', 'rights', 'created_at'])
    .where('map_id', '=', mapId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Access counts of a map's slots since `since`, newest first. */
export async function listAccesses(
  db: Db,
  mapId: string,
  since: number,
  limit: number,
): Promise<{ slot_id: string; minute: number; count: number }[]> {
  return db
    .selectFrom('slot_access')
    .innerJoin('map_slots', 'map_slots.id', 'slot_access.slot_id')
    .select(['slot_access.slot_id', 'slot_access.minute', 'slot_access.count'])
    .where('map_slots.map_id', '=', mapId)
    .where('slot_access.minute', '>=', since)
    .orderBy('slot_access.minute', 'desc')
    .limit(limit)
    .execute();
}

/** The kept views of a map's former slots (removed or left) since `since`, newest first. */
export async function listFormerAccesses(
  db: Db,
  mapId: string,
  since: number,
  limit: number,
): Promise<{ slot_id: string; minute: number; count: number }[]> {
  return db
    .selectFrom('former_slot_access')
    .select(['slot_id', 'minute', 'count'])
    .where('map_id', '=', mapId)
    .where('minute', '>=', since)
    .orderBy('minute', 'desc')
    .limit(limit)
    .execute();
}

/** The last minute each slot of a map was seen, over all time. */
export async function lastSeen(db: Db, mapId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('slot_access')
    .innerJoin('map_slots', 'map_slots.id', 'slot_access.slot_id')
    .select(['slot_access.slot_id', (eb) => eb.fn.max('slot_access.minute').as('last')])
    .where('map_slots.map_id', '=', mapId)
    .groupBy('slot_access.slot_id')
    .execute();
  return new Map(rows.map((row) => [row.slot_id, Number(row.last)]));
}

export async function deleteMap(db: Db, mapId: string): Promise<void> {
  await db.deleteFrom('maps').where('id', '=', mapId).execute();
}

export async function existingSlotIds(db: Db, slotIds: string[]): Promise<Set<string>> {
  if (slotIds.length === 0) return new Set();
  const rows = await db.selectFrom('map_slots').select('id').where('id', 'in', slotIds).execute();
  return new Set(rows.map((row) => row.id));
}

/** Adds access counts; several server instances may add to the same (slot, minute). */
export async function addAccessCounts(
  db: Db,
  rows: { slot_id: string; minute: number; count: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('slot_access')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['slot_id', 'minute']).doUpdateSet((eb) => ({
        count: eb('slot_access.count', '+', eb.ref('excluded.count')),
      })),
    )
    .execute();
}
