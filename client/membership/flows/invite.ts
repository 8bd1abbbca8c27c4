/**
 * The parent's side of an invite: make it, open the join request sealed to its secret, and say
 * yes or no. One flow for the link (nk-invite-panel, the members screen) and for "Samen aan tafel"
 * (together/); only where the secret is kept differs (invite-secrets.ts, or memory at the table).
 */
import { invitesApi } from '../../api/invites.js';
import { ApiError } from '../../api/transport.js';
import type { AppStore } from '../../shell/store.js';
import type { JoinProfileView, MemberRoleView } from '../types.js';

export interface MadeInvite {
  readonly mapId: string;
  readonly inviteId: string;
  /** Never sent to the server: only in the link's #fragment, the QR code, the code, or memory. */
  readonly secret: string;
  readonly expiresAt: number;
}

/** A join request, opened with the invite's secret: who asks, and the safety code to compare. */
export interface JoinRequestView {
  readonly inviteId: string;
  readonly requestId: string;
  readonly profile: JoinProfileView;
  readonly safetyCode: string;
  readonly signPublicKey: string;
  readonly boxPublicKey: string;
}

/**
 * A request the parent's device refused to show: it does not prove the invite secret (built from what
 * the server stores), or it cannot be checked. `reason` is the plain sentence shown in its place.
 */
export interface RefusedRequestView {
  readonly inviteId: string;
  readonly requestId: string;
  readonly reason: string;
}

/** A request as the server lists it under an invite. */
interface ListedRequest {
  readonly requestId: string;
  readonly status: string;
  readonly sealedRequest: string | null;
}

export function capabilityOf(store: AppStore, mapId: string): string {
  const summary = store.mapSummary(mapId);
  if (summary === undefined) throw new Error('not-in-keyring');
  return summary.capability;
}

/** A new invite on the map, valid until `expiresAt`. */
export async function makeInvite(
  store: AppStore,
  mapId: string,
  kind: 'link' | 'code',
  expiresAt: number,
): Promise<MadeInvite> {
  const capability = capabilityOf(store, mapId);
  const made = await store.crypto.call('newInvite', { mapId, kind, expiresAt });
  await invitesApi.createInvite(mapId, capability, made.request);
  return {
    mapId,
    inviteId: made.inviteId,
    secret: made.secret,
    expiresAt: made.request.expiresAt,
  };
}

/** The listed request when it waits for an answer and can be opened. */
export function isPending(
  request: ListedRequest | null | undefined,
): request is ListedRequest & { sealedRequest: string } {
  return request?.status === 'pending' && request.sealedRequest !== null;
}

/**
 * Opens a pending request with the secret of its invite; `sealedInfo` (from the list) names the owner
 * who made it, whose key the joiner's safety code is made with.
 */
export async function openRequest(
  store: AppStore,
  mapId: string,
  invite: { inviteId: string; secret: string; sealedInfo?: string },
  request: ListedRequest & { sealedRequest: string },
): Promise<JoinRequestView> {
  const opened = await store.crypto.call('openJoinRequest', {
    mapId,
    secret: invite.secret,
    sealedRequest: request.sealedRequest,
    ...(invite.sealedInfo === undefined ? {} : { sealedInfo: invite.sealedInfo }),
  });
  return { inviteId: invite.inviteId, requestId: request.requestId, ...opened };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Looks for the request on one invite until it is there (`tries` rounds, `ms` apart). */
export async function waitForRequest(
  store: AppStore,
  invite: MadeInvite,
  poll: { tries: number; ms: number },
): Promise<JoinRequestView> {
  const capability = capabilityOf(store, invite.mapId);
  for (let attempt = 0; attempt < poll.tries; attempt++) {
    const { invites } = await invitesApi.listInvites(invite.mapId, capability);
    const request = invites.find((i) => i.inviteId === invite.inviteId)?.request;
    if (isPending(request)) return openRequest(store, invite.mapId, invite, request);
    await wait(poll.ms);
  }
  throw new ApiError(0, 'network_error', 'The request did not arrive.');
}

/** Lets the person in with `role`; `detail` opens the detail section to her too. */
export async function approveRequest(
  store: AppStore,
  mapId: string,
  request: JoinRequestView,
  choice: { role: MemberRoleView; detail: boolean; until?: string | null },
): Promise<void> {
  const body = await store.crypto.call('approveJoin', {
    mapId,
    inviteId: request.inviteId,
    joiner: {
      signPublicKey: request.signPublicKey,
      boxPublicKey: request.boxPublicKey,
      profile: request.profile,
    },
    role: choice.role,
    detail: choice.detail,
    // an owner holds the map: her access has no end (decision 0030)
    ...(choice.until && choice.role !== 'owner' ? { until: choice.until } : {}),
  });
  await invitesApi.approve(mapId, capabilityOf(store, mapId), request.requestId, body);
}

export async function declineRequest(
  store: AppStore,
  mapId: string,
  requestId: string,
): Promise<void> {
  await invitesApi.decline(mapId, capabilityOf(store, mapId), requestId);
}

export async function withdrawInvite(
  store: AppStore,
  mapId: string,
  inviteId: string,
): Promise<void> {
  await invitesApi.withdrawInvite(mapId, capabilityOf(store, mapId), inviteId);
}
