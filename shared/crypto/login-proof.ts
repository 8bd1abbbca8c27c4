// Login is a signature over a one-time server challenge, so nothing password-equivalent is sent.
import { loginProofMessage, LOGIN_PURPOSES, type LoginPurpose } from './ad.js';
import { expectBytes, isBytes } from './encoding.js';
import { isSodiumLoaded, signDetached, signVerifyDetached, SIZES } from './sodium.js';

/** Signs the login proof message (see ad.ts) with a 64-byte login secret key → 64-byte signature. */
export function signLoginProof(
  secretKey: Uint8Array,
  purpose: LoginPurpose,
  username: string,
  challenge: Uint8Array,
): Uint8Array {
  expectBytes(secretKey, 'login secret key', SIZES.signSecretKey);
  return signDetached(loginProofMessage(purpose, username, challenge), secretKey);
}

/**
 * Server side: true only for a valid proof by the 32-byte login public key. Never throws on hostile
 * input (wrong lengths, unknown purpose, empty username): it returns false.
 */
export function verifyLoginProof(
  publicKey: Uint8Array,
  purpose: LoginPurpose,
  username: string,
  challenge: Uint8Array,
  signature: Uint8Array,
): boolean {
  // a missing loadSodium() is a programming error, not hostile input, so it still throws
  if (!isSodiumLoaded()) throw new Error('libsodium is not loaded: await loadSodium() first');
  if (!isBytes(publicKey, SIZES.signPublicKey) || !isBytes(signature, SIZES.signature))
    return false;
  if (!LOGIN_PURPOSES.includes(purpose)) return false;
  try {
    return signVerifyDetached(
      signature,
      loginProofMessage(purpose, username, challenge),
      publicKey,
    );
  } catch {
    return false;
  }
}
