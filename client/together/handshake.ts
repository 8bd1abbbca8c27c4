/**
 * The consent flow of "Samen aan tafel", between two sessions on one device: the parent's temporary
 * session makes an invite, the professional's session asks to join with its secret directly (no link
 * is shown, nothing is stored), the parent approves after seeing the safety code, and the
 * professional's session collects the answer into her keyring. Same crypto and server calls as an
 * invite by link (nk-invite-panel, nk-join, nk-members); only the hand-over is in memory.
 */
import { ApiError } from '../api/transport.js';
import type { AppStore } from '../shell/store.js';
import { invitesApi } from '../api/invites.js';
import type { JoinProfileView } from '../membership/types.js';

/** An invite at the table lives as long as a conversation. */
const INVITE_MS = 60 * 60 * 1000;
const POLL_MS = 1000;
const POLL_TRIES = 30;

export interface TableInvite {
  readonly mapId: string;
  readonly inviteId: string;
  /** Held in memory only, and dropped when the flow ends. */
  readonly secret: string;
}

export interface ProfessionalRequest {
  readonly inviteId: string;
  readonly sealedInfo: string;
  readonly safetyCode: string;
}

export interface ParentView {
  readonly requestId: string;
  readonly profile: JoinProfileView;
  readonly safetyCode: string;
  readonly signPublicKey: string;
  readonly boxPublicKey: string;
}

function capabilityOf(store: AppStore, mapId: string): string {
  const summary = store.mapSummary(mapId);
  if (summary === undefined) throw new Error('not-in-keyring');
  return summary.capability;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Parent: a new invite on her map. */
export async function makeInvite(parent: AppStore, mapId: string): Promise<TableInvite> {
  const made = await parent.crypto.call('newInvite', {
    mapId,
    kind: 'link',
    expiresAt: Date.now() + INVITE_MS,
  });
  await invitesApi.createInvite(mapId, capabilityOf(parent, mapId), made.request);
  return { mapId, inviteId: made.inviteId, secret: made.secret };
}

/** Professional: opens the invite with its secret and sends her sealed request. */
export async function askToJoin(
  professional: AppStore,
  secret: string,
  profile: JoinProfileView,
): Promise<ProfessionalRequest> {
  const { inviteId } = await professional.crypto.call('inviteIdOf', { secret });
  const info = await invitesApi.inviteInfo(inviteId);
  await professional.crypto.call('joinOpen', { secret, sealedInfo: info.sealedInfo });
  const sealed = await professional.crypto.call('joinSeal', {
    secret,
    sealedInfo: info.sealedInfo,
    profile,
  });
  await invitesApi.sendRequest(sealed.inviteId, sealed.sealedRequest, sealed.signature);
  return { inviteId: sealed.inviteId, sealedInfo: info.sealedInfo, safetyCode: sealed.safetyCode };
}

/** Parent: finds and opens the request on her invite (it is there at once; a few tries for safety). */
export async function readRequest(parent: AppStore, invite: TableInvite): Promise<ParentView> {
  const capability = capabilityOf(parent, invite.mapId);
  for (let attempt = 0; attempt < POLL_TRIES; attempt++) {
    const { invites } = await invitesApi.listInvites(invite.mapId, capability);
    const request = invites.find((i) => i.inviteId === invite.inviteId)?.request;
    if (request?.status === 'pending' && request.sealedRequest !== null) {
      const opened = await parent.crypto.call('openJoinRequest', {
        mapId: invite.mapId,
        secret: invite.secret,
        sealedRequest: request.sealedRequest,
      });
      return { requestId: request.requestId, ...opened };
    }
    await wait(POLL_MS);
  }
  throw new ApiError(0, 'network_error', 'The request did not arrive.');
}

/** Parent: lets the professional in as professional; `detail` opens the detail section to her. */
export async function approveProfessional(
  parent: AppStore,
  invite: TableInvite,
  request: ParentView,
  detail: boolean,
): Promise<void> {
  const body = await parent.crypto.call('approveJoin', {
    mapId: invite.mapId,
    inviteId: invite.inviteId,
    joiner: {
      signPublicKey: request.signPublicKey,
      boxPublicKey: request.boxPublicKey,
      profile: request.profile,
    },
    role: 'professional',
    detail,
  });
  await invitesApi.approve(
    invite.mapId,
    capabilityOf(parent, invite.mapId),
    request.requestId,
    body,
  );
}

/** Professional: collects the parent's answer and adds the map to her keyring. */
export async function collectAnswer(
  professional: AppStore,
  secret: string,
  request: ProfessionalRequest,
): Promise<string> {
  for (let attempt = 0; attempt < POLL_TRIES; attempt++) {
    const challenge = await invitesApi.challenge(request.inviteId);
    const { signature } = await professional.crypto.call('joinProof', {
      secret,
      challenge: challenge.challenge,
    });
    const answer = await invitesApi.answer(request.inviteId, challenge.challengeId, signature);
    if (answer.status === 'approved') {
      const accepted = await professional.crypto.call('joinAccept', {
        secret,
        sealedInfo: request.sealedInfo,
        sealedAnswer: answer.sealedAnswer,
      });
      await professional.commitKeyring(accepted);
      return accepted.mapId;
    }
    await wait(POLL_MS);
  }
  throw new ApiError(0, 'network_error', 'The answer did not arrive.');
}
