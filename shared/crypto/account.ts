// Accounts: a passphrase and a recovery key each unwrap one random account key, which opens the keyring.
import { adAccountKey, normaliseUsername, type UnlockMethod } from './ad.js';
import { decryptEnvelope, encryptEnvelope } from './envelope.js';
import { CryptoError } from './errors.js';
import { expectBytes, fromBase64Url, toBase64Url, utf8Encode } from './encoding.js';
import {
  decryptKeyring,
  encryptKeyring,
  identityFromKeyring,
  identityToKeyring,
  type IdentityKeys,
  type Keyring,
} from './keyring.js';
import { formatRecoveryCode, parseRecoveryCode } from './recovery-code.js';
import {
  argon2id,
  boxKeyPair,
  bytesEqual,
  kdfDerive,
  randomBytes,
  signKeyPair,
  signSeedKeyPair,
  SIZES,
  wipe,
  type KeyPair,
} from './sodium.js';

export { formatRecoveryCode, parseRecoveryCode, RECOVERY_CODE_LENGTH } from './recovery-code.js';
export {
  decryptKeyring,
  encryptKeyring,
  identityFromKeyring,
  validateKeyring,
  type IdentityKeys,
  type Keyring,
  type KeyringMapEntry,
  type KeyringSettings,
} from './keyring.js';
export { signLoginProof, verifyLoginProof } from './login-proof.js';

const MiB = 1024 * 1024;

/** Argon2id cost: opsLimit (passes) and memLimit (bytes). */
export type KdfCost = { opsLimit: number; memLimit: number };
/** Argon2id parameters with their 16-byte salt. */
export type KdfParams = KdfCost & { salt: Uint8Array };
/** KDF parameters on the wire: salt as base64url. */
export type WireKdfParams = KdfCost & { salt: string };

/** Production cost: 3 passes over 64 MiB (~0.3 s). */
export const DEFAULT_KDF = { opsLimit: 3, memLimit: 64 * MiB } as const satisfies KdfCost;
/** FOR TESTS ONLY: 1 pass over 8 MiB, fast and weak. Never use for real accounts. */
export const TEST_KDF = { opsLimit: 1, memLimit: 8 * MiB } as const satisfies KdfCost;
/** Sanity bounds for any KDF cost, also stored ones (a hostile server could ask for absurd memory). */
export const KDF_BOUNDS = { minOps: 1, maxOps: 10, minMem: 8 * MiB, maxMem: 1024 * MiB } as const;

const ACCOUNT_CONTEXT = 'nkacct01';
const RECOVERY_CONTEXT = 'nkrecov1';

/** What a passphrase or a recovery key yields: the key that unwraps the account key, and a login key pair. */
export type AccountSecrets = { wrapKey: Uint8Array; loginKeyPair: KeyPair };

/** True when `kdf` is at least as costly as `floor`; a client checks server-sent params before deriving. */
export function kdfMeetsFloor(kdf: KdfCost, floor: KdfCost = DEFAULT_KDF): boolean {
  return kdf.opsLimit >= floor.opsLimit && kdf.memLimit >= floor.memLimit;
}

function checkKdfCost(kdf: KdfCost): void {
  const { opsLimit, memLimit } = kdf;
  const okOps =
    Number.isInteger(opsLimit) && opsLimit >= KDF_BOUNDS.minOps && opsLimit <= KDF_BOUNDS.maxOps;
  const okMem =
    Number.isInteger(memLimit) && memLimit >= KDF_BOUNDS.minMem && memLimit <= KDF_BOUNDS.maxMem;
  if (!okOps || !okMem) throw new CryptoError('malformed', 'KDF cost out of bounds');
}

function passphraseBytes(passphrase: string): Uint8Array {
  if (typeof passphrase !== 'string' || passphrase === '') {
    throw new CryptoError('malformed', 'empty passphrase');
  }
  // NFC, so the same passphrase typed on another keyboard or OS gives the same bytes
  return utf8Encode(passphrase.normalize('NFC'));
}

/**
 * Passphrase → { wrapKey, loginKeyPair }: root = Argon2id13(32, NFC passphrase, salt 16, ops, mem),
 * wrapKey = kdf(root, 1, "nkacct01"), login key pair = Ed25519 from kdf(root, 2, "nkacct01").
 */
export function deriveAccountSecrets(passphrase: string, kdf: KdfParams): AccountSecrets {
  checkKdfCost(kdf);
  expectBytes(kdf.salt, 'salt', SIZES.salt);
  const password = passphraseBytes(passphrase);
  const root = argon2id(SIZES.key, password, kdf.salt, kdf.opsLimit, kdf.memLimit);
  wipe(password);
  const wrapKey = kdfDerive(root, 1, ACCOUNT_CONTEXT);
  const seed = kdfDerive(root, 2, ACCOUNT_CONTEXT);
  const loginKeyPair = signSeedKeyPair(seed);
  wipe(root);
  wipe(seed);
  return { wrapKey, loginKeyPair };
}

/** A fresh 32-byte recovery key; show it once with formatRecoveryCode. */
export function newRecoveryKey(): Uint8Array {
  return randomBytes(SIZES.key);
}

