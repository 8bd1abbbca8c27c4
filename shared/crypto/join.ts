// Consent to join: a request sealed to the invite, and the parent's signed answer sealed to the joiner.
import { CAPABILITY_BYTES } from './capability.js';
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes, fromBase64Url, toBase64Url, utf8Encode } from './encoding.js';
import { openSignedPlaintext, signedPlaintext } from './hidden-signer.js';
import type { InviteKeys } from './invite.js';
import { isJoinProof, joinProof } from './join-proof.js';
import { padTo, unpad } from './padding.js';
import {
  expectBase64Url,
  expectInteger,
  expectObject,
  expectOneOf,
  expectPlainObject,
  expectString,
  fail,
  parseJsonBytes,
} from './shape.js';
import { boxSeal, boxSealOpen, bytesEqual, SIZES, type KeyPair } from './sodium.js';

/** What a joiner tells the parent; limits in Unicode code points. */
export const JOIN_PROFILE_LIMITS = {
  name: 120,
  profession: 120,
  organisation: 120,
  contact: 280,
  availability: 280,
} as const;

/** The joiner's self-description the parent sees before approving (name required). */
export type JoinProfile = {
  name: string;
  profession: string;
  organisation: string;
  contact: string;
  availability: string;
};

/** Format of a join request's JSON; 1 had no proof of the invite secret and is refused. */
export const JOIN_REQUEST_VERSION = 2;

/** The invite keys a request is sealed and proved with (re-derived from the secret). */
export type JoinInviteKeys = Pick<InviteKeys, 'inviteId' | 'boxKeyPair' | 'joinKey'>;

/** An opened join request: the joiner's identity keys (32 bytes each), profile, and time (ms). */
export type JoinRequest = {
  mapId: string;
  inviteId: string;
  signPublicKey: Uint8Array;
  boxPublicKey: Uint8Array;
  profile: JoinProfile;
  at: number;
};

/** A slot's rights on the server (as shared/api's Rights). */
export const SLOT_RIGHTS = ['read', 'write', 'admin'] as const;
export type SlotRights = (typeof SLOT_RIGHTS)[number];

/**
 * The parent's approval: where the joiner's slot is and its capability (32 bytes). The section keys are
 * not in it: the slot's own key bundle, fetched with the capability, is the one place they live.
 */
export type JoinAnswer = {
  inviteId: string;
  mapId: string;
  slotId: string;
  capability: Uint8Array;
  rights: SlotRights;
  title: string;
};

/** An opened answer and who signed it: the inviting parent, or (with `anyOwner`) another owner. */
export type OpenedJoinAnswer = JoinAnswer & { signerPublicKey: Uint8Array };

// fixed sizes, so a sealed request or answer tells the server nothing by its length
const REQUEST_PLAINTEXT_BYTES = 2048;
const ANSWER_PLAINTEXT_BYTES = 1024;
const TITLE_MAX_CHARS = 200;

function validateProfile(value: unknown): JoinProfile {
  const o = expectObject(value, 'request.profile', Object.keys(JOIN_PROFILE_LIMITS));
  const L = JOIN_PROFILE_LIMITS;
  const name = expectString(o.name, 'request.profile.name', 1, L.name);
  if (name.trim() === '') fail('request.profile.name', 'blank');
  return {
    name,
    profession: expectString(o.profession, 'request.profile.profession', 0, L.profession),
    organisation: expectString(o.organisation, 'request.profile.organisation', 0, L.organisation),
    contact: expectString(o.contact, 'request.profile.contact', 0, L.contact),
    availability: expectString(o.availability, 'request.profile.availability', 0, L.availability),
  };
}

function requestContext(inviteId: string): Uint8Array {
  return utf8Encode(`nk1|join-request|${inviteId}`);
}

function answerContext(inviteId: string): Uint8Array {
  return utf8Encode(`nk1|join-answer|${inviteId}`);
}

function sealPadded(plain: Uint8Array, size: number, recipient: Uint8Array): Uint8Array {
  expectBytes(recipient, 'recipient box public key', SIZES.boxPublicKey);
  return boxSeal(padTo(plain, size), recipient);
}

