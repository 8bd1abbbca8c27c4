// Map rules: create with the first slot and version, read, write on top of a known version, history, access log.
import type { Kysely } from 'kysely';
import { limits } from '../../shared/api/limits.js';
import type { AccessLogResponse, CreateMapRequest, VersionSummary } from '../../shared/api/maps.js';
import { newId } from '../infra/ids.js';
import { isUniqueViolation } from '../infra/db/errors.js';
import type { Database } from '../infra/db/schema.js';
import { decodeBase64Url } from '../infra/encoding.js';
import { ApiError, isApiError } from '../infra/errors.js';
import * as membership from '../membership/api.js';
import { mapNotFound, type OpenedSlot } from '../infra/capability.js';
import { storeNextVersion, versionConflict } from './api.js';
import * as repo from './repository.js';
import { minuteOf } from '../infra/coarse-time.js';

type Db = Kysely<Database>;

const ACCESS_LOG_DAYS = 90;
const ACCESS_LOG_MAX_ROWS = 5000;

/**
 * Creates a map with its first (admin) slot, the creator's, and version 1; with `logRecord`, the INIT
 * record as log seq 1. `slotId` is the client's (INIT names it) or a new one.
 */
export async function createMap(db: Db, input: CreateMapRequest, now: number): Promise<void> {
  const capabilityHash = decodeBase64Url(input.capabilityHash, 'capabilityHash');
  const keyBundle = decodeBase64Url(input.keyBundle, 'keyBundle');
  const body = decodeBase64Url(input.body, 'body');
  decodeBase64Url(input.mapId, 'mapId');
  const init = input.logRecord ? membership.parseLogRecords([input.logRecord], 'logRecord') : [];
  if (init[0] && init[0].seq !== 1) {
    throw new ApiError('log_record_invalid', 'logRecord must be the INIT record (seq 1).');
  }
  const slotId = input.slotId ?? newId();
  try {
    await db.transaction().execute(async (trx) => {
      await repo.insertMap(trx, input.mapId, body, now);
      await repo.insertSlot(trx, {
        id: slotId,
        map_id: input.mapId,
        capability_hash: capabilityHash,
        rights: 'admin',
        key_bundle: keyBundle,
        created_at: minuteOf(now),
      });
      await repo.insertVersion(trx, { map_id: input.mapId, version: 1, body, created_at: now });
      await membership.startMembership(trx, input.mapId, slotId, init, now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError('map_exists', 'A map with this id (or this slot) already exists.');
    }
    throw error;
  }
}

/** The latest version and the slot that opened it, as bytes (the route puts the rest in headers). */
export interface LatestVersion {
  slot: OpenedSlot;
  version: number;
  body: Buffer;
  createdAt: number;
}

export async function readLatest(db: Db, slot: OpenedSlot): Promise<LatestVersion> {
  const latest = 'latest' in slot ? slot.latest : await repo.findLatestVersion(db, slot.mapId);
  if (!latest) throw mapNotFound();
  return { slot, version: latest.version, body: latest.body, createdAt: latest.created_at };
}

/**
 * Stores `body` as version baseVersion + 1 if the map is still at baseVersion. The check and the insert
 * share one transaction, and the (map_id, version) primary key stops a second writer on any engine.
 */
export async function writeVersion(
  db: Db,
  mapId: string,
  baseVersion: number,
  body: Buffer,
  now: number,
): Promise<number> {
  try {
    return await db
      .transaction()
      .execute((trx) => storeNextVersion(trx, mapId, baseVersion, body, now));
  } catch (error) {
    const conflict = isApiError(error) && error.code === 'version_conflict';
    if (!conflict && !isUniqueViolation(error)) throw error;
    // read again outside the rolled-back transaction: a map deleted meanwhile is not found
    const latestVersion = await repo.findLatestVersionNumber(db, mapId);
    if (latestVersion === undefined) throw mapNotFound();
    throw versionConflict(latestVersion);
  }
}

export async function listVersions(
  db: Db,
  mapId: string,
  before: number | undefined,
  limit: number | undefined,
): Promise<VersionSummary[]> {
  const rows = await repo.listVersions(db, mapId, before, limit ?? limits.versionsPageDefault);
  return rows.map((row) => ({ version: row.version, size: row.size, createdAt: row.created_at }));
}

export async function readVersion(
  db: Db,
  mapId: string,
  version: number,
): Promise<{ version: number; body: Buffer; createdAt: number }> {
  const row = await repo.findVersion(db, mapId, version);
  if (!row) throw new ApiError('version_not_found', `This map has no version ${version}.`);
  return { version: row.version, body: row.body, createdAt: row.created_at };
}

/**
 * Every slot of the map with its per-minute accesses of the last 90 days (newest first) and its
 * membership events (oldest first); slots that were removed or left keep their events and views.
 */
export async function accessLog(db: Db, mapId: string, now: number): Promise<AccessLogResponse> {
  const since = now - ACCESS_LOG_DAYS * 24 * 60 * 60 * 1000;
  const [slots, accesses, formerAccesses, lastSeen, events] = await Promise.all([
    repo.listSlots(db, mapId),
    repo.listAccesses(db, mapId, since, ACCESS_LOG_MAX_ROWS),
    repo.listFormerAccesses(db, mapId, since, ACCESS_LOG_MAX_ROWS),
    repo.lastSeen(db, mapId),
    membership.slotEvents(db, mapId, ACCESS_LOG_MAX_ROWS),
  ]);
  const eventsOf = (slotId: string) =>
    events
      .filter((event) => event.slot_id === slotId)
      .map((event) => ({ type: event.type, rights: event.rights, at: event.at }));
  const current = new Set(slots.map((slot) => slot.id));
  const former = [...new Set(events.map((event) => event.slot_id))].filter(
    (slotId) => !current.has(slotId),
  );
  return {
    slots: slots.map((slot) => ({
      slotId: slot.id,
      rights: slot.rights,
      createdAt: slot.created_at,
      lastSeenAt: lastSeen.get(slot.id) ?? null,
      accesses: accesses
        .filter((access) => access.slot_id === slot.id)
        .map((access) => ({ at: access.minute, count: access.count })),
      events: eventsOf(slot.id),
    })),
    formerSlots: former.map((slotId) => ({
      slotId,
      accesses: formerAccesses
        .filter((access) => access.slot_id === slotId)
        .map((access) => ({ at: Number(access.minute), count: Number(access.count) })),
      events: eventsOf(slotId),
    })),
  };
}

export async function deleteMap(db: Db, mapId: string): Promise<void> {
  await repo.deleteMap(db, mapId);
}