/** 32-byte recovery key → wrapKey = kdf(key, 1, "nkrecov1"), login key pair from kdf(key, 2, "nkrecov1"). */
export function deriveRecoverySecrets(recoveryKey: Uint8Array): AccountSecrets {
  expectBytes(recoveryKey, 'recovery key', SIZES.key);
  const wrapKey = kdfDerive(recoveryKey, 1, RECOVERY_CONTEXT);
  const seed = kdfDerive(recoveryKey, 2, RECOVERY_CONTEXT);
  const loginKeyPair = signSeedKeyPair(seed);
  wipe(seed);
  return { wrapKey, loginKeyPair };
}

/** The body of POST /api/accounts: binary fields as base64url strings. */
export type AccountRegistration = {
  username: string;
  kdf: WireKdfParams;
  loginPublicKey: string;
  recoveryPublicKey: string;
  signPublicKey: string;
  boxPublicKey: string;
  wrappedAccountKey: string;
  recoveryWrappedAccountKey: string;
  keyring: string;
};

/** An unlocked account in memory (never sent anywhere). */
export type UnlockedAccount = { accountKey: Uint8Array; identity: IdentityKeys; keyring: Keyring };

/** A new account: what to register, the code to show once, and the unlocked session. */
export type NewAccount = {
  registration: AccountRegistration;
  recoveryCode: string;
  session: UnlockedAccount & { username: string; loginSecretKey: Uint8Array };
};

function wrapAccountKey(
  wrapKey: Uint8Array,
  accountKey: Uint8Array,
  username: string,
  method: UnlockMethod,
): string {
  return toBase64Url(encryptEnvelope(wrapKey, accountKey, adAccountKey(username, method)));
}

/** Creates keys for a new account (username normalised). Synchronous; costs one Argon2id run. */
export function createAccount(
  username: string,
  passphrase: string,
  kdfCost: KdfCost = DEFAULT_KDF,
): NewAccount {
  const name = normaliseUsername(username);
  if (name === '') throw new CryptoError('malformed', 'empty username');
  const kdf = {
    salt: randomBytes(SIZES.salt),
    opsLimit: kdfCost.opsLimit,
    memLimit: kdfCost.memLimit,
  };
  const login = deriveAccountSecrets(passphrase, kdf);
  const recoveryKey = newRecoveryKey();
  const recovery = deriveRecoverySecrets(recoveryKey);
  const accountKey = randomBytes(SIZES.key);
  const sign = signKeyPair();
  const box = boxKeyPair();
  const identity: IdentityKeys = {
    signPublicKey: sign.publicKey,
    signSecretKey: sign.secretKey,
    boxPublicKey: box.publicKey,
    boxSecretKey: box.secretKey,
  };
  const keyring: Keyring = { v: 1, identity: identityToKeyring(identity), maps: [] };
  const registration: AccountRegistration = {
    username: name,
    kdf: { salt: toBase64Url(kdf.salt), opsLimit: kdf.opsLimit, memLimit: kdf.memLimit },
    loginPublicKey: toBase64Url(login.loginKeyPair.publicKey),
    recoveryPublicKey: toBase64Url(recovery.loginKeyPair.publicKey),
    signPublicKey: toBase64Url(sign.publicKey),
    boxPublicKey: toBase64Url(box.publicKey),
    wrappedAccountKey: wrapAccountKey(login.wrapKey, accountKey, name, 'passphrase'),
    recoveryWrappedAccountKey: wrapAccountKey(recovery.wrapKey, accountKey, name, 'recovery'),
    keyring: toBase64Url(encryptKeyring(accountKey, name, keyring)),
  };
  const recoveryCode = formatRecoveryCode(recoveryKey);
  for (const secret of [
    recoveryKey,
    login.wrapKey,
    recovery.wrapKey,
    recovery.loginKeyPair.secretKey,
  ]) {
    wipe(secret);
  }
  return {
    registration,
    recoveryCode,
    session: {
      username: name,
      accountKey,
      identity,
      loginSecretKey: login.loginKeyPair.secretKey,
      keyring,
    },
  };
}

/** The stored account as GET /api/account (and the login response) return it; binary as base64url. */
export type WrappedAccount = {
  username: string;
  kdf: WireKdfParams;
  wrappedAccountKey: string;
  recoveryWrappedAccountKey: string;
  /** Only after a hand-over by a trusted helper (decision 0026): the account key wrapped by her secret. */
  trustedWrappedAccountKey?: string;
  keyring: string;
  signPublicKey?: string;
  boxPublicKey?: string;
};

/** How to unlock: a passphrase, a recovery code as typed, or a wrapKey already derived during login. */
export type UnlockSecret =
  | { method: 'passphrase'; passphrase: string }
  | { method: 'recovery'; recoveryCode: string }
  | { method: UnlockMethod; wrapKey: Uint8Array };

