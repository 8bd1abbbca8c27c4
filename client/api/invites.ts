/**
 * Invites. The parent's side goes under the map with its capability; the joiner's side
 * (`/invites/:id`) carries nothing that names an account, so the server cannot link the joiner
 * to the map.
 */
import type {
  ApproveRequestRequest,
  ApproveRequestResponse,
  CollectAnswerResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  InviteChallengeResponse,
  InviteInfoResponse,
  InvitesResponse,
  JoinRequestResponse,
} from '../../shared/api/invites.js';
import { mapPath } from './maps.js';
import { capabilityOf, withoutAccount } from './transport.js';

const invitePath = (inviteId: string, rest = ''): string =>
  `/invites/${encodeURIComponent(inviteId)}${rest}`;

export const invitesApi = {
  createInvite: (
    mapId: string,
    capability: string,
    body: CreateInviteRequest,
  ): Promise<CreateInviteResponse> =>
    withoutAccount.request(mapPath(mapId, '/invites'), {
      method: 'POST',
      body,
      auth: capabilityOf(capability),
    }),
  listInvites: (mapId: string, capability: string): Promise<InvitesResponse> =>
    withoutAccount.request(mapPath(mapId, '/invites'), { auth: capabilityOf(capability) }),
  withdrawInvite: (mapId: string, capability: string, inviteId: string): Promise<void> =>
    withoutAccount.request(mapPath(mapId, `/invites/${encodeURIComponent(inviteId)}`), {
      method: 'DELETE',
      auth: capabilityOf(capability),
    }),
  approve: (
    mapId: string,
    capability: string,
    requestId: string,
    body: ApproveRequestRequest,
  ): Promise<ApproveRequestResponse> =>
    withoutAccount.request(mapPath(mapId, `/requests/${encodeURIComponent(requestId)}/approve`), {
      method: 'POST',
      body,
      auth: capabilityOf(capability),
    }),
  decline: (mapId: string, capability: string, requestId: string): Promise<void> =>
    withoutAccount.request(mapPath(mapId, `/requests/${encodeURIComponent(requestId)}/decline`), {
      method: 'POST',
      auth: capabilityOf(capability),
    }),
  inviteInfo: (inviteId: string): Promise<InviteInfoResponse> =>
    withoutAccount.request(invitePath(inviteId)),
  sendRequest: (
    inviteId: string,
    sealedRequest: string,
    signature: string,
  ): Promise<JoinRequestResponse> =>
    withoutAccount.request(invitePath(inviteId, '/requests'), {
      method: 'POST',
      body: { sealedRequest, signature },
    }),
  challenge: (inviteId: string): Promise<InviteChallengeResponse> =>
    withoutAccount.request(invitePath(inviteId, '/challenge'), { method: 'POST' }),
  /** `waitS` > 0: the server holds a pending answer until the parent answers, up to that long. */
  answer: (
    inviteId: string,
    challengeId: string,
    signature: string,
    waitS = 0,
  ): Promise<CollectAnswerResponse> =>
    withoutAccount.request(invitePath(inviteId, waitS > 0 ? `/answer?wait=${waitS}` : '/answer'), {
      method: 'POST',
      body: { challengeId, signature },
    }),
};
