// Samen aan tafel's hand-back: the worker checks the professional's passphrase against the account key it holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../../shared/crypto/index.js';
import { createWorkerState } from '../../../../client/crypto/worker/state.js';
import { PASSPHRASE, call, expectFailure, register } from './harness.js';

describe('checkPassphrase', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('accepts only her own passphrase, and no other account’s wrapping', () => {
    const pro = register('ilse');
    const other = register('ouder');
    expect(
      call(pro.state, 'checkPassphrase', { passphrase: PASSPHRASE, account: pro.account }),
    ).toEqual({
      ok: true,
    });
    for (const passphrase of ['', 'paarse fiets onder de brug!', 'Paarse fiets onder de brug'])
      expect(call(pro.state, 'checkPassphrase', { passphrase, account: pro.account }).ok).toBe(
        false,
      );
    // Another account's wrapped key, opened with its own passphrase, is not her account key.
    const swapped = { ...other.account, username: pro.account.username };
    expect(
      call(pro.state, 'checkPassphrase', { passphrase: PASSPHRASE, account: swapped }).ok,
    ).toBe(false);
    // Cheap KDF parameters from a hostile server are refused outright.
    expectFailure(
      () =>
        call(pro.state, 'checkPassphrase', {
          passphrase: PASSPHRASE,
          account: { ...pro.account, kdf: { ...pro.account.kdf, opsLimit: 1 } },
        }),
      'malformed',
    );
  }, 60_000);

  it('needs an unlocked worker', () => {
    const pro = register('inge');
    expectFailure(
      () =>
        call(createWorkerState(), 'checkPassphrase', {
          passphrase: PASSPHRASE,
          account: pro.account,
        }),
      'locked',
    );
  }, 60_000);
});
