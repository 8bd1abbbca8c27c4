// Key rings from before rings were signed (v1 bundles, v2 rings): opened so families keep the maps they
// made then, and trusted only for keys that signed data (the verified log, a signed version) vouches for.
import { CryptoError } from './errors.js';
import { expectBytes } from './encoding.js';
import { parseRingEpochs, type EpochKeys, type KeyRing } from './key-ring.js';
import type { LogState } from './log-verify.js';
import { openKeyBundle } from './map-keys.js';
import { unpad } from './padding.js';
import type { Section } from './sections.js';
import { expectBase64Url, expectObject, expectPlainObject, parseJsonBytes } from './shape.js';
import { boxSealOpen, bytesEqual, SIZES, type KeyPair } from './sodium.js';

/**
 * Opens an unsigned ring sealed to this member: a v1 key bundle (one epoch) or a v2 ring
 * (`{v:2, mapId, epochs}`), for `mapId`. Returns null when the bytes are not one (a signed ring:
 * openKeyRing reads those). Throws CryptoError 'decrypt-failure' (not for this key or map), 'malformed'.
 */
export function openLegacyKeyRing(
  sealed: Uint8Array,
  boxKeyPair: KeyPair,
  mapId: string,
): KeyRing | null {
  expectBytes(sealed, 'key ring');
  if (sealed.length <= SIZES.sealOverhead) throw new CryptoError('malformed', 'key ring too short');
  let plain: Uint8Array;
  try {
    plain = unpad(boxSealOpen(sealed, boxKeyPair.publicKey, boxKeyPair.secretKey));
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('decrypt-failure', 'key ring does not open with this key');
  }
  // an unsigned ring is JSON from its first byte; a signed one starts with the signer's key
  if (plain[0] !== 0x7b) return null;
  let o: Record<string, unknown>;
  try {
    o = expectPlainObject(parseJsonBytes(plain, 'ring'), 'ring');
  } catch {
    return null;
  }
  if (o.v === 1) {
    const bundle = openKeyBundle(sealed, boxKeyPair, mapId);
    return { mapId: bundle.mapId, epochs: { [bundle.epoch]: bundle.keys } };
  }
  if (o.v !== 2) return null;
  const ring = expectObject(o, 'ring', ['v', 'mapId', 'epochs']);
  const ringMapId = expectBase64Url(ring.mapId, 'ring.mapId', 16);
  // a ring copied from another map must not be taken for this one
  if (ringMapId !== mapId) throw new CryptoError('decrypt-failure', 'key ring is for another map');
  return { mapId, epochs: parseRingEpochs(ring.epochs) };
}

/**
 * The keys of an unsigned ring that something signed vouches for: each base key must be the one the
 * verified log opened its records with (`log.baseKeys`; epochs the log does not know are dropped;
 * without a log only `body.epoch` stays), older epochs keep their base key only, and `body.epoch`
 * keeps a detail or private key only where the body has that section. The caller then decrypts the
 * signed body with these keys, so a section key of anyone else's making fails there. Throws
 * CryptoError 'untrusted-key-ring'.
 */
export function vouchedLegacyRing(
  ring: KeyRing,
  log: LogState | null,
  body: { epoch: number; sections: readonly Section[] },
): KeyRing {
  const epochs: Record<number, EpochKeys> = {};
  for (const [name, keys] of Object.entries(ring.epochs)) {
    const epoch = Number(name);
    if (log === null && epoch !== body.epoch) continue;
    const known = log === null ? keys.base : log.baseKeys[epoch];
    if (known === undefined) continue;
    if (!bytesEqual(known, keys.base)) {
      throw new CryptoError('untrusted-key-ring', `base key of epoch ${epoch} is not the log's`);
    }
    const kept: EpochKeys = { base: keys.base };
    if (epoch === body.epoch) {
      for (const section of ['detail', 'private'] as const) {
        const key = keys[section];
        if (key !== undefined && body.sections.includes(section)) kept[section] = key;
      }
    }
    epochs[epoch] = kept;
  }
  if (epochs[body.epoch] === undefined) {
    throw new CryptoError('untrusted-key-ring', 'no vouched keys for the version');
  }
  return { mapId: ring.mapId, epochs };
}
