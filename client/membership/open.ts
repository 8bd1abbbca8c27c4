/**
 * Opening a map with its membership log: fetch the log, verify it in the worker against the head
 * and version pinned on this device, and pin the new head. A map whose slot is gone answers 404:
 * that is "no access any more" for a map in the keyring.
 */
import { ApiError, type ApiClient } from '../api/transport.js';
import { getMap } from '../api/maps.js';
import type { MapResponse } from '../api/types.js';
import type { CryptoClient } from '../crypto/crypto-client.js';
import type { CryptoOps, MapSummary } from '../crypto/protocol.js';
import { fetchLog } from '../api/membership.js';
import type { PinState } from './types.js';

/** This account's slot on the map was removed (or it left): the server no longer opens it. */
export class NoAccessError extends Error {
  constructor() {
    super('no-access');
    this.name = 'NoAccessError';
  }
}

const PIN_PREFIX = 'nk-pin:';

export function readPin(mapId: string): PinState | null {
  try {
    const raw = localStorage.getItem(PIN_PREFIX + mapId);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<PinState>;
    if (
      typeof value.seq === 'number' &&
      typeof value.headHash === 'string' &&
      typeof value.version === 'number'
    )
      return { seq: value.seq, headHash: value.headHash, version: value.version };
  } catch {
    // Unreadable: treated as no pin (first open on this device).
  }
  return null;
}

function writePin(mapId: string, pin: PinState): void {
  const old = readPin(mapId);
  if (old !== null && (old.seq > pin.seq || old.version > pin.version)) return;
  try {
    localStorage.setItem(PIN_PREFIX + mapId, JSON.stringify(pin));
  } catch {
    // Storage blocked: the pin lasts for this page (the worker still checks the chain).
  }
}

/** Fetches (unless given) the latest version and the log, and opens both in the worker. */
export async function openVerified(
  api: ApiClient,
  crypto: CryptoClient,
  summary: MapSummary,
  given?: MapResponse,
): Promise<CryptoOps['openMap']['result'] & { response: MapResponse }> {
  let response: MapResponse;
  let log: string[];
  try {
    response = given ?? (await getMap(api, summary.mapId, summary.capability));
    log = await fetchLog(summary.mapId, summary.capability);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'map_not_found') throw new NoAccessError();
    throw error;
  }
  const opened = await crypto.call('openMap', {
    map: response,
    log,
    pin: readPin(summary.mapId),
  });
  if (opened.pin !== null) writePin(summary.mapId, opened.pin);
  return { ...opened, response };
}

/** GET /api/maps/:id, with a 404 for a map in the keyring read as "no access any more". */
export async function fetchMapOrNoAccess(
  api: ApiClient,
  summary: MapSummary,
): Promise<MapResponse> {
  try {
    return await getMap(api, summary.mapId, summary.capability);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'map_not_found') throw new NoAccessError();
    throw error;
  }
}
