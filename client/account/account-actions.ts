/**
 * What the recovery, passphrase and deletion screens do. Every proof is made in the worker from a
 * secret typed just now; keyring reads go through the account API (never a copy held on the page).
 */
import * as accounts from '../api/accounts.js';
import { ApiError } from '../api/transport.js';
import type { AppStore } from '../shell/store.js';
import {
  accountChallenge,
  deleteAccount,
  deleteMap,
  leaveMap,
  mapSlots,
  putPassphrase,
} from './account-api.js';

/** After a recovery login: sets the new passphrase and a new recovery code, shown on the sheet. */
export async function resetPassphrase(store: AppStore, newPassphrase: string): Promise<void> {
  const challenge = await accountChallenge(store.api);
  const { request, recoveryCode } = await store.crypto.call('resetPassphrase', {
    newPassphrase,
    challenge,
  });
  await putPassphrase(store.api, request);
  store.showReplacedRecovery(recoveryCode);
}

/** A new passphrase, proven with the current one; the server ends her other sessions. */
export async function changePassphrase(
  store: AppStore,
  currentPassphrase: string,
  newPassphrase: string,
): Promise<void> {
  const account = await accounts.getAccount(store.api);
  const challenge = await accountChallenge(store.api);
  const { request } = await store.crypto.call('changePassphrase', {
    account,
    currentPassphrase,
    newPassphrase,
    challenge,
  });
  await putPassphrase(store.api, request);
}

/** What deleting the account does to one map. */
export type MapFate =
  /** She is its only owner: the map goes, for everyone on it. */
  | 'delete'
  /** Another owner keeps it; she leaves. */
  | 'hand-over'
  /** She is a member: she leaves, the map stays. */
  | 'leave'
  /** Deleted already: nothing to do. */
  | 'gone';

export interface MapPlan {
  readonly mapId: string;
  readonly title: string;
  readonly capability: string;
  readonly fate: MapFate;
}

async function fateOf(mapId: string, capability: string): Promise<MapFate> {
  try {
    const { slots } = await mapSlots(mapId, capability);
    // her own slot is one of the admins; the server does not say which (it does not know her)
    return slots.filter((slot) => slot.rights === 'admin').length > 1 ? 'hand-over' : 'delete';
  } catch (error) {
    if (error instanceof ApiError && error.code === 'insufficient_rights') return 'leave';
    if (error instanceof ApiError && (error.code === 'map_not_found' || error.status === 401))
      return 'gone';
    throw error;
  }
}

/** Asks the server, map by map, whether she owns it alone, with someone, or is a member. */
export async function planDeletion(store: AppStore): Promise<MapPlan[]> {
  return Promise.all(
    store.state.maps.map(async ({ mapId, title, capability }) => ({
      mapId,
      title,
      capability,
      fate: await fateOf(mapId, capability),
    })),
  );
}

function unlessGone(error: unknown): void {
  if (error instanceof ApiError && (error.code === 'map_not_found' || error.status === 401)) return;
  throw error;
}

/**
 * Deletes the account: the proof first (a wrong passphrase changes nothing), then each map as
 * planned, then the account with its keyring and sessions; this device is signed out.
 */
export async function deleteEverything(
  store: AppStore,
  passphrase: string,
  plan: readonly MapPlan[],
): Promise<void> {
  const account = await accounts.getAccount(store.api);
  const challenge = await accountChallenge(store.api);
  const { proof } = await store.crypto.call('deleteProof', { account, passphrase, challenge });
  for (const map of plan) {
    if (map.fate === 'delete') await deleteMap(map.mapId, map.capability).catch(unlessGone);
    if (map.fate === 'hand-over' || map.fate === 'leave')
      await leaveMap(map.mapId, map.capability).catch(unlessGone);
  }
  await deleteAccount(store.api, proof);
  await store.logout();
}
