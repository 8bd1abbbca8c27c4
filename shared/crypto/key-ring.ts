// Key rings: one slot's keys for several epochs, so members still read older cards, log records and
// versions; signed by the owner who sealed them, so nobody else (the server, another member) can hand a
// member keys of their own choosing.
import { CryptoError } from './errors.js';
import {
  concatBytes,
  expectBytes,
  fromBase64Url,
  isU32,
  toBase64Url,
  utf8Encode,
} from './encoding.js';
import { openSignedPlaintext, SIGNER_BLOCK_BYTES, signedPlaintext } from './hidden-signer.js';
import type { LogState } from './log-verify.js';
import type { SectionKeys } from './map-keys.js';
import { padTo, unpad } from './padding.js';
import { SECTIONS } from './sections.js';
import { expectBase64Url, expectObject, expectPlainObject, fail, parseJsonBytes } from './shape.js';
import { boxSeal, boxSealOpen, bytesEqual, SIZES, type KeyPair } from './sodium.js';

/** The keys of one epoch a member may use; `base` is always there. */
export type EpochKeys = Partial<SectionKeys> & { base: Uint8Array };

/** One slot's keys for several epochs of a map. */
export type KeyRing = { mapId: string; epochs: Record<number, EpochKeys> };

/** An opened ring: for which slot, and the Ed25519 key of the owner who signed it (check with trustKeyRing). */
export type SignedKeyRing = KeyRing & { slotId: string; signerPublicKey: Uint8Array };

/** Format of a ring's JSON: 3 is signed; 1 (single-epoch bundle) and 2 were not and are refused. */
export const KEY_RING_VERSION = 3;

/** Most epochs in one ring: older base keys stay reachable through the log's ROTATE entries. */
export const MAX_RING_EPOCHS = 256;
// sizes depend only on the number of epochs, never on which sections a slot may read
const RING_HEADER_BYTES = 128 + SIGNER_BLOCK_BYTES;
const RING_EPOCH_BYTES = 192;

function ringEpochs(ring: KeyRing): number[] {
  const epochs = Object.keys(ring.epochs).map(Number);
  if (epochs.length < 1 || epochs.length > MAX_RING_EPOCHS) {
    throw new CryptoError('malformed', `a key ring holds 1…${MAX_RING_EPOCHS} epochs`);
  }
  if (!epochs.every(isU32))
    throw new CryptoError('malformed', 'epochs are unsigned 32-bit integers');
  return epochs.sort((a, b) => a - b);
}

function ringContext(mapId: string, slotId: string): Uint8Array {
  return utf8Encode(`nk1|key-ring|${mapId}|${slotId}`);
}

/**
 * crypto_box_seal to a member's 32-byte X25519 key of `[signerPk 32][sig 64][JSON]`, JSON
 * `{v:3, mapId, slotId, epochs:{"<epoch>":{base, detail?, private?}}}` (keys base64url), the Ed25519
 * signature by the sealing owner over JSON ‖ `nk1|key-ring|<mapId>|<slotId>`; ISO 7816-4 padded to
 * 224 + 192 × (number of epochs) bytes. The signer stays hidden inside the seal. Throws 'malformed'.
 */
export function sealKeyRing(input: {
  ring: KeyRing;
  slotId: string;
  recipientBoxPublicKey: Uint8Array;
  signer: KeyPair;
}): Uint8Array {
  const { ring, slotId, recipientBoxPublicKey, signer } = input;
  expectBase64Url(ring.mapId, 'mapId', 16);
  expectBase64Url(slotId, 'slotId', 16);
  expectBytes(recipientBoxPublicKey, 'recipient public key', SIZES.boxPublicKey);
  const epochs: Record<string, Record<string, string>> = {};
  const list = ringEpochs(ring);
  for (const epoch of list) {
    const keys = ring.epochs[epoch]!;
    const out: Record<string, string> = {};
    for (const section of SECTIONS) {
      const key = keys[section];
      if (key !== undefined) out[section] = toBase64Url(expectBytes(key, section, SIZES.key));
    }
    if (out.base === undefined)
      throw new CryptoError('malformed', `epoch ${epoch} has no base key`);
    epochs[String(epoch)] = out;
  }
  const json = utf8Encode(
    JSON.stringify({ v: KEY_RING_VERSION, mapId: ring.mapId, slotId, epochs }),
  );
  const plain = signedPlaintext(signer, concatBytes(json, ringContext(ring.mapId, slotId)), json);
  return boxSeal(
    padTo(plain, RING_HEADER_BYTES + RING_EPOCH_BYTES * list.length),
    recipientBoxPublicKey,
  );
}

function parseEpochKeys(value: unknown, path: string): EpochKeys {
  const o = expectObject(value, path, ['base'], ['detail', 'private']);
  const keys: EpochKeys = {
    base: fromBase64Url(expectBase64Url(o.base, `${path}.base`, SIZES.key)),
  };
  for (const section of ['detail', 'private'] as const) {
    if (o[section] !== undefined) {
      keys[section] = fromBase64Url(expectBase64Url(o[section], `${path}.${section}`, SIZES.key));
    }
  }
  return keys;
}

