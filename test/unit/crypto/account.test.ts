import { describe, it, expect, beforeAll } from 'vitest';
import {
  createAccount,
  DEFAULT_KDF,
  deriveAccountSecrets,
  deriveRecoverySecrets,
  fromBase64Url,
  isBase64Url,
  kdfMeetsFloor,
  loadSodium,
  newRecoveryKey,
  openAccount,
  formatRecoveryCode,
  parseRecoveryCode,
  rewrapForNewPassphrase,
  signLoginProof,
  TEST_KDF,
  toBase64Url,
  unlockAccount,
  verifyLoginProof,
  type NewAccount,
  type WrappedAccount,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, hex, sequence } from './fixtures.js';

const SALT = sequence(16, 0xa0);
const PASSPHRASE = 'correct horse battery staple';

/** What the server would hand back for a registered account. */
function stored(account: NewAccount): WrappedAccount {
  const r = account.registration;
  return {
    username: r.username,
    kdf: r.kdf,
    wrappedAccountKey: r.wrappedAccountKey,
    recoveryWrappedAccountKey: r.recoveryWrappedAccountKey,
    keyring: r.keyring,
    signPublicKey: r.signPublicKey,
    boxPublicKey: r.boxPublicKey,
  };
}

describe('account key derivation', () => {
  beforeAll(loadSodium);

  it('derives fixed secrets from a fixed passphrase and salt (TEST_KDF)', () => {
    const secrets = deriveAccountSecrets(PASSPHRASE, { salt: SALT, ...TEST_KDF });
    expect(hex(secrets.loginKeyPair.publicKey)).toBe(
      'f2fe78839f4499de9d79d4aef1054945f8911f84468cc7f8a8d691a5e6eeb369',
    );
    expect(hex(secrets.wrapKey)).toBe(
      'db8a7ed1863ba18cd4e0452ed7be4b1e13252a331b155aab69318a74e1a4642a',
    );
    expect(secrets.loginKeyPair.secretKey).toHaveLength(64);
  });

  it('treats composed and decomposed passphrases alike, and different salts differently', () => {
    const composed = deriveAccountSecrets('Zoë 2024!', { salt: SALT, ...TEST_KDF });
    const decomposed = deriveAccountSecrets('Zoe\u0308 2024!', { salt: SALT, ...TEST_KDF });
    expect(hex(decomposed.wrapKey)).toBe(hex(composed.wrapKey));
    const salted = deriveAccountSecrets('Zoë 2024!', { salt: sequence(16), ...TEST_KDF });
    expect(hex(salted.wrapKey)).not.toBe(hex(composed.wrapKey));
  });

  it('derives fixed recovery secrets from a fixed recovery key', () => {
    const secrets = deriveRecoverySecrets(sequence(32));
    expect(hex(secrets.loginKeyPair.publicKey)).toBe(
      '1c37bc408702291cd1908fe87ec871e253ad075405a6ac2165cdc359286282ee',
    );
    expect(hex(secrets.wrapKey)).toBe(
      '2ca48be7db35e4aab9f9fad0c57893768e2e2a5983518798bc20f6656e7e60c6',
    );
  });

  it('rejects bad parameters with malformed', () => {
    expectCryptoError(() => deriveAccountSecrets('', { salt: SALT, ...TEST_KDF }), 'malformed');
    expectCryptoError(
      () => deriveAccountSecrets(PASSPHRASE, { salt: sequence(8), ...TEST_KDF }),
      'malformed',
    );
    const bad = [
      { opsLimit: 0, memLimit: TEST_KDF.memLimit },
      { opsLimit: 1, memLimit: 1024 },
      { opsLimit: 1, memLimit: 4 * 1024 ** 3 },
      { opsLimit: 1.5, memLimit: TEST_KDF.memLimit },
    ];
    for (const cost of bad) {
      expectCryptoError(
        () => deriveAccountSecrets(PASSPHRASE, { salt: SALT, ...cost }),
        'malformed',
      );
    }
    expectCryptoError(() => deriveRecoverySecrets(sequence(16)), 'malformed');
    expectCryptoError(() => createAccount('   ', PASSPHRASE, TEST_KDF), 'malformed');
  });

  it('kdfMeetsFloor lets a client refuse weak server-sent parameters', () => {
    expect(kdfMeetsFloor(DEFAULT_KDF)).toBe(true);
    expect(kdfMeetsFloor(TEST_KDF)).toBe(false);
    expect(kdfMeetsFloor(TEST_KDF, TEST_KDF)).toBe(true);
    expect(kdfMeetsFloor({ opsLimit: 4, memLimit: 32 * 1024 * 1024 })).toBe(false);
  });

  it('runs the production cost once (DEFAULT_KDF)', () => {
    const account = createAccount('sanne', PASSPHRASE);
    expect(account.registration.kdf.opsLimit).toBe(3);
    expect(account.registration.kdf.memLimit).toBe(64 * 1024 * 1024);
    const unlocked = unlockAccount(stored(account), {
      method: 'recovery',
      recoveryCode: account.recoveryCode,
    });
    expect(hex(unlocked.accountKey)).toBe(hex(account.session.accountKey));
  });
});

