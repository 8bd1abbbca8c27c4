/**
 * Opening a map with its membership log: fetch the log, verify it in the worker against the head
 * and version pinned in the account's keyring, and store the keyring when the pin moved, so every
 * device of the account refuses older state. A map whose slot is gone answers 404: that is "no
 * access any more" for a map in the keyring. An owner's open of a map made before key rings were
 * signed re-signs them (ring-upgrade.ts) and opens it again.
 */
import { ApiError, type ApiClient } from '../api/transport.js';
import { getMap } from '../api/maps.js';
import type { MapResponse } from '../api/types.js';
import type { CryptoClient } from '../crypto/crypto-client.js';
import type { CryptoOps, MapSummary } from '../crypto/protocol.js';
import { fetchLog, membershipApi } from '../api/membership.js';
import { upgradeRings } from './ring-upgrade.js';
import type { MapDocument } from '../../shared/map/types.js';
import type { MembershipView } from './types.js';
import { finishDepartures } from './departure/finish-departures.js';
import { withParentName } from './departure/parent-name.js';
import { cachedMap, forgetCachedMap, keepMap } from '../offline/offline-store.js';
import { isOffline } from '../offline/offline-state.js';

/** What opening a map needs of the app: the server, the worker, and storing the keyring's pins. */
export interface MapOpener {
  readonly api: ApiClient;
  readonly crypto: CryptoClient;
  /** Stores the worker's keyring (with its pins) on the server when `moved`, or when a store failed. */
  syncPins(moved: boolean): Promise<void>;
  /** This account no longer takes part in the map: it leaves the keyring (departure/lost-maps.ts). */
  lost?(mapId: string, endedOn?: string): Promise<void>;
  /** Her own device: each verified version is kept as ciphertext and opens offline (decision 0025). */
  readonly keepsOffline?: boolean;
  /** She saw the map as it is now (day/visits.ts): `withCards` on opening, not after a save. */
  visited?(
    summary: MapSummary,
    document: MapDocument,
    membership: MembershipView | null,
    withCards: boolean,
  ): void;
}

/**
 * This account's slot on the map was removed (or it left): the server no longer opens it. With
 * `endedOn`: her access for a time ended after that day (`access_ended`, decision 0030).
 */
export class NoAccessError extends Error {
  constructor(readonly endedOn?: string) {
    super('no-access');
    this.name = 'NoAccessError';
  }
}

/** The NoAccessError of a refusal that means "no access any more", else undefined. */
export function noAccessOf(error: unknown): NoAccessError | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.code === 'map_not_found') return new NoAccessError();
  if (error.code === 'access_ended') {
    const day = error.details['accessUntil'];
    return new NoAccessError(typeof day === 'string' ? day : '');
  }
  return undefined;
}

/** An opened map; `offlineAt` is when the copy kept on this device was saved, null when fresh. */
export type Opened = CryptoOps['openMap']['result'] & {
  response: MapResponse;
  offlineAt: number | null;
};

/**
 * Fetches (unless given) the latest version and the log, and opens both in the worker. Without a
 * connection, a map opener that keeps maps offline opens the copy kept on this device instead.
 */
export async function openVerified(
  opener: MapOpener,
  summary: MapSummary,
  given?: MapResponse,
  finish = true,
): Promise<Opened> {
  const { api, crypto } = opener;
  let response: MapResponse;
  let log: string[];
  /** When the copy kept on this device was saved; null when the server answered. */
  let offlineAt: number | null = null;
  try {
    response = given ?? (await getMap(api, summary.mapId, summary.capability));
    // after the version, never beside it: a log read first could predate the version's log head
    log = await fetchLog(summary.mapId, summary.capability);
  } catch (error) {
    const gone = noAccessOf(error);
    if (gone) {
      // no stale copy stays in her list or opens again
      void forgetCachedMap(summary.mapId);
      await opener.lost?.(summary.mapId, gone.endedOn);
      throw gone;
    }
    const kept = opener.keepsOffline === true && isOffline(error);
    const cached = kept ? await cachedMap(summary.mapId) : undefined;
    if (cached === undefined) throw error;
    // the worker verifies the kept copy exactly as the server's: signatures, log and pins
    response = cached.response;
    log = [...cached.log];
    offlineAt = cached.savedAt;
  }
  const raw = await crypto.call('openMap', { map: response, log });
  const opened = { ...raw, membership: withParentName(raw.membership, raw.document) };
  await opener.syncPins(opened.pinMoved);
  if (offlineAt !== null) return { ...opened, response, offlineAt };
  // verified now, so this is the version to show when the connection is gone
  if (opener.keepsOffline === true) await keepMap(response, log);
  // an owner opening a map from before rings were signed signs them now; the map opened either way
  if (opened.ringUpgrade && (await tryUpgrade(opener, summary)))
    return openVerified(opener, summary, undefined, finish);
  // an owner's device writes the REMOVE of a member who left, then reads the map again
  if (
    finish &&
    given === undefined &&
    (await finishDepartures(crypto, summary, { ...opened, response }))
  )
    return openVerified(opener, summary, undefined, false);
  return { ...opened, response, offlineAt: null };
}

/** The ring upgrade through the page's API; a refusal (e.g. a log that moved on) waits for the next open. */
async function tryUpgrade(opener: MapOpener, summary: MapSummary): Promise<boolean> {
  const { capability } = summary;
  try {
    const moved = await upgradeRings(
      {
        call: (op, args) => opener.crypto.call(op, args),
        listSlots: (mapId) => membershipApi.slots(mapId, capability),
        updateSlot: (mapId, slotId, body) =>
          membershipApi.updateSlot(mapId, capability, slotId, body),
      },
      summary.mapId,
    );
    await opener.syncPins(moved);
    return true;
  } catch {
    return false;
  }
}

/** GET /api/maps/:id, with a 404 for a map in the keyring read as "no access any more". */
export async function fetchMapOrNoAccess(
  api: ApiClient,
  summary: MapSummary,
): Promise<MapResponse> {
  try {
    return await getMap(api, summary.mapId, summary.capability);
  } catch (error) {
    throw noAccessOf(error) ?? error;
  }
}
