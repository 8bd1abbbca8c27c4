// "Ik werk als hulpverlener" in the keyring: off until chosen, stored sealed, the same on every
// device of the account, and a merge keeps the choice made last.
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptKeyring, fromBase64Url, loadSodium } from '../../../../shared/crypto/index.js';
import { call, loginOnNewDevice, parentWithMap, register, storeKeyring } from './harness.js';

describe('worker: account settings', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('is off for a new account and travels sealed in the keyring to another device', () => {
    const anouk = register('anouk');
    expect(call(anouk.state, 'accountSettings', {})).toEqual({ professional: false });
    call(anouk.state, 'setProfessional', { professional: true });
    expect(call(anouk.state, 'accountSettings', {})).toEqual({ professional: true });
    const sealed = call(anouk.state, 'sealKeyring', {});
    storeKeyring(anouk, sealed);
    // what the server holds is the sealed keyring; opened with the account key it has the choice
    const session = anouk.state.session!;
    const opened = decryptKeyring(session.accountKey, 'anouk', fromBase64Url(sealed.keyring));
    expect(opened.settings?.professional).toBe(true);
    const laptop = loginOnNewDevice(anouk);
    expect(call(laptop.state, 'accountSettings', {})).toEqual({ professional: true });
  });

  it('a merge keeps the later choice, from either device', () => {
    const { parent } = parentWithMap();
    const phone = loginOnNewDevice(parent);
    // the laptop says yes and stores it; the phone, still without a choice, merges it in
    call(parent.state, 'setProfessional', { professional: true });
    storeKeyring(parent, call(parent.state, 'sealKeyring', {}));
    phone.account = parent.account;
    call(phone.state, 'mergeKeyring', { account: parent.account });
    expect(call(phone.state, 'accountSettings', {})).toEqual({ professional: true });
    // then the phone says no: an older keyring from the server does not undo that
    call(phone.state, 'setProfessional', { professional: false });
    call(phone.state, 'mergeKeyring', { account: parent.account });
    expect(call(phone.state, 'accountSettings', {})).toEqual({ professional: false });
    // and the laptop, merging the phone's keyring, follows the phone
    const fromPhone = call(phone.state, 'sealKeyring', {});
    call(parent.state, 'mergeKeyring', {
      account: { ...parent.account, keyring: fromPhone.keyring },
    });
    expect(call(parent.state, 'accountSettings', {})).toEqual({ professional: false });
    // the maps survived every merge
    expect(call(parent.state, 'sealKeyring', {}).maps).toHaveLength(1);
  });
});
