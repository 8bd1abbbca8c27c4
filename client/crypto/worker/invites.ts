// Invite handlers: the parent's side (make an invite, open a join request) and the joiner's side.
import {
  createInvite,
  deriveInviteKeys,
  fromBase64Url,
  openInvite,
  openJoinAnswer,
  openJoinRequest,
  safetyCode,
  sealJoinRequest,
  signInviteProof,
  toBase64Url,
  type InviteKeys,
} from '../../../shared/crypto/index.js';
import {
  addToKeyring,
  requireOpen,
  requireSession,
  sealedKeyring,
  type Handlers,
  type WorkerState,
} from './state.js';

/** The keys of an invite secret, derived once per secret (a typed code costs one Argon2id run). */
export function keysOfInvite(state: WorkerState, secret: string): InviteKeys {
  const known = state.inviteKeys.get(secret);
  if (known !== undefined) return known;
  const keys = deriveInviteKeys(secret);
  state.inviteKeys.set(secret, keys);
  state.inviteKeys.set(keys.secret, keys);
  return keys;
}

type InviteOp =
  | 'newInvite'
  | 'openJoinRequest'
  | 'inviteIdOf'
  | 'joinOpen'
  | 'joinSeal'
  | 'joinProof'
  | 'joinAccept';

export const inviteHandlers: Handlers<InviteOp> = {
  newInvite(state, { mapId, kind, expiresAt }) {
    const current = requireSession(state);
    requireOpen(state, mapId);
    const created = createInvite({
      mapId,
      parentIdentity: { signPublicKey: current.identity.signPublicKey },
      expiresAt,
      kind,
    });
    state.inviteKeys.set(created.secret, created.keys);
    return {
      secret: created.secret,
      inviteId: created.inviteId,
      request: {
        inviteId: created.inviteId,
        verifyPublicKey: toBase64Url(created.verifyPublicKey),
        boxPublicKey: toBase64Url(created.boxKeyPair.publicKey),
        sealedInfo: toBase64Url(created.sealedInviteInfo),
        expiresAt: created.expiresAt,
      },
    };
  },

  openJoinRequest(state, { mapId, secret, sealedRequest }) {
    const current = requireSession(state);
    requireOpen(state, mapId);
    const keys = keysOfInvite(state, secret);
    // refuses a request without a valid proof of the secret: nothing of it reaches the page
    const request = openJoinRequest(fromBase64Url(sealedRequest), keys, mapId);
    return {
      profile: { ...request.profile },
      safetyCode: safetyCode(keys, current.identity.signPublicKey, request.signPublicKey),
      signPublicKey: toBase64Url(request.signPublicKey),
      boxPublicKey: toBase64Url(request.boxPublicKey),
    };
  },

  inviteIdOf(state, { secret }) {
    const keys = keysOfInvite(state, secret);
    return { inviteId: keys.inviteId, secret: keys.secret };
  },

  joinOpen(state, { secret, sealedInfo }) {
    const { keys, info } = openInvite(secret, fromBase64Url(sealedInfo));
    state.inviteKeys.set(keys.secret, keys);
    return {
      inviteId: info.inviteId,
      mapId: info.mapId,
      greeting: info.greeting,
      expiresAt: info.expiresAt,
    };
  },

  joinSeal(state, { secret, sealedInfo, profile }) {
    const current = requireSession(state);
    const keys = keysOfInvite(state, secret);
    const { info } = openInvite(keys.secret, fromBase64Url(sealedInfo));
    const sealed = sealJoinRequest({
      invite: keys,
      mapId: info.mapId,
      joinerIdentity: {
        signPublicKey: current.identity.signPublicKey,
        signSecretKey: current.identity.signSecretKey,
        boxPublicKey: current.identity.boxPublicKey,
      },
      profile,
    });
    return {
      inviteId: keys.inviteId,
      sealedRequest: toBase64Url(sealed),
      signature: toBase64Url(signInviteProof(keys, 'join-request', sealed)),
      safetyCode: safetyCode(keys, info.parentSignPublicKey, current.identity.signPublicKey),
    };
  },

  joinProof(state, { secret, challenge }) {
    const keys = keysOfInvite(state, secret);
    return {
      signature: toBase64Url(signInviteProof(keys, 'collect-answer', fromBase64Url(challenge))),
    };
  },

  joinAccept(state, { secret, sealedInfo, sealedAnswer }) {
    const current = requireSession(state);
    const keys = keysOfInvite(state, secret);
    const { info } = openInvite(keys.secret, fromBase64Url(sealedInfo));
    const answer = openJoinAnswer(
      fromBase64Url(sealedAnswer),
      { publicKey: current.identity.boxPublicKey, secretKey: current.identity.boxSecretKey },
      { inviteId: keys.inviteId, mapId: info.mapId, parentSignPublicKey: info.parentSignPublicKey },
    );
    addToKeyring(current, {
      mapId: answer.mapId,
      capability: toBase64Url(answer.capability),
      title: answer.title,
      addedAt: Date.now(),
    });
    return { mapId: answer.mapId, ...sealedKeyring(current) };
  },
};
