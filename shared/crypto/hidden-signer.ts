// Signatures whose signer stays hidden: public key and signature travel inside an envelope, because the
// server knows every account's public key and could otherwise link an account to what it signs.
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes } from './encoding.js';
import {
  bytesEqual,
  signDetached,
  signPublicKeyOf,
  signVerifyDetached,
  SIZES,
  type KeyPair,
} from './sodium.js';

/** Bytes of `[signer public key 32][signature 64]` at the start of a signed plaintext. */
export const SIGNER_BLOCK_BYTES = SIZES.signPublicKey + SIZES.signature;

/** Throws 'malformed' unless `signer` is an Ed25519 pair (32-byte public, 64-byte secret) that matches. */
export function checkSigner(signer: KeyPair): void {
  expectBytes(signer.publicKey, 'signer public key', SIZES.signPublicKey);
  expectBytes(signer.secretKey, 'signer secret key', SIZES.signSecretKey);
  if (!bytesEqual(signPublicKeyOf(signer.secretKey), signer.publicKey)) {
    throw new CryptoError('malformed', 'signer keys do not match');
  }
}

/**
 * `[signer public key 32][Ed25519 signature of message 64][payload]`: the plaintext to put in an envelope.
 * `message` is what the signature covers (it usually contains the payload and its place).
 */
export function signedPlaintext(
  signer: KeyPair,
  message: Uint8Array,
  payload: Uint8Array = new Uint8Array(0),
): Uint8Array {
  checkSigner(signer);
  return concatBytes(signer.publicKey, signDetached(message, signer.secretKey), payload);
}

/**
 * Splits a plaintext made by signedPlaintext and verifies its signature over `messageOf(payload)`.
 * Throws 'malformed' when too short, 'bad-signature' when the signature does not verify.
 */
export function openSignedPlaintext(
  plain: Uint8Array,
  messageOf: (payload: Uint8Array) => Uint8Array,
): { signerPublicKey: Uint8Array; payload: Uint8Array } {
  if (plain.length < SIGNER_BLOCK_BYTES) throw new CryptoError('malformed', 'no signer block');
  const signerPublicKey = plain.slice(0, SIZES.signPublicKey);
  const signature = plain.subarray(SIZES.signPublicKey, SIGNER_BLOCK_BYTES);
  const payload = plain.slice(SIGNER_BLOCK_BYTES);
  if (!signVerifyDetached(signature, messageOf(payload), signerPublicKey)) {
    throw new CryptoError('bad-signature', 'signature does not verify');
  }
  return { signerPublicKey, payload };
}
