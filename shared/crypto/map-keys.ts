// Section keys per epoch, sealed to each member's X25519 key in a key bundle.
import { CryptoError } from './errors.js';
import { expectBytes, fromBase64Url, isU32, toBase64Url, utf8Encode } from './encoding.js';
import { padTo, unpad } from './padding.js';
import { expectBase64Url, expectInteger, expectObject, fail, parseJsonBytes } from './shape.js';
import { SECTIONS, type Section } from './sections.js';
import { boxSeal, boxSealOpen, randomBytes, SIZES, type KeyPair } from './sodium.js';

export { SECTIONS, SECTION_IDS, isSection, type Section } from './sections.js';

/** One 32-byte key per section. */
export type SectionKeys = Record<Section, Uint8Array>;

/** What one member may decrypt in one epoch of one map; `base` is always present. */
export type KeyBundle = {
  mapId: string;
  epoch: number;
  keys: Partial<SectionKeys> & { base: Uint8Array };
};

// every bundle is padded to this size so its length does not tell the server which sections a slot reads
const BUNDLE_PLAINTEXT_BYTES = 512;

/** Fresh random keys for base, detail and private (32 bytes each), for a new map or epoch. */
export function newSectionKeys(): SectionKeys {
  return {
    base: randomBytes(SIZES.key),
    detail: randomBytes(SIZES.key),
    private: randomBytes(SIZES.key),
  };
}

function checkBundle(bundle: KeyBundle): void {
  expectBase64Url(bundle.mapId, 'mapId', 16);
  if (!isU32(bundle.epoch))
    throw new CryptoError('malformed', 'epoch must be an unsigned 32-bit integer');
  expectBytes(bundle.keys.base, 'keys.base', SIZES.key);
}

/**
 * crypto_box_seal of the UTF-8 JSON `{v:1, mapId, epoch, keys:{section: base64url}}`, ISO 7816-4 padded
 * to 512 bytes, to a member's 32-byte X25519 public key. Only sections present in `keys` are included.
 */
export function sealKeyBundle(bundle: KeyBundle, recipientBoxPublicKey: Uint8Array): Uint8Array {
  checkBundle(bundle);
  expectBytes(recipientBoxPublicKey, 'recipient public key', SIZES.boxPublicKey);
  const keys: Partial<Record<Section, string>> = {};
  for (const section of SECTIONS) {
    const key = bundle.keys[section];
    if (key !== undefined)
      keys[section] = toBase64Url(expectBytes(key, `keys.${section}`, SIZES.key));
  }
  const json = utf8Encode(JSON.stringify({ v: 1, mapId: bundle.mapId, epoch: bundle.epoch, keys }));
  return boxSeal(padTo(json, BUNDLE_PLAINTEXT_BYTES), recipientBoxPublicKey);
}

/**
 * Opens a sealed key bundle with the member's X25519 key pair and checks it belongs to `expectedMapId`.
 * Throws CryptoError: 'decrypt-failure' (not for this key, or for another map), 'malformed' (shape).
 */
export function openKeyBundle(
  sealed: Uint8Array,
  boxKeyPair: KeyPair,
  expectedMapId: string,
): KeyBundle {
  expectBytes(sealed, 'key bundle');
  expectBytes(boxKeyPair.publicKey, 'box public key', SIZES.boxPublicKey);
  expectBytes(boxKeyPair.secretKey, 'box secret key', SIZES.boxSecretKey);
  if (sealed.length <= SIZES.sealOverhead)
    throw new CryptoError('malformed', 'key bundle too short');
  let padded: Uint8Array;
  try {
    padded = boxSealOpen(sealed, boxKeyPair.publicKey, boxKeyPair.secretKey);
  } catch {
    throw new CryptoError('decrypt-failure', 'key bundle does not open with this key');
  }
  const o = expectObject(parseJsonBytes(unpad(padded), 'bundle'), 'bundle', [
    'v',
    'mapId',
    'epoch',
    'keys',
  ]);
  if (o.v !== 1) fail('bundle.v', 'must be 1');
  const mapId = expectBase64Url(o.mapId, 'bundle.mapId', 16);
  const epoch = expectInteger(o.epoch, 'bundle.epoch', 0, 0xffffffff);
  const k = expectObject(o.keys, 'bundle.keys', ['base'], ['detail', 'private']);
  // a bundle copied from another map must not be taken for this one
  if (mapId !== expectedMapId)
    throw new CryptoError('decrypt-failure', 'key bundle is for another map');
  const keys: KeyBundle['keys'] = {
    base: fromBase64Url(expectBase64Url(k.base, 'bundle.keys.base', SIZES.key)),
  };
  for (const section of ['detail', 'private'] as const) {
    if (k[section] !== undefined) {
      keys[section] = fromBase64Url(
        expectBase64Url(k[section], `bundle.keys.${section}`, SIZES.key),
      );
    }
  }
  return { mapId, epoch, keys };
}
