// The one symmetric format: versioned, padded XChaCha20-Poly1305 with context-bound associated data.
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes, utf8Encode } from './encoding.js';
import { padmeLength, padTo, unpad } from './padding.js';
import { aeadDecrypt, aeadEncrypt, randomBytes, SIZES } from './sodium.js';

/** First byte of every envelope. */
export const ENVELOPE_VERSION = 0x01;

const HEADER_BYTES = 1 + SIZES.nonce;
// header, tag and at least the padding marker
const MIN_ENVELOPE_BYTES = HEADER_BYTES + SIZES.tag + 1;

function associatedData(context: string): Uint8Array {
  if (typeof context !== 'string' || context === '') {
    throw new CryptoError('malformed', 'empty context');
  }
  return utf8Encode(`nk1|${context}`);
}

/**
 * Encrypts `plaintext` under a 32-byte key as `[0x01][nonce 24][ciphertext + tag 16]`, the plaintext
 * Padmé-padded first; AD is UTF-8 of `"nk1|" + context` (build context with ad.ts).
 */
export function encryptEnvelope(
  key: Uint8Array,
  plaintext: Uint8Array,
  context: string,
  minPaddedBytes = 0,
): Uint8Array {
  return encryptEnvelopeWithNonce(
    key,
    plaintext,
    context,
    randomBytes(SIZES.nonce),
    minPaddedBytes,
  );
}

/**
 * Test seam for fixed vectors (not exported from index.ts): a reused nonce under one key breaks
 * confidentiality, so production code calls encryptEnvelope.
 */
export function encryptEnvelopeWithNonce(
  key: Uint8Array,
  plaintext: Uint8Array,
  context: string,
  nonce: Uint8Array,
  minPaddedBytes = 0,
): Uint8Array {
  expectBytes(key, 'key', SIZES.key);
  expectBytes(plaintext, 'plaintext');
  expectBytes(nonce, 'nonce', SIZES.nonce);
  const ad = associatedData(context);
  // a floor (the keyring's) hides sizes below it entirely; above it the Padmé bucket applies
  const target = Math.max(padmeLength(plaintext.length + 1), minPaddedBytes);
  const ciphertext = aeadEncrypt(padTo(plaintext, target), ad, nonce, key);
  return concatBytes(Uint8Array.of(ENVELOPE_VERSION), nonce, ciphertext);
}

/**
 * Opens an envelope made by encryptEnvelope with the same key and context. Throws CryptoError:
 * 'malformed' (bad key or length), 'unsupported-version', 'decrypt-failure' (wrong key, context or tampering).
 */
export function decryptEnvelope(
  key: Uint8Array,
  envelope: Uint8Array,
  context: string,
): Uint8Array {
  expectBytes(key, 'key', SIZES.key);
  expectBytes(envelope, 'envelope');
  const ad = associatedData(context);
  if (envelope.length === 0) throw new CryptoError('malformed', 'empty envelope');
  if (envelope[0] !== ENVELOPE_VERSION) {
    throw new CryptoError('unsupported-version', 'unknown envelope version');
  }
  if (envelope.length < MIN_ENVELOPE_BYTES)
    throw new CryptoError('malformed', 'envelope too short');
  let padded: Uint8Array;
  try {
    padded = aeadDecrypt(
      envelope.subarray(HEADER_BYTES),
      ad,
      envelope.subarray(1, HEADER_BYTES),
      key,
    );
  } catch {
    throw new CryptoError('decrypt-failure', 'envelope does not open with this key and context');
  }
  return unpad(padded);
}
