// Invite handlers: the parent's side (make an invite, open a join request) and the joiner's side.
import {
  CryptoError,
  createInvite,
  deriveInviteKeys,
  fromBase64Url,
  openInvite,
  openJoinAnswer,
  openInviteSecret,
  openJoinRequest,
  safetyCode,
  sealInviteSecret,
  sealJoinRequest,
  signInviteProof,
  toBase64Url,
  type InviteKeys,
} from '../../../shared/crypto/index.js';
import { bytesEqual } from '../../../shared/crypto/sodium.js';
import {
  addToKeyring,
  requireLog,
  requireOpen,
  requireSession,
  sealedKeyring,
  WorkerFailure,
  type Handlers,
  type OpenMap,
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

/**
 * The owner who made an invite of this map, from its sealed info. She must be an owner now, and have
 * signed a log record: the joiner's device anchors the map on one (pin.ts checkInvitedLog).
 */
function inviterOf(open: OpenMap, mapId: string, keys: InviteKeys, sealedInfo: string): Uint8Array {
  const { info } = openInvite(keys.secret, fromBase64Url(sealedInfo));
  const log = requireLog(open);
  const inviter = info.parentSignPublicKey;
  const owner = log.owners.some((slotId) =>
    bytesEqual(log.members[slotId]!.signPublicKey, inviter),
  );
  if (info.mapId !== mapId || !owner) {
    throw new CryptoError('bad-signature', 'the invite was not made by an owner of this map');
  }
  if (!log.entries.some((entry) => bytesEqual(entry.signerPublicKey, inviter))) {
    throw new CryptoError('bad-signature', 'the inviting owner has signed nothing yet');
  }
  return inviter;
}

type InviteOp =
  | 'newInvite'
  | 'openInviteSecret'
  | 'openJoinRequest'
  | 'inviteIdOf'
  | 'joinOpen'
  | 'joinSeal'
  | 'joinProof'
  | 'joinAccept';

export const inviteHandlers: Handlers<InviteOp> = {
  newInvite(state, { mapId, kind, expiresAt }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    // only owners hold the private key; every owner's device opens the secret with it
    const privateKey = open.keys.private;
    if (privateKey === undefined)
      throw new WorkerFailure('unknown-member', 'Only an owner invites.');
    const created = createInvite({
      mapId,
      parentIdentity: { signPublicKey: current.identity.signPublicKey },
      expiresAt,
      kind,
      // sealed in the invite info: the joiner reads whose map it is, the server cannot
      centreName: open.centreName ?? '',
    });
    state.inviteKeys.set(created.secret, created.keys);
    const sealedSecret = sealInviteSecret({
      mapId,
      inviteId: created.inviteId,
      epoch: open.epoch,
      privateKey,
      secret: created.secret,
    });
    return {
      secret: created.secret,
      inviteId: created.inviteId,
      request: {
        inviteId: created.inviteId,
        verifyPublicKey: toBase64Url(created.verifyPublicKey),
        boxPublicKey: toBase64Url(created.boxKeyPair.publicKey),
        sealedInfo: toBase64Url(created.sealedInviteInfo),
        sealedSecret: toBase64Url(sealedSecret),
        expiresAt: created.expiresAt,
      },
    };
  },

  openInviteSecret(state, { mapId, inviteId, sealedSecret }) {
    const open = requireOpen(state, mapId);
    const secret = openInviteSecret({
      mapId,
      inviteId,
      sealed: fromBase64Url(sealedSecret),
      ring: open.ring,
    });
    return { secret };
  },

  openJoinRequest(state, { mapId, secret, sealedRequest, sealedInfo }) {
    const current = requireSession(state);
    const open = requireOpen(state, mapId);
    const keys = keysOfInvite(state, secret);
    // refuses a request without a valid proof of the secret: nothing of it reaches the page
    const request = openJoinRequest(fromBase64Url(sealedRequest), keys, mapId);
    // the joiner's code is made with the inviting parent's key, who may be the other owner
    const inviter =
      sealedInfo === undefined
        ? current.identity.signPublicKey
        : inviterOf(open, mapId, keys, sealedInfo);
    return {
      profile: { ...request.profile },
      safetyCode: safetyCode(keys, inviter, request.signPublicKey),
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
      centreName: info.centreName,
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
    // the co-parent may have said yes: the first open then checks the map against the inviter
    const answer = openJoinAnswer(
      fromBase64Url(sealedAnswer),
      { publicKey: current.identity.boxPublicKey, secretKey: current.identity.boxSecretKey },
      {
        inviteId: keys.inviteId,
        mapId: info.mapId,
        parentSignPublicKey: info.parentSignPublicKey,
        anyOwner: true,
      },
    );
    addToKeyring(current, {
      mapId: answer.mapId,
      capability: toBase64Url(answer.capability),
      title: answer.title,
      addedAt: Date.now(),
      inviter: toBase64Url(info.parentSignPublicKey),
    });
    return { mapId: answer.mapId, ...sealedKeyring(current) };
  },
};
