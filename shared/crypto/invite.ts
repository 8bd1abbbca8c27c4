// Invites: every key of an invite comes from its secret, so the link or code alone lets a joiner in.
import { DEFAULT_KDF, KDF_BOUNDS, type KdfCost } from './account.js';
import { adInviteInfo } from './ad.js';
import { decryptEnvelope, encryptEnvelope } from './envelope.js';
import { CryptoError } from './errors.js';
import {
  concatBytes,
  expectBytes,
  fromBase64Url,
  isBase64Url,
  isBytes,
  toBase64Url,
  utf8Encode,
} from './encoding.js';
import {
  newInviteCode,
  newInviteLinkSecret,
  parseInviteSecret,
  type InviteKind,
} from './invite-code.js';
import {
  expectBase64Url,
  expectInteger,
  expectObject,
  expectString,
  fail,
  parseJsonBytes,
} from './shape.js';
import {
  argon2id,
  boxSeedKeyPair,
  isSodiumLoaded,
  kdfDerive,
  signDetached,
  signSeedKeyPair,
  signVerifyDetached,
  SIZES,
  wipe,
  type KeyPair,
} from './sodium.js';

/** Argon2id cost for short codes (50 bits): a server that stores the invite cannot cheaply try them all. */
export const INVITE_CODE_KDF: KdfCost = DEFAULT_KDF;
// 16 ASCII bytes: codes are too short to carry a salt, and 2^50 Argon2id runs defeat a table anyway
const INVITE_CODE_SALT = utf8Encode('nk1|invite-code1');
const INVITE_CONTEXT = 'nkinvite';
// its own context: nothing the server stores (verify or box public key) is derived under it
const JOIN_CONTEXT = 'nkjoin02';
/** Most characters of the centre name an invite carries (the map's centre names are shorter). */
const CENTRE_NAME_MAX_CHARS = 120;

/** Most Unicode code points in an invite's greeting. */
export const GREETING_MAX_CHARS = 200;

/** What a proof of the invite secret authorises; the server checks each against the invite's key. */
export const INVITE_PURPOSES = ['join-request', 'collect-answer', 'withdraw-request'] as const;
export type InvitePurpose = (typeof INVITE_PURPOSES)[number];

/**
 * Everything derived from an invite secret. inviteId = base64url(first 16 bytes of kdf(root, 1));
 * verify pair = Ed25519 from kdf(root, 2); box pair = X25519 from kdf(root, 3); infoKey = kdf(root, 4);
 * kdf context "nkinvite"; root = the link's 32 bytes, or Argon2id13(32, code ASCII, "nk1|invite-code1").
 * joinKey = kdf(root, 1) and safetyKey = kdf(root, 2) under context "nkjoin02": only the joiner and the
 * parent's devices hold them, so the server can neither make a join proof nor compute a safety code.
 */
export type InviteKeys = {
  kind: InviteKind;
  /** the canonical secret text: 43 base64url characters, or `XXXXX-XXXXX`. */
  secret: string;
  inviteId: string;
  verifyKeyPair: KeyPair;
  boxKeyPair: KeyPair;
  infoKey: Uint8Array;
  /** keys the in-seal proof of a join request (BLAKE2b MAC); never leaves the two devices. */
  joinKey: Uint8Array;
  /** keys the safety code, so whoever lacks the secret cannot compute or grind it. */
  safetyKey: Uint8Array;
};

/** The invite as the joiner reads it after opening `sealedInviteInfo`. */
export type InviteInfo = {
  inviteId: string;
  mapId: string;
  /** the parent's identity Ed25519 key: the join answer must be signed by it. */
  parentSignPublicKey: Uint8Array;
  greeting: string;
  /** The name the parent put in the centre of her map ('' when none): "de kaart van Linda". */
  centreName: string;
  /** ms since the Unix epoch. */
  expiresAt: number;
};

/** A new invite: the secret to hand over, what the server stores, and the keys the parent keeps. */
export type NewInvite = {
  kind: InviteKind;
  secret: string;
  inviteId: string;
  verifyPublicKey: Uint8Array;
  boxKeyPair: KeyPair;
  sealedInviteInfo: Uint8Array;
  expiresAt: number;
  keys: InviteKeys;
};