function openPadded(sealed: Uint8Array, pair: KeyPair, what: string): Uint8Array {
  expectBytes(sealed, what);
  if (sealed.length <= SIZES.sealOverhead) throw new CryptoError('malformed', `${what} too short`);
  try {
    return unpad(boxSealOpen(sealed, pair.publicKey, pair.secretKey));
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('decrypt-failure', `${what} does not open with this key`);
  }
}

/**
 * The joiner's request: crypto_box_seal to the invite's X25519 key of `[signPk 32][sig 64][JSON]`,
 * ISO 7816-4 padded to 2048 bytes; JSON `{v:2, mapId, inviteId, signPublicKey, boxPublicKey, profile,
 * at, proof}`, signed by the joiner's identity key over JSON ‖ `nk1|join-request|<inviteId>`; `proof`
 * (base64url, 32 bytes) is joinProof() under the invite's joinKey, which the server never has.
 */
export function sealJoinRequest(input: {
  invite: JoinInviteKeys;
  mapId: string;
  joinerIdentity: {
    signPublicKey: Uint8Array;
    signSecretKey: Uint8Array;
    boxPublicKey: Uint8Array;
  };
  profile: JoinProfile;
  at?: number;
}): Uint8Array {
  const { invite, joinerIdentity: joiner } = input;
  const fields = {
    mapId: expectBase64Url(input.mapId, 'mapId', 16),
    inviteId: invite.inviteId,
    signPublicKey: expectBytes(joiner.signPublicKey, 'sign key', 32),
    boxPublicKey: expectBytes(joiner.boxPublicKey, 'box key', 32),
    profile: validateProfile({ ...input.profile }),
    at: expectInteger(input.at ?? Date.now(), 'at', 0, Number.MAX_SAFE_INTEGER),
  };
  const proof = joinProof(expectBytes(invite.joinKey, 'join key', SIZES.key), fields);
  const json = utf8Encode(
    JSON.stringify({
      v: JOIN_REQUEST_VERSION,
      mapId: fields.mapId,
      inviteId: fields.inviteId,
      signPublicKey: toBase64Url(fields.signPublicKey),
      boxPublicKey: toBase64Url(fields.boxPublicKey),
      profile: fields.profile,
      at: fields.at,
      proof: toBase64Url(proof),
    }),
  );
  const signer = { publicKey: joiner.signPublicKey, secretKey: joiner.signSecretKey };
  const message = concatBytes(json, requestContext(invite.inviteId));
  const plain = signedPlaintext(signer, message, json);
  return sealPadded(plain, REQUEST_PLAINTEXT_BYTES, invite.boxKeyPair.publicKey);
}

/**
 * The parent's device opens a request with the invite's keys (re-derived from the secret she kept) for
 * her map `mapId`, checks it is for this invite and signed by the key it names, and checks the proof of
 * the invite secret before anything of it is shown. Throws CryptoError 'forged-request' (no valid proof:
 * made from what the server stores, or for another map), 'unsupported-version' (a v1 request, which
 * carries no proof), 'decrypt-failure', 'bad-signature', 'malformed'.
 */
export function openJoinRequest(
  sealed: Uint8Array,
  invite: JoinInviteKeys,
  mapId: string,
): JoinRequest {
  const plain = openPadded(sealed, invite.boxKeyPair, 'join request');
  const context = requestContext(invite.inviteId);
  const { signerPublicKey, payload } = openSignedPlaintext(plain, (json) =>
    concatBytes(json, context),
  );
  const raw = expectPlainObject(parseJsonBytes(payload, 'request'), 'request');
  if (raw.v === 1) {
    throw new CryptoError(
      'unsupported-version',
      'a v1 join request carries no proof of the secret',
    );
  }
  const o = expectObject(raw, 'request', [
    'v',
    'mapId',
    'inviteId',
    'signPublicKey',
    'boxPublicKey',
    'profile',
    'at',
    'proof',
  ]);
  if (o.v !== JOIN_REQUEST_VERSION) fail('request.v', 'must be 2');
  if (o.inviteId !== invite.inviteId) fail('request.inviteId', 'not this invite');
  const signPublicKey = fromBase64Url(
    expectBase64Url(o.signPublicKey, 'request.signPublicKey', 32),
  );
  if (!bytesEqual(signPublicKey, signerPublicKey)) {
    throw new CryptoError('bad-signature', 'request signed by another key than it names');
  }
  const request: JoinRequest = {
    mapId: expectBase64Url(mapId, 'mapId', 16),
    inviteId: invite.inviteId,
    signPublicKey,
    boxPublicKey: fromBase64Url(expectBase64Url(o.boxPublicKey, 'request.boxPublicKey', 32)),
    profile: validateProfile(o.profile),
    at: expectInteger(o.at, 'request.at', 0, Number.MAX_SAFE_INTEGER),
  };
  const proof = fromBase64Url(expectBase64Url(o.proof, 'request.proof', SIZES.blake2b256));
  // the MAC is over the expected map, so a request made for another map fails here too
  if (o.mapId !== mapId || !isJoinProof(invite.joinKey, request, proof)) {
    throw new CryptoError('forged-request', 'no valid proof of the invite secret');
  }
  return request;
}

