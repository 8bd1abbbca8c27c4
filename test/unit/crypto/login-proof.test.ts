import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  loadSodium,
  loginProofMessage,
  signLoginProof,
  verifyLoginProof,
  type LoginPurpose,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, flipByte, hex, sequence } from './fixtures.js';

describe('login proof', () => {
  let keys: { publicKey: Uint8Array; privateKey: Uint8Array };
  const challenge = sequence(32, 7);

  beforeAll(async () => {
    await loadSodium();
    keys = sodium.crypto_sign_seed_keypair(sequence(32));
  });

  it('is a plain Ed25519 signature over the documented message', () => {
    const signature = signLoginProof(keys.privateKey, 'login', 'Sanne', challenge);
    const message = loginProofMessage('login', 'sanne', challenge);
    expect(hex(signature)).toBe(hex(sodium.crypto_sign_detached(message, keys.privateKey)));
    expect(sodium.crypto_sign_verify_detached(signature, message, keys.publicKey)).toBe(true);
  });

  it('verifies for the same purpose, username (normalised) and challenge only', () => {
    const signature = signLoginProof(keys.privateKey, 'login', 'sanne', challenge);
    expect(verifyLoginProof(keys.publicKey, 'login', ' SANNE ', challenge, signature)).toBe(true);
    expect(verifyLoginProof(keys.publicKey, 'delete-account', 'sanne', challenge, signature)).toBe(
      false,
    );
    expect(verifyLoginProof(keys.publicKey, 'login', 'sanne2', challenge, signature)).toBe(false);
    expect(
      verifyLoginProof(keys.publicKey, 'login', 'sanne', flipByte(challenge, 0), signature),
    ).toBe(false);
    expect(
      verifyLoginProof(keys.publicKey, 'login', 'sanne', challenge, flipByte(signature, 5)),
    ).toBe(false);
    const other = sodium.crypto_sign_keypair().publicKey;
    expect(verifyLoginProof(other, 'login', 'sanne', challenge, signature)).toBe(false);
  });

  it('returns false (never throws) on hostile input', () => {
    const signature = signLoginProof(keys.privateKey, 'login', 'sanne', challenge);
    const junk = 'junk' as unknown as Uint8Array;
    const cases: Array<[Uint8Array, string, string, Uint8Array, Uint8Array]> = [
      [keys.publicKey.subarray(1), 'login', 'sanne', challenge, signature],
      [keys.publicKey, 'login', 'sanne', challenge, signature.subarray(1)],
      [keys.publicKey, 'login', 'sanne', challenge, new Uint8Array(0)],
      [keys.publicKey, 'login', 'sanne', new Uint8Array(0), signature],
      [keys.publicKey, 'login', 'sanne', challenge.subarray(0, 8), signature],
      [keys.publicKey, 'login', '', challenge, signature],
      [keys.publicKey, 'root', 'sanne', challenge, signature],
      [junk, 'login', 'sanne', challenge, signature],
      [keys.publicKey, 'login', 'sanne', junk, signature],
      [keys.publicKey, 'login', 42 as unknown as string, challenge, signature],
      [keys.publicKey, 'login', 'sanne', challenge, junk],
    ];
    for (const [publicKey, purpose, username, c, s] of cases) {
      expect(verifyLoginProof(publicKey, purpose as LoginPurpose, username, c, s)).toBe(false);
    }
  });

  it('refuses to sign with a key of the wrong length', () => {
    expectCryptoError(
      () => signLoginProof(new Uint8Array(32), 'login', 'sanne', challenge),
      'malformed',
    );
  });
});
