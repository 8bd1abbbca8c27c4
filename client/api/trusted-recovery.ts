/** /api/trusted-recovery: helpers, the helper's side and the hand-over (decision 0026). */
import type {
  AddHelperRequest,
  HandoverState,
  HelperLookupResponse,
  HelpingDetail,
  TrustedOverview,
} from '../../shared/api/trusted-recovery.js';
import { ACCOUNT, type ApiClient } from './transport.js';

const BASE = '/trusted-recovery';

export function overview(api: ApiClient): Promise<TrustedOverview> {
  return api.request(BASE, { auth: ACCOUNT });
}

export function lookupHelper(api: ApiClient, username: string): Promise<HelperLookupResponse> {
  return api.request(`${BASE}/lookup`, { method: 'POST', body: { username }, auth: ACCOUNT });
}

export function addHelper(api: ApiClient, body: AddHelperRequest): Promise<{ helperId: string }> {
  return api.request(`${BASE}/helpers`, { method: 'POST', body, auth: ACCOUNT });
}

export function removeHelper(api: ApiClient, helperId: string): Promise<undefined> {
  return api.request(`${BASE}/helpers/${helperId}`, { method: 'DELETE', auth: ACCOUNT });
}

export function stopRecovery(api: ApiClient, helperId: string): Promise<undefined> {
  return api.request(`${BASE}/helpers/${helperId}/stop`, { method: 'POST', auth: ACCOUNT });
}

export function helpingDetail(api: ApiClient, helperId: string): Promise<HelpingDetail> {
  return api.request(`${BASE}/helping/${helperId}`, { auth: ACCOUNT });
}

export function startRecovery(
  api: ApiClient,
  helperId: string,
  body: { startedAt: number; signature: string },
): Promise<undefined> {
  return api.request(`${BASE}/helping/${helperId}/start`, { method: 'POST', body, auth: ACCOUNT });
}

export function cancelRecovery(api: ApiClient, helperId: string): Promise<undefined> {
  return api.request(`${BASE}/helping/${helperId}/start`, { method: 'DELETE', auth: ACCOUNT });
}

export function sealHandover(
  api: ApiClient,
  helperId: string,
  body: { handoverId: string; sealed: string },
): Promise<undefined> {
  return api.request(`${BASE}/helping/${helperId}/handover`, {
    method: 'PUT',
    body,
    auth: ACCOUNT,
  });
}

/** Her new device, not signed in. */
export function startHandover(
  api: ApiClient,
  username: string,
  boxPublicKey: string,
): Promise<{ handoverId: string }> {
  return api.request(`${BASE}/handover`, { method: 'POST', body: { username, boxPublicKey } });
}

export function handoverState(api: ApiClient, handoverId: string): Promise<HandoverState> {
  return api.request(`${BASE}/handover/${handoverId}`);
}
