import { describe, it, expect } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import { isSodiumLoaded, loadSodium, randomBytes, SIZES } from '../../../shared/crypto/sodium.js';

describe('sodium loader', () => {
  it('throws a clear error when used before loadSodium()', () => {
    expect(isSodiumLoaded()).toBe(false);
    expect(() => randomBytes(4)).toThrow(/loadSodium/);
  });

  it('loads once; later calls share the same promise', async () => {
    const first = loadSodium();
    expect(loadSodium()).toBe(first);
    await first;
    expect(isSodiumLoaded()).toBe(true);
    expect(randomBytes(4)).toHaveLength(4);
  });

  it('protocol sizes match libsodium constants', async () => {
    await loadSodium();
    expect(SIZES.key).toBe(sodium.crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    expect(SIZES.nonce).toBe(sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    expect(SIZES.tag).toBe(sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES);
    expect(SIZES.salt).toBe(sodium.crypto_pwhash_SALTBYTES);
    expect(SIZES.signPublicKey).toBe(sodium.crypto_sign_PUBLICKEYBYTES);
    expect(SIZES.signSecretKey).toBe(sodium.crypto_sign_SECRETKEYBYTES);
    expect(SIZES.signSeed).toBe(sodium.crypto_sign_SEEDBYTES);
    expect(SIZES.signature).toBe(sodium.crypto_sign_BYTES);
    expect(SIZES.boxPublicKey).toBe(sodium.crypto_box_PUBLICKEYBYTES);
    expect(SIZES.boxSecretKey).toBe(sodium.crypto_box_SECRETKEYBYTES);
    expect(SIZES.sealOverhead).toBe(sodium.crypto_box_SEALBYTES);
    expect(SIZES.sha256).toBe(sodium.crypto_hash_sha256_BYTES);
    expect(SIZES.blake2b256).toBe(sodium.crypto_generichash_BYTES);
    expect(SIZES.boxSeed).toBe(sodium.crypto_box_SEEDBYTES);
    expect(sodium.crypto_kdf_KEYBYTES).toBe(32);
  });
});