/**
 * The parent's approval: crypto_box_seal to the joiner's X25519 key of `[signPk 32][sig 64][JSON]`,
 * padded to 1024 bytes; JSON `{v:1, inviteId, mapId, slotId, capability, rights, title}`, signed by the
 * parent's identity key over JSON ‖ `nk1|join-answer|<inviteId>`.
 */
export function sealJoinAnswer(
  answer: JoinAnswer,
  joinerBoxPublicKey: Uint8Array,
  parentSigner: KeyPair,
): Uint8Array {
  const json = utf8Encode(
    JSON.stringify({
      v: 1,
      inviteId: expectBase64Url(answer.inviteId, 'inviteId', 16),
      mapId: expectBase64Url(answer.mapId, 'mapId', 16),
      slotId: expectBase64Url(answer.slotId, 'slotId', 16),
      capability: toBase64Url(expectBytes(answer.capability, 'capability', CAPABILITY_BYTES)),
      rights: expectOneOf(answer.rights, 'rights', SLOT_RIGHTS),
      title: expectString(answer.title, 'title', 0, TITLE_MAX_CHARS),
    }),
  );
  const message = concatBytes(json, answerContext(answer.inviteId));
  const plain = signedPlaintext(parentSigner, message, json);
  return sealPadded(plain, ANSWER_PLAINTEXT_BYTES, joinerBoxPublicKey);
}

/**
 * The joiner opens the answer and checks it is for this invite and map and signed by the parent named in
 * the invite info. With `anyOwner`, another owner (the co-parent) may have signed it: the caller then
 * trusts the map only once its verified log holds a record the inviting parent signed (the worker does).
 * Throws CryptoError 'decrypt-failure', 'bad-signature', 'malformed'.
 */
export function openJoinAnswer(
  sealed: Uint8Array,
  joinerBoxKeyPair: KeyPair,
  expected: {
    inviteId: string;
    mapId: string;
    parentSignPublicKey: Uint8Array;
    anyOwner?: boolean;
  },
): OpenedJoinAnswer {
  const plain = openPadded(sealed, joinerBoxKeyPair, 'join answer');
  const context = answerContext(expected.inviteId);
  const { signerPublicKey, payload } = openSignedPlaintext(plain, (json) =>
    concatBytes(json, context),
  );
  if (!expected.anyOwner && !bytesEqual(signerPublicKey, expected.parentSignPublicKey)) {
    throw new CryptoError('bad-signature', 'answer not signed by the inviting parent');
  }
  const o = expectObject(parseJsonBytes(payload, 'answer'), 'answer', [
    'v',
    'inviteId',
    'mapId',
    'slotId',
    'capability',
    'rights',
    'title',
  ]);
  if (o.v !== 1) fail('answer.v', 'must be 1');
  if (o.inviteId !== expected.inviteId) fail('answer.inviteId', 'not this invite');
  if (o.mapId !== expected.mapId) fail('answer.mapId', 'not the invited map');
  return {
    inviteId: expected.inviteId,
    mapId: expected.mapId,
    slotId: expectBase64Url(o.slotId, 'answer.slotId', 16),
    capability: fromBase64Url(expectBase64Url(o.capability, 'answer.capability', CAPABILITY_BYTES)),
    rights: expectOneOf(o.rights, 'answer.rights', SLOT_RIGHTS),
    title: expectString(o.title, 'answer.title', 0, TITLE_MAX_CHARS),
    signerPublicKey,
  };
}