describe('account lifecycle', () => {
  let account: NewAccount;

  beforeAll(async () => {
    await loadSodium();
    account = createAccount('  Sanne.de.Vries ', PASSPHRASE, TEST_KDF);
  });

  it('registration carries exactly the POST /api/accounts fields, binary as base64url', () => {
    const r = account.registration;
    expect(Object.keys(r).sort()).toEqual(
      [
        'boxPublicKey',
        'kdf',
        'keyring',
        'loginPublicKey',
        'recoveryPublicKey',
        'recoveryWrappedAccountKey',
        'signPublicKey',
        'username',
        'wrappedAccountKey',
      ].sort(),
    );
    expect(r.username).toBe('sanne.de.vries');
    expect(r.kdf).toEqual({ salt: r.kdf.salt, opsLimit: 1, memLimit: 8 * 1024 * 1024 });
    expect(isBase64Url(r.kdf.salt, 16)).toBe(true);
    for (const key of [
      'loginPublicKey',
      'recoveryPublicKey',
      'signPublicKey',
      'boxPublicKey',
    ] as const) {
      expect(isBase64Url(r[key], 32), key).toBe(true);
    }
    for (const field of [r.wrappedAccountKey, r.recoveryWrappedAccountKey, r.keyring]) {
      expect(isBase64Url(field)).toBe(true);
      expect(fromBase64Url(field)[0]).toBe(1);
    }
    expect(r.loginPublicKey).not.toBe(r.recoveryPublicKey);
    expect(account.session.username).toBe('sanne.de.vries');
    expect(account.session.keyring.maps).toEqual([]);
    expect(toBase64Url(account.session.identity.signPublicKey)).toBe(r.signPublicKey);
  });

  it('the session login key signs proofs the server accepts with the registered public key', () => {
    const challenge = sequence(32);
    const signature = signLoginProof(
      account.session.loginSecretKey,
      'login',
      'sanne.de.vries',
      challenge,
    );
    const publicKey = fromBase64Url(account.registration.loginPublicKey);
    expect(verifyLoginProof(publicKey, 'login', 'Sanne.de.Vries', challenge, signature)).toBe(true);
  });

  it('unlocks with the passphrase', () => {
    const unlocked = unlockAccount(stored(account), {
      method: 'passphrase',
      passphrase: PASSPHRASE,
    });
    expect(hex(unlocked.accountKey)).toBe(hex(account.session.accountKey));
    expect(unlocked.keyring).toEqual(account.session.keyring);
    expect(hex(unlocked.identity.boxSecretKey)).toBe(hex(account.session.identity.boxSecretKey));
  });

  it('unlocks with a wrapKey already derived at login', () => {
    const r = account.registration;
    const secrets = deriveAccountSecrets(PASSPHRASE, { ...r.kdf, salt: fromBase64Url(r.kdf.salt) });
    expect(toBase64Url(secrets.loginKeyPair.publicKey)).toBe(r.loginPublicKey);
    const unlocked = unlockAccount(stored(account), {
      method: 'passphrase',
      wrapKey: secrets.wrapKey,
    });
    expect(hex(unlocked.accountKey)).toBe(hex(account.session.accountKey));
  });

  it('opens with an account key kept on her own device, and checks the published identity keys', () => {
    const wrapped = stored(account);
    const opened = openAccount(wrapped, new Uint8Array(account.session.accountKey));
    expect(opened.keyring).toEqual(account.session.keyring);
    expect(hex(opened.identity.signSecretKey)).toBe(hex(account.session.identity.signSecretKey));
    // another key, or another account's name, does not open the keyring
    expectCryptoError(() => openAccount(wrapped, sequence(32)), 'decrypt-failure');
    expectCryptoError(
      () => openAccount({ ...wrapped, username: 'sanne' }, account.session.accountKey),
      'decrypt-failure',
    );
    expectCryptoError(() => openAccount(wrapped, sequence(16)), 'malformed');
    // a server that swaps the published keys is caught as with a passphrase unlock
    const swapped = { ...wrapped, signPublicKey: wrapped.boxPublicKey };
    expectCryptoError(() => openAccount(swapped, account.session.accountKey), 'malformed');
  });

  it('unlocks with the recovery code, also typed in another case and with spaces', () => {
    const typed = account.recoveryCode.toLowerCase().replaceAll('-', ' ');
    for (const recoveryCode of [account.recoveryCode, typed]) {
      const unlocked = unlockAccount(stored(account), { method: 'recovery', recoveryCode });
      expect(hex(unlocked.accountKey)).toBe(hex(account.session.accountKey));
    }
    // the code also yields the recovery login key the server registered
    const recovery = deriveRecoverySecrets(parseRecoveryCode(typed));
    expect(toBase64Url(recovery.loginKeyPair.publicKey)).toBe(
      account.registration.recoveryPublicKey,
    );
  });

  it('fails with decrypt-failure for a wrong passphrase, wrong code or another username', () => {
    const wrapped = stored(account);
    expectCryptoError(
      () => unlockAccount(wrapped, { method: 'passphrase', passphrase: `${PASSPHRASE}!` }),
      'decrypt-failure',
    );
    const otherCode = formatRecoveryCode(newRecoveryKey());
    expectCryptoError(
      () => unlockAccount(wrapped, { method: 'recovery', recoveryCode: otherCode }),
      'decrypt-failure',
    );
    expectCryptoError(
      () =>
        unlockAccount(
          { ...wrapped, username: 'sanne' },
          { method: 'passphrase', passphrase: PASSPHRASE },
        ),
      'decrypt-failure',
    );
    // a wrapped key moved into the other slot does not open there
    const swapped = { ...wrapped, recoveryWrappedAccountKey: wrapped.wrappedAccountKey };
    const recoveryCode = account.recoveryCode;
    expectCryptoError(
      () => unlockAccount(swapped, { method: 'recovery', recoveryCode }),
      'decrypt-failure',
    );
  });

  it('fails with malformed for a mistyped code length, bad base64url or swapped public keys', () => {
    const wrapped = stored(account);
    const short = account.recoveryCode.slice(0, -2);
    expectCryptoError(
      () => unlockAccount(wrapped, { method: 'recovery', recoveryCode: short }),
      'malformed',
    );
    const recoveryCode = account.recoveryCode;
    expectCryptoError(
      () =>
        unlockAccount(
          { ...wrapped, keyring: `${wrapped.keyring}=` },
          { method: 'recovery', recoveryCode },
        ),
      'malformed',
    );
    const stranger = createAccount('stranger', PASSPHRASE, TEST_KDF).registration;
    expectCryptoError(
      () =>
        unlockAccount(
          { ...wrapped, boxPublicKey: stranger.boxPublicKey },
          { method: 'recovery', recoveryCode },
        ),
      'malformed',
    );
    expectCryptoError(
      () =>
        unlockAccount(
          { ...wrapped, signPublicKey: stranger.signPublicKey },
          { method: 'recovery', recoveryCode },
        ),
      'malformed',
    );
  });

  it('re-wraps for a new passphrase: the new one unlocks, the old one no longer does', () => {
    const change = rewrapForNewPassphrase(
      'Sanne.de.Vries',
      account.session.accountKey,
      'een nieuwe wachtzin',
      TEST_KDF,
    );
    const update = change.passphraseUpdate;
    expect(Object.keys(update).sort()).toEqual(['kdf', 'loginPublicKey', 'wrappedAccountKey']);
    expect(update.kdf.salt).not.toBe(account.registration.kdf.salt);
    expect(update.loginPublicKey).not.toBe(account.registration.loginPublicKey);
    const updated = { ...stored(account), ...update };
    const unlocked = unlockAccount(updated, {
      method: 'passphrase',
      passphrase: 'een nieuwe wachtzin',
    });
    expect(hex(unlocked.accountKey)).toBe(hex(account.session.accountKey));
    expectCryptoError(
      () => unlockAccount(updated, { method: 'passphrase', passphrase: PASSPHRASE }),
      'decrypt-failure',
    );
    // the recovery code still works: only the passphrase wrapping changed
    const viaRecovery = unlockAccount(updated, {
      method: 'recovery',
      recoveryCode: account.recoveryCode,
    });
    expect(viaRecovery.keyring).toEqual(account.session.keyring);
    const challenge = sequence(32, 3);
    const proof = signLoginProof(change.loginSecretKey, 'login', 'sanne.de.vries', challenge);
    expect(
      verifyLoginProof(
        fromBase64Url(update.loginPublicKey),
        'login',
        'sanne.de.vries',
        challenge,
        proof,
      ),
    ).toBe(true);
  });
});