function wrapKeyFor(account: WrappedAccount, secret: UnlockSecret): Uint8Array {
  if ('wrapKey' in secret) return expectBytes(secret.wrapKey, 'wrapKey', SIZES.key);
  if (secret.method === 'passphrase') {
    const kdf = { ...account.kdf, salt: fromBase64Url(account.kdf.salt) };
    return deriveAccountSecrets(secret.passphrase, kdf).wrapKey;
  }
  return deriveRecoverySecrets(parseRecoveryCode(secret.recoveryCode)).wrapKey;
}

/**
 * Unwraps the account key and opens the keyring. Throws CryptoError: 'decrypt-failure' for a wrong
 * passphrase or code, 'malformed' for bad data or identity keys that differ from the account's.
 */
export function unlockAccount(account: WrappedAccount, secret: UnlockSecret): UnlockedAccount {
  const name = normaliseUsername(account.username);
  const wrapped =
    secret.method === 'passphrase'
      ? account.wrappedAccountKey
      : secret.method === 'trusted'
        ? (account.trustedWrappedAccountKey ?? '')
        : account.recoveryWrappedAccountKey;
  const wrapKey = wrapKeyFor(account, secret);
  const accountKey = decryptEnvelope(
    wrapKey,
    fromBase64Url(wrapped),
    adAccountKey(name, secret.method),
  );
  if (!('wrapKey' in secret)) wipe(wrapKey);
  if (accountKey.length !== SIZES.key)
    throw new CryptoError('malformed', 'account key must be 32 bytes');
  return openAccount(account, accountKey);
}

/**
 * Opens the keyring with an account key already in hand (one kept on her own device, decision 0024)
 * and checks the identity keys against the ones the server publishes.
 */
export function openAccount(account: WrappedAccount, accountKey: Uint8Array): UnlockedAccount {
  const name = normaliseUsername(account.username);
  expectBytes(accountKey, 'account key', SIZES.key);
  const keyring = decryptKeyring(accountKey, name, fromBase64Url(account.keyring));
  const identity = identityFromKeyring(keyring);
  // the server also publishes these keys; a mismatch means it (or a bug) swapped them
  const mismatch =
    (account.signPublicKey !== undefined &&
      !bytesEqual(fromBase64Url(account.signPublicKey), identity.signPublicKey)) ||
    (account.boxPublicKey !== undefined &&
      !bytesEqual(fromBase64Url(account.boxPublicKey), identity.boxPublicKey));
  if (mismatch)
    throw new CryptoError('malformed', 'published identity keys differ from the keyring');
  return { accountKey, identity, keyring };
}

/** The new-passphrase fields of PUT /api/account/passphrase (the proof is added by the caller). */
export type PassphraseUpdate = {
  kdf: WireKdfParams;
  loginPublicKey: string;
  wrappedAccountKey: string;
};

/** Re-wraps the account key under a new passphrase with a fresh salt; the keyring is unchanged. */
export function rewrapForNewPassphrase(
  username: string,
  accountKey: Uint8Array,
  newPassphrase: string,
  kdfCost: KdfCost = DEFAULT_KDF,
): { passphraseUpdate: PassphraseUpdate; loginSecretKey: Uint8Array } {
  expectBytes(accountKey, 'account key', SIZES.key);
  const name = normaliseUsername(username);
  const kdf = {
    salt: randomBytes(SIZES.salt),
    opsLimit: kdfCost.opsLimit,
    memLimit: kdfCost.memLimit,
  };
  const login = deriveAccountSecrets(newPassphrase, kdf);
  const passphraseUpdate: PassphraseUpdate = {
    kdf: { salt: toBase64Url(kdf.salt), opsLimit: kdf.opsLimit, memLimit: kdf.memLimit },
    loginPublicKey: toBase64Url(login.loginKeyPair.publicKey),
    wrappedAccountKey: wrapAccountKey(login.wrapKey, accountKey, name, 'passphrase'),
  };
  wipe(login.wrapKey);
  return { passphraseUpdate, loginSecretKey: login.loginKeyPair.secretKey };
}

/** The new-recovery-code fields of PUT /api/account/passphrase: the old code stops working. */
export type RecoveryUpdate = { recoveryPublicKey: string; recoveryWrappedAccountKey: string };

/** A fresh recovery key for the same account key: what the server stores, and the code to show once. */
export function rewrapForNewRecovery(
  username: string,
  accountKey: Uint8Array,
): { recoveryUpdate: RecoveryUpdate; recoveryCode: string } {
  expectBytes(accountKey, 'account key', SIZES.key);
  const name = normaliseUsername(username);
  const recoveryKey = newRecoveryKey();
  const recovery = deriveRecoverySecrets(recoveryKey);
  const recoveryUpdate: RecoveryUpdate = {
    recoveryPublicKey: toBase64Url(recovery.loginKeyPair.publicKey),
    recoveryWrappedAccountKey: wrapAccountKey(recovery.wrapKey, accountKey, name, 'recovery'),
  };
  const recoveryCode = formatRecoveryCode(recoveryKey);
  for (const secret of [recoveryKey, recovery.wrapKey, recovery.loginKeyPair.secretKey])
    wipe(secret);
  return { recoveryUpdate, recoveryCode };
}