function checkCost(cost: KdfCost): void {
  const ok =
    Number.isInteger(cost.opsLimit) &&
    Number.isInteger(cost.memLimit) &&
    cost.opsLimit >= KDF_BOUNDS.minOps &&
    cost.opsLimit <= KDF_BOUNDS.maxOps &&
    cost.memLimit >= KDF_BOUNDS.minMem &&
    cost.memLimit <= KDF_BOUNDS.maxMem;
  if (!ok) throw new CryptoError('malformed', 'KDF cost out of bounds');
}

/**
 * Secret text (link or code) → the invite's keys. Codes cost one Argon2id run at `codeCost`
 * (both sides must use the same; tests pass TEST_KDF). Throws CryptoError 'malformed'.
 */
export function deriveInviteKeys(secret: string, codeCost: KdfCost = INVITE_CODE_KDF): InviteKeys {
  const parsed = parseInviteSecret(secret);
  let root: Uint8Array;
  if (parsed.kind === 'link') {
    root = parsed.material;
  } else {
    checkCost(codeCost);
    root = argon2id(
      SIZES.key,
      parsed.material,
      INVITE_CODE_SALT,
      codeCost.opsLimit,
      codeCost.memLimit,
    );
  }
  const id = kdfDerive(root, 1, INVITE_CONTEXT);
  const verifySeed = kdfDerive(root, 2, INVITE_CONTEXT);
  const boxSeed = kdfDerive(root, 3, INVITE_CONTEXT);
  const keys: InviteKeys = {
    kind: parsed.kind,
    secret: parsed.text,
    inviteId: toBase64Url(id.subarray(0, 16)),
    verifyKeyPair: signSeedKeyPair(verifySeed),
    boxKeyPair: boxSeedKeyPair(boxSeed),
    infoKey: kdfDerive(root, 4, INVITE_CONTEXT),
    joinKey: kdfDerive(root, 1, JOIN_CONTEXT),
    safetyKey: kdfDerive(root, 2, JOIN_CONTEXT),
  };
  for (const secretBytes of [root, id, verifySeed, boxSeed]) wipe(secretBytes);
  return keys;
}

/**
 * A new invite for `mapId` by the parent (her identity Ed25519 public key). `sealedInviteInfo` =
 * envelope(infoKey, JSON {v:1, inviteId, mapId, parentSignPublicKey, greeting, centreName?, expiresAt},
 * `invite-info|<inviteId>`). The server gets inviteId, verifyPublicKey, sealedInviteInfo, expiresAt.
 */
export function createInvite(input: {
  mapId: string;
  parentIdentity: { signPublicKey: Uint8Array };
  expiresAt: number;
  kind: InviteKind;
  greeting?: string;
  /** Sealed with the rest: the server never reads it. Left out of the JSON when empty. */
  centreName?: string;
  codeCost?: KdfCost;
}): NewInvite {
  const secret = input.kind === 'link' ? newInviteLinkSecret() : newInviteCode();
  const keys = deriveInviteKeys(secret, input.codeCost);
  const json = {
    v: 1,
    inviteId: keys.inviteId,
    mapId: expectBase64Url(input.mapId, 'mapId', 16),
    parentSignPublicKey: toBase64Url(
      expectBytes(input.parentIdentity.signPublicKey, 'parent sign key', SIZES.signPublicKey),
    ),
    greeting: expectString(input.greeting ?? '', 'greeting', 0, GREETING_MAX_CHARS),
    ...(input.centreName
      ? { centreName: expectString(input.centreName, 'centreName', 1, CENTRE_NAME_MAX_CHARS) }
      : {}),
    expiresAt: expectInteger(input.expiresAt, 'expiresAt', 0, Number.MAX_SAFE_INTEGER),
  };
  const sealedInviteInfo = encryptEnvelope(
    keys.infoKey,
    utf8Encode(JSON.stringify(json)),
    adInviteInfo(keys.inviteId),
  );
  return {
    kind: keys.kind,
    secret: keys.secret,
    inviteId: keys.inviteId,
    verifyPublicKey: keys.verifyKeyPair.publicKey,
    boxKeyPair: keys.boxKeyPair,
    sealedInviteInfo,
    expiresAt: json.expiresAt,
    keys,
  };
}

