// The worker's recovery, passphrase change and deletion proofs in Node: every proof comes from the
// secret typed just now, a wrong passphrase is refused before anything is signed, a used code is replaced.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fromBase64Url,
  loadSodium,
  toBase64Url,
  unlockAccount,
  verifyLoginProof,
  type LoginPurpose,
} from '../../../../shared/crypto/index.js';
import { randomBytes } from '../../../../shared/crypto/sodium.js';
import { createWorkerState } from '../../../../client/crypto/worker/state.js';
import type { AccountResponse } from '../../../../client/api/types.js';
import { call, expectFailure, PASSPHRASE } from './harness.js';

const challenge = () => ({
  challengeId: 'AAAAAAAAAAAAAAAAAAAAAA',
  challenge: toBase64Url(randomBytes(32)),
});

function signUp(name: string) {
  const state = createWorkerState();
  const { registration, recoveryCode } = call(state, 'register', {
    username: name,
    passphrase: PASSPHRASE,
  });
  const account: AccountResponse = {
    accountId: 'BBBBBBBBBBBBBBBBBBBBBB',
    username: registration.username,
    kdf: registration.kdf,
    wrappedAccountKey: registration.wrappedAccountKey,
    recoveryWrappedAccountKey: registration.recoveryWrappedAccountKey,
    keyring: registration.keyring,
    keyringRevision: 1,
    signPublicKey: registration.signPublicKey,
    boxPublicKey: registration.boxPublicKey,
  };
  call(state, 'unlock', { account });
  return { state, account, recoveryCode, registration };
}

function proves(
  publicKey: string,
  purpose: LoginPurpose,
  username: string,
  c: { challenge: string },
  signature: string,
) {
  return verifyLoginProof(
    fromBase64Url(publicKey),
    purpose,
    username,
    fromBase64Url(c.challenge),
    fromBase64Url(signature),
  );
}

describe('worker: recovery, passphrase change, deletion proof', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('logs in with the code, then sets a new passphrase and a new code for the same account key, proven by the old code', () => {
    const { account, recoveryCode, registration } = signUp('noor');
    const device = createWorkerState();
    const prelogin = { kdf: account.kdf, ...challenge() };
    const { signature } = call(device, 'loginRecovery', {
      username: 'Noor',
      recoveryCode: recoveryCode.toLowerCase(),
      prelogin,
    });
    expect(proves(registration.recoveryPublicKey, 'login', 'noor', prelogin, signature)).toBe(true);
    call(device, 'unlock', { account });

    const c = challenge();
    const { request, recoveryCode: fresh } = call(device, 'resetPassphrase', {
      newPassphrase: 'een heel nieuwe zin hier',
      challenge: c,
    });
    expect(request.proof.method).toBe('recovery');
    expect(
      proves(
        registration.recoveryPublicKey,
        'passphrase-change',
        'noor',
        c,
        request.proof.signature,
      ),
    ).toBe(true);
    expect(fresh).not.toBe(recoveryCode);
    expect(request.recovery?.recoveryPublicKey).not.toBe(registration.recoveryPublicKey);

    const stored = {
      ...account,
      ...request,
      recoveryWrappedAccountKey: request.recovery?.recoveryWrappedAccountKey ?? '',
    };
    const byCode = unlockAccount(stored, { method: 'recovery', recoveryCode: fresh });
    const byPassphrase = unlockAccount(stored, {
      method: 'passphrase',
      passphrase: 'een heel nieuwe zin hier',
    });
    const before = unlockAccount(account, { method: 'passphrase', passphrase: PASSPHRASE });
    expect(toBase64Url(byCode.accountKey)).toBe(toBase64Url(before.accountKey));
    expect(byPassphrase.keyring).toEqual(before.keyring);
    expect(() => unlockAccount(stored, { method: 'recovery', recoveryCode })).toThrow();
  });

  it('refuses a reset without a recovery login, and a code with a typo', () => {
    const { state, account } = signUp('sara');
    expectFailure(
      () => call(state, 'resetPassphrase', { newPassphrase: 'x y z w v', challenge: challenge() }),
      'locked',
    );
    const prelogin = { kdf: account.kdf, ...challenge() };
    expectFailure(
      () =>
        call(createWorkerState(), 'loginRecovery', {
          username: 'sara',
          recoveryCode: 'ABCD-EFGH',
          prelogin,
        }),
      'malformed',
    );
  });

  it('changes the passphrase only with the right current one, and signs the proof with its login key', () => {
    const { state, account, registration } = signUp('lin');
    const c = challenge();
    expectFailure(
      () =>
        call(state, 'changePassphrase', {
          account,
          currentPassphrase: 'niet deze',
          newPassphrase: 'nieuw nieuw nieuw',
          challenge: c,
        }),
      'decrypt-failure',
    );
    const { request } = call(state, 'changePassphrase', {
      account,
      currentPassphrase: PASSPHRASE,
      newPassphrase: 'nieuw nieuw nieuw',
      challenge: c,
    });
    expect(request.proof.method).toBe('passphrase');
    expect(request.recovery).toBeUndefined();
    expect(
      proves(registration.loginPublicKey, 'passphrase-change', 'lin', c, request.proof.signature),
    ).toBe(true);
    expect(request.kdf.salt).not.toBe(account.kdf.salt);
    // cheap parameters from a hostile server are refused before anything is derived
    expectFailure(
      () =>
        call(state, 'changePassphrase', {
          account: { ...account, kdf: { ...account.kdf, opsLimit: 1 } },
          currentPassphrase: PASSPHRASE,
          newPassphrase: 'n n n n',
          challenge: c,
        }),
      'malformed',
    );
  });

  it('signs a deletion proof only for the right passphrase, for the delete purpose', () => {
    const { state, account, registration } = signUp('ina');
    const c = challenge();
    expectFailure(
      () => call(state, 'deleteProof', { account, passphrase: 'fout', challenge: c }),
      'decrypt-failure',
    );
    const { proof } = call(state, 'deleteProof', { account, passphrase: PASSPHRASE, challenge: c });
    expect(proves(registration.loginPublicKey, 'delete-account', 'ina', c, proof.signature)).toBe(
      true,
    );
    expect(
      proves(registration.loginPublicKey, 'passphrase-change', 'ina', c, proof.signature),
    ).toBe(false);
  });
});
