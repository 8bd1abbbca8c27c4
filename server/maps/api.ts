// What the rest of the server may use of maps: the slot a capability opens, adding a slot, the next version.
import type { Kysely } from 'kysely';
import type { Rights } from '../../shared/api/maps.js';
import type { Database } from '../infra/db/schema.js';
import { ApiError } from '../infra/errors.js';
import * as repo from './repository.js';

type Db = Kysely<Database>;

export type { SlotRow, VersionRow } from './repository.js';

/** The slot whose capability hashes to `capabilityHash`; with `withLatestVersion`, the map's latest version in the same query. */
export async function findOpenedSlot(
  db: Db,
  mapId: string,
  capabilityHash: Buffer,
  withLatestVersion: boolean,
): Promise<(repo.SlotRow & { latest?: repo.VersionRow | undefined }) | undefined> {
  return withLatestVersion
    ? repo.findSlotWithLatestVersion(db, mapId, capabilityHash)
    : repo.findSlot(db, mapId, capabilityHash);
}

/** A new slot of an existing map (a member admitted by invite). */
export async function addSlot(
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
  await repo.insertSlot(db, slot);
}

/** The answer when a write names a version the map has moved past. */
export function versionConflict(latestVersion: number): ApiError {
  return new ApiError(
    'version_conflict',
    `The map has moved on to version ${latestVersion}; merge your change onto it and retry.`,
    { latestVersion },
  );
}

/** Inside the caller's transaction: stores `body` as version baseVersion + 1, or refuses with version_conflict. */
export async function storeNextVersion(
  db: Db,
  mapId: string,
  baseVersion: number,
  body: Buffer,
  now: number,
): Promise<number> {
  if (!(await repo.advanceLatestVersion(db, mapId, baseVersion, body, now))) {
    throw versionConflict((await repo.findLatestVersionNumber(db, mapId)) ?? baseVersion);
  }
  const version = baseVersion + 1;
  await repo.insertVersion(db, { map_id: mapId, version, body, created_at: now });
  return version;
}
