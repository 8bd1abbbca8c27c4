/**
 * The joiner's side of an invite: open it with its secret, send who she is (sealed to the invite),
 * and collect the parent's answer with a fresh proof of the secret, which adds the map to her
 * keyring. One flow for the link (nk-join) and for "Samen aan tafel" (together/).
 */
import { invitesApi } from '../../api/invites.js';
import { ApiError } from '../../api/transport.js';
import type { AppStore } from '../../shell/store.js';
import type { JoinProfileView } from '../types.js';

export interface OpenedInvite {
  readonly inviteId: string;
  /** The secret as the worker reads it (a typed code may differ in case or spacing). */
  readonly secret: string;
  readonly sealedInfo: string;
  readonly greeting: string;
  /** Whose map it is: the parent's centre name, sealed in the invite ('' when none). */
  readonly centreName: string;
  readonly expiresAt: number;
}

/** What the joiner needs to collect the answer. */
export interface SentRequest {
  readonly secret: string;
  readonly inviteId: string;
  readonly sealedInfo: string;
}

export async function openInvite(store: AppStore, secret: string): Promise<OpenedInvite> {
  const keys = await store.crypto.call('inviteIdOf', { secret });
  const info = await invitesApi.inviteInfo(keys.inviteId);
  const opened = await store.crypto.call('joinOpen', {
    secret: keys.secret,
    sealedInfo: info.sealedInfo,
  });
  return {
    inviteId: keys.inviteId,
    secret: keys.secret,
    sealedInfo: info.sealedInfo,
    greeting: opened.greeting,
    centreName: opened.centreName,
    expiresAt: opened.expiresAt,
  };
}

/** Sends the sealed request; both sides then see the same safety code. */
export async function askToJoin(
  store: AppStore,
  invite: { secret: string; sealedInfo: string },
  profile: JoinProfileView,
): Promise<{ inviteId: string; requestId: string; safetyCode: string }> {
  const sealed = await store.crypto.call('joinSeal', {
    secret: invite.secret,
    sealedInfo: invite.sealedInfo,
    profile,
  });
  const { requestId } = await invitesApi.sendRequest(
    sealed.inviteId,
    sealed.sealedRequest,
    sealed.signature,
  );
  return { inviteId: sealed.inviteId, requestId, safetyCode: sealed.safetyCode };
}

/**
 * Asks once for the parent's answer. The map's id once approved (then it is in the keyring),
 * null while she has not answered; a decline throws `request_declined`. With `waitS`, the server
 * holds the question until the parent answers (live, about a second), at most that long.
 */
export async function collectAnswer(
  store: AppStore,
  request: SentRequest,
  waitS = 0,
): Promise<string | null> {
  const challenge = await invitesApi.challenge(request.inviteId);
  const { signature } = await store.crypto.call('joinProof', {
    secret: request.secret,
    challenge: challenge.challenge,
  });
  const answer = await invitesApi.answer(request.inviteId, challenge.challengeId, signature, waitS);
  if (answer.status !== 'approved') return null;
  const accepted = await store.crypto.call('joinAccept', {
    secret: request.secret,
    sealedInfo: request.sealedInfo,
    sealedAnswer: answer.sealedAnswer,
  });
  await store.commitKeyring();
  return accepted.mapId;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for the answer until it is there (`tries` rounds, `ms` apart); the map's id. */
export async function waitForAnswer(
  store: AppStore,
  request: SentRequest,
  poll: { tries: number; ms: number },
): Promise<string> {
  for (let attempt = 0; attempt < poll.tries; attempt++) {
    const mapId = await collectAnswer(store, request);
    if (mapId !== null) return mapId;
    await wait(poll.ms);
  }
  throw new ApiError(0, 'network_error', 'The answer did not arrive.');
}
