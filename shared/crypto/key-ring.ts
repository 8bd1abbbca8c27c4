// Key rings: one slot's keys for several epochs, so members still read older cards, log records and versions.
import { CryptoError } from './errors.js';
import { expectBytes, fromBase64Url, isU32, toBase64Url, utf8Encode } from './encoding.js';
import { openKeyBundle, type SectionKeys } from './map-keys.js';
import { padTo, unpad } from './padding.js';
import { SECTIONS } from './sections.js';
import { expectBase64Url, expectObject, expectPlainObject, fail, parseJsonBytes } from './shape.js';
import { boxSeal, boxSealOpen, SIZES, type KeyPair } from './sodium.js';

/** The keys of one epoch a member may use; `base` is always there. */
export type EpochKeys = Partial<SectionKeys> & { base: Uint8Array };

/** One slot's keys for several epochs of a map. */
export type KeyRing = { mapId: string; epochs: Record<number, EpochKeys> };

/** Most epochs in one ring: older base keys stay reachable through the log's ROTATE entries. */
export const MAX_RING_EPOCHS = 256;
// sizes depend only on the number of epochs, never on which sections a slot may read
const RING_HEADER_BYTES = 128;
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

/**
 * crypto_box_seal to a member's 32-byte X25519 key of the UTF-8 JSON
 * `{v:2, mapId, epochs:{"<epoch>":{base, detail?, private?}}}` (keys base64url), ISO 7816-4 padded to
 * 128 + 192 × (number of epochs) bytes. Throws CryptoError 'malformed'.
 */
export function sealKeyRing(ring: KeyRing, recipientBoxPublicKey: Uint8Array): Uint8Array {
  expectBase64Url(ring.mapId, 'mapId', 16);
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
  const json = utf8Encode(JSON.stringify({ v: 2, mapId: ring.mapId, epochs }));
  return boxSeal(
    padTo(json, RING_HEADER_BYTES + RING_EPOCH_BYTES * list.length),
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
 * Opens a key ring — or a single-epoch key bundle (format v1), as a ring of one — and checks it is for
 * `expectedMapId`. Throws CryptoError 'decrypt-failure' (not for this key or map), 'malformed'.
 */
export function openKeyRing(
  sealed: Uint8Array,
  boxKeyPair: KeyPair,
  expectedMapId: string,
): KeyRing {
  expectBytes(sealed, 'key ring');
  if (sealed.length <= SIZES.sealOverhead) throw new CryptoError('malformed', 'key ring too short');
  let padded: Uint8Array;
  try {
    padded = boxSealOpen(sealed, boxKeyPair.publicKey, boxKeyPair.secretKey);
  } catch {
    throw new CryptoError('decrypt-failure', 'key ring does not open with this key');
  }
  const o = expectPlainObject(parseJsonBytes(unpad(padded), 'ring'), 'ring');
  if (o.v === 1) {
    const bundle = openKeyBundle(sealed, boxKeyPair, expectedMapId);
    return { mapId: bundle.mapId, epochs: { [bundle.epoch]: bundle.keys } };
  }
  const ring = expectObject(o, 'ring', ['v', 'mapId', 'epochs']);
  if (ring.v !== 2) fail('ring.v', 'must be 1 or 2');
  const mapId = expectBase64Url(ring.mapId, 'ring.mapId', 16);
  // a ring copied from another map must not be taken for this one
  if (mapId !== expectedMapId)
    throw new CryptoError('decrypt-failure', 'key ring is for another map');
  const raw = expectPlainObject(ring.epochs, 'ring.epochs');
  const names = Object.keys(raw);
  if (names.length < 1 || names.length > MAX_RING_EPOCHS) fail('ring.epochs', 'bad epoch count');
  const epochs: Record<number, EpochKeys> = {};
  for (const name of names) {
    const epoch = Number(name);
    // canonical decimal only, so one epoch cannot appear twice under two spellings
    if (!isU32(epoch) || String(epoch) !== name) fail('ring.epochs', 'bad epoch');
    epochs[epoch] = parseEpochKeys(raw[name], `ring.epochs.${name}`);
  }
  return { mapId, epochs };
}
