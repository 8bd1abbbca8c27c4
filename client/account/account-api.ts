/** The account routes of recovery, passphrase change and deletion, and the map routes deletion uses. */
import type { PassphraseChangeRequest, Proof } from '../../shared/api/accounts.js';
import type { SlotsResponse } from '../../shared/api/membership.js';
import type { AccountChallenge } from '../crypto/account-ops.js';
import { mapPath } from '../api/maps.js';
import { ACCOUNT, capabilityOf, withoutAccount, type ApiClient } from '../api/transport.js';

export function accountChallenge(api: ApiClient): Promise<AccountChallenge> {
  return api.request('/account/challenge', { method: 'POST', auth: ACCOUNT });
}

export function putPassphrase(api: ApiClient, body: PassphraseChangeRequest): Promise<void> {
  return api.request('/account/passphrase', { method: 'PUT', body, auth: ACCOUNT });
}

export function deleteAccount(api: ApiClient, proof: Proof): Promise<void> {
  return api.request('/account', { method: 'DELETE', body: { proof }, auth: ACCOUNT });
}

/** Who has which rights on a map; owners (admin) only, others get 403 insufficient_rights. */
export function mapSlots(mapId: string, capability: string): Promise<SlotsResponse> {
  return withoutAccount.request(mapPath(mapId, '/slots'), { auth: capabilityOf(capability) });
}

/** Deletes a map for everyone (owners only). */
export function deleteMap(mapId: string, capability: string): Promise<void> {
  return withoutAccount.request(mapPath(mapId), {
    method: 'DELETE',
    auth: capabilityOf(capability),
  });
}

/** Leaves a map: her slot goes, the map stays for the others. */
export function leaveMap(mapId: string, capability: string): Promise<void> {
  return withoutAccount.request(mapPath(mapId, '/slots/mine'), {
    method: 'DELETE',
    auth: capabilityOf(capability),
  });
}