/**
 * Opens a key ring sealed to this member and checks it is for `expected` map and slot and signed (by whom
 * is for trustKeyRing, once the log is verified). Throws CryptoError 'untrusted-key-ring' (unsigned — an
 * old v1 bundle or v2 ring, which anyone with the member's public key could make —, a bad signature, or
 * another slot), 'decrypt-failure' (not for this key or map), 'malformed'.
 */
export function openKeyRing(
  sealed: Uint8Array,
  boxKeyPair: KeyPair,
  expected: { mapId: string; slotId: string },
): SignedKeyRing {
  expectBytes(sealed, 'key ring');
  if (sealed.length <= SIZES.sealOverhead) throw new CryptoError('malformed', 'key ring too short');
  let plain: Uint8Array;
  try {
    plain = unpad(boxSealOpen(sealed, boxKeyPair.publicKey, boxKeyPair.secretKey));
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('decrypt-failure', 'key ring does not open with this key');
  }
  // an unsigned ring is JSON from its first byte: say so rather than "bad signature"
  if (plain[0] === 0x7b && isOldRing(plain)) {
    throw new CryptoError('untrusted-key-ring', 'unsigned key ring (format 1 or 2)');
  }
  let opened: { signerPublicKey: Uint8Array; payload: Uint8Array };
  try {
    opened = openSignedPlaintext(plain, (json) =>
      concatBytes(json, ringContext(expected.mapId, expected.slotId)),
    );
  } catch (error) {
    if (error instanceof CryptoError && error.code === 'bad-signature') {
      // also a ring signed for another map or slot: the context is part of what is signed
      throw new CryptoError('untrusted-key-ring', 'key ring signature does not verify here');
    }
    throw error;
  }
  const ring = expectObject(parseJsonBytes(opened.payload, 'ring'), 'ring', [
    'v',
    'mapId',
    'slotId',
    'epochs',
  ]);
  if (ring.v !== KEY_RING_VERSION) fail('ring.v', 'must be 3');
  const mapId = expectBase64Url(ring.mapId, 'ring.mapId', 16);
  const slotId = expectBase64Url(ring.slotId, 'ring.slotId', 16);
  // a ring copied from another map must not be taken for this one
  if (mapId !== expected.mapId)
    throw new CryptoError('decrypt-failure', 'key ring is for another map');
  if (slotId !== expected.slotId)
    throw new CryptoError('untrusted-key-ring', 'key ring is for another slot');
  return {
    mapId,
    slotId,
    epochs: parseRingEpochs(ring.epochs),
    signerPublicKey: opened.signerPublicKey,
  };
}

/** The `epochs` object of a ring's JSON (formats 2 and 3). Throws CryptoError 'malformed'. */
export function parseRingEpochs(value: unknown): Record<number, EpochKeys> {
  const raw = expectPlainObject(value, 'ring.epochs');
  const names = Object.keys(raw);
  if (names.length < 1 || names.length > MAX_RING_EPOCHS) fail('ring.epochs', 'bad epoch count');
  const epochs: Record<number, EpochKeys> = {};
  for (const name of names) {
    const epoch = Number(name);
    // canonical decimal only, so one epoch cannot appear twice under two spellings
    if (!isU32(epoch) || String(epoch) !== name) fail('ring.epochs', 'bad epoch');
    epochs[epoch] = parseEpochKeys(raw[name], `ring.epochs.${name}`);
  }
  return epochs;
}

function isOldRing(plain: Uint8Array): boolean {
  try {
    const o = expectPlainObject(parseJsonBytes(plain, 'ring'), 'ring');
    return o.v === 1 || o.v === 2;
  } catch {
    return false;
  }
}

/**
 * Checks, against the verified log, that an owner signed the ring: a current owner, or a member who was
 * an owner at some point in the current epoch (e.g. approved this member, then stepped back; the next
 * rotation re-signs every ring). Throws CryptoError 'untrusted-key-ring'.
 */
export function trustKeyRing(ring: SignedKeyRing, log: LogState): void {
  if (ring.mapId !== log.mapId)
    throw new CryptoError('untrusted-key-ring', 'ring and log of another map');
  const keyOf = (slotId: string) => (log.members[slotId] ?? log.former[slotId])?.signPublicKey;
  const roles = new Map<string, string>();
  let signers: Uint8Array[] = [];
  for (const entry of log.entries) {
    if (entry.type === 'INIT' || entry.type === 'ADD')
      roles.set(entry.data.slotId, entry.data.role);
    if (entry.type === 'ROLE') roles.set(entry.data.slotId, entry.data.role);
    if (entry.type === 'REMOVE') roles.delete(entry.data.slotId);
    // a new epoch: only who is an owner from here on may have sealed its rings
    if (entry.type === 'ROTATE') signers = [];
    for (const [slotId, role] of roles) {
      const key = keyOf(slotId);
      if (role === 'owner' && key !== undefined) signers.push(key);
    }
  }
  if (!signers.some((key) => bytesEqual(key, ring.signerPublicKey))) {
    throw new CryptoError('untrusted-key-ring', 'key ring not signed by an owner of this map');
  }
}