/** Opens sealed invite info with already derived keys. Throws CryptoError 'decrypt-failure', 'malformed'. */
export function openInviteInfo(keys: InviteKeys, sealedInviteInfo: Uint8Array): InviteInfo {
  const plain = decryptEnvelope(keys.infoKey, sealedInviteInfo, adInviteInfo(keys.inviteId));
  const o = expectObject(
    parseJsonBytes(plain, 'invite'),
    'invite',
    ['v', 'inviteId', 'mapId', 'parentSignPublicKey', 'greeting', 'expiresAt'],
    ['centreName'],
  );
  if (o.v !== 1) fail('invite.v', 'must be 1');
  if (o.inviteId !== keys.inviteId) fail('invite.inviteId', 'not this invite');
  return {
    inviteId: keys.inviteId,
    mapId: expectBase64Url(o.mapId, 'invite.mapId', 16),
    parentSignPublicKey: fromBase64Url(
      expectBase64Url(o.parentSignPublicKey, 'invite.parentSignPublicKey', SIZES.signPublicKey),
    ),
    greeting: expectString(o.greeting, 'invite.greeting', 0, GREETING_MAX_CHARS),
    centreName:
      o.centreName === undefined
        ? ''
        : expectString(o.centreName, 'invite.centreName', 1, CENTRE_NAME_MAX_CHARS),
    expiresAt: expectInteger(o.expiresAt, 'invite.expiresAt', 0, Number.MAX_SAFE_INTEGER),
  };
}

/**
 * The joiner's side: secret text + the sealed info the server returned for its inviteId → keys and info.
 * The caller compares `info.expiresAt` with the clock. Throws CryptoError 'malformed', 'decrypt-failure'.
 */
export function openInvite(
  secret: string,
  sealedInviteInfo: Uint8Array,
  codeCost: KdfCost = INVITE_CODE_KDF,
): { keys: InviteKeys; info: InviteInfo } {
  const keys = deriveInviteKeys(secret, codeCost);
  return { keys, info: openInviteInfo(keys, sealedInviteInfo) };
}

function proofMessage(inviteId: string, purpose: InvitePurpose, payload: Uint8Array): Uint8Array {
  return concatBytes(utf8Encode(`nk1|invite|${purpose}|${inviteId}|`), payload);
}

/**
 * Proves knowledge of the invite secret: Ed25519 (invite verify key) over
 * `"nk1|invite|<purpose>|<inviteId>|" ‖ payload` → 64 bytes. Payload: a server challenge, or the
 * sealed request being posted.
 */
export function signInviteProof(
  keys: InviteKeys,
  purpose: InvitePurpose,
  payload: Uint8Array,
): Uint8Array {
  if (!INVITE_PURPOSES.includes(purpose)) throw new CryptoError('malformed', 'unknown purpose');
  expectBytes(payload, 'payload');
  return signDetached(proofMessage(keys.inviteId, purpose, payload), keys.verifyKeyPair.secretKey);
}

/**
 * Server side: true only for a valid proof by the invite's 32-byte verify key. Never throws on hostile
 * input (wrong lengths or types, unknown purpose, bad invite id): it returns false.
 */
export function verifyInviteProof(
  verifyPublicKey: Uint8Array,
  inviteId: string,
  purpose: InvitePurpose,
  payload: Uint8Array,
  signature: Uint8Array,
): boolean {
  // a missing loadSodium() is a programming error, not hostile input, so it still throws
  if (!isSodiumLoaded()) throw new Error('libsodium is not loaded: await loadSodium() first');
  if (!isBytes(verifyPublicKey, SIZES.signPublicKey) || !isBytes(signature, SIZES.signature)) {
    return false;
  }
  if (!INVITE_PURPOSES.includes(purpose) || !isBase64Url(inviteId, 16) || !isBytes(payload)) {
    return false;
  }
  try {
    return signVerifyDetached(signature, proofMessage(inviteId, purpose, payload), verifyPublicKey);
  } catch {
    return false;
  }
}
