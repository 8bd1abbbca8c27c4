// The only module that touches libsodium: narrow wrappers over exactly the functions the protocol uses.
import sodium from 'libsodium-wrappers-sumo';

/** Protocol sizes in bytes; a unit test checks them against libsodium's constants. */
export const SIZES = {
  key: 32, // XChaCha20-Poly1305 key, kdf keys, section keys, account key
  nonce: 24, // XChaCha20-Poly1305 public nonce
  tag: 16, // Poly1305 authentication tag
  salt: 16, // Argon2id salt
  signPublicKey: 32,
  signSecretKey: 64,
  signSeed: 32,
  signature: 64,
  boxPublicKey: 32,
  boxSecretKey: 32,
  sealOverhead: 48, // crypto_box_seal: ephemeral public key + tag
  sha256: 32,
  blake2b256: 32,
  boxSeed: 32,
} as const;

export type KeyPair = { publicKey: Uint8Array; secretKey: Uint8Array };

let loaded = false;
let loading: Promise<void> | undefined;

/** Loads libsodium's WebAssembly; await once before any other shared/crypto call. Safe to call again. */
export function loadSodium(): Promise<void> {
  loading ??= sodium.ready.then(
    () => {
      loaded = true;
    },
    (error: unknown) => {
      loading = undefined; // let a later call retry
      throw error;
    },
  );
  return loading;
}

/** True once loadSodium() has resolved. */
export function isSodiumLoaded(): boolean {
  return loaded;
}

function lib(): typeof sodium {
  // libsodium.js fills its functions and constants in only after `ready`
  if (!loaded)
    throw new Error('libsodium is not loaded: await loadSodium() before using shared/crypto');
  return sodium;
}

export function randomBytes(length: number): Uint8Array {
  return lib().randombytes_buf(length);
}

export function aeadEncrypt(
  message: Uint8Array,
  ad: Uint8Array,
  nonce: Uint8Array,
  key: Uint8Array,
): Uint8Array {
  return lib().crypto_aead_xchacha20poly1305_ietf_encrypt(message, ad, null, nonce, key);
}

/** Throws (libsodium's own error) when authentication fails. */
export function aeadDecrypt(
  ciphertext: Uint8Array,
  ad: Uint8Array,
  nonce: Uint8Array,
  key: Uint8Array,
): Uint8Array {
  return lib().crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
}

/** Argon2id13 over `password` bytes; memLimit in bytes. */
export function argon2id(
  length: number,
  password: Uint8Array,
  salt: Uint8Array,
  opsLimit: number,
  memLimit: number,
): Uint8Array {
  const s = lib();
  return s.crypto_pwhash(
    length,
    password,
    salt,
    opsLimit,
    memLimit,
    s.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/** crypto_kdf (BLAKE2b) subkey of 32 bytes; `context` is exactly 8 ASCII characters. */
export function kdfDerive(key: Uint8Array, subkeyId: number, context: string): Uint8Array {
  return lib().crypto_kdf_derive_from_key(SIZES.key, subkeyId, context, key);
}

export function signSeedKeyPair(seed: Uint8Array): KeyPair {
  const { publicKey, privateKey } = lib().crypto_sign_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

export function signKeyPair(): KeyPair {
  const { publicKey, privateKey } = lib().crypto_sign_keypair();
  return { publicKey, secretKey: privateKey };
}

export function signDetached(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return lib().crypto_sign_detached(message, secretKey);
}

export function signVerifyDetached(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  return lib().crypto_sign_verify_detached(signature, message, publicKey);
}

/** The Ed25519 public key embedded in a 64-byte secret key. */
export function signPublicKeyOf(secretKey: Uint8Array): Uint8Array {
  return lib().crypto_sign_ed25519_sk_to_pk(secretKey);
}

export function boxKeyPair(): KeyPair {
  const { publicKey, privateKey } = lib().crypto_box_keypair();
  return { publicKey, secretKey: privateKey };
}

/** The X25519 public key of a secret key. */
export function boxPublicKeyOf(secretKey: Uint8Array): Uint8Array {
  return lib().crypto_scalarmult_base(secretKey);
}

export function boxSeal(message: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return lib().crypto_box_seal(message, publicKey);
}

/** Throws (libsodium's own error) when the box does not open. */
export function boxSealOpen(
  ciphertext: Uint8Array,
  publicKey: Uint8Array,
  secretKey: Uint8Array,
): Uint8Array {
  return lib().crypto_box_seal_open(ciphertext, publicKey, secretKey);
}

/** X25519 key pair from a 32-byte seed (crypto_box_seed_keypair: the secret key is SHA-512(seed)[0..32]). */
export function boxSeedKeyPair(seed: Uint8Array): KeyPair {
  const { publicKey, privateKey } = lib().crypto_box_seed_keypair(seed);
  return { publicKey, secretKey: privateKey };
}

/** Unkeyed BLAKE2b (crypto_generichash) with a 16…64-byte output; 32 bytes by default. */
export function blake2b(message: Uint8Array, length: number = SIZES.blake2b256): Uint8Array {
  return lib().crypto_generichash(length, message, null);
}

/** Keyed BLAKE2b (crypto_generichash with a 16…64-byte key): a MAC; 32 bytes by default. */
export function blake2bKeyed(
  message: Uint8Array,
  key: Uint8Array,
  length: number = SIZES.blake2b256,
): Uint8Array {
  return lib().crypto_generichash(length, message, key);
}

export function sha256(message: Uint8Array): Uint8Array {
  return lib().crypto_hash_sha256(message);
}

/** Constant-time equality; false (not an error) for different lengths. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && lib().memcmp(a, b);
}

/** Overwrites secret bytes with zeros once they are no longer needed. */
export function wipe(bytes: Uint8Array): void {
  lib().memzero(bytes);
}
