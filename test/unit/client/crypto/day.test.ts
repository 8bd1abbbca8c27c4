// The worker's day handlers in Node: her joining profile and per-map last visit live in the keyring,
// go to every device of hers with it, and survive a merge with another device's keyring.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSodium, newId } from '../../../../shared/crypto/index.js';
import { call, loginOnNewDevice, parentWithMap, storeKeyring } from './harness.js';

const PROFILE = {
  name: '  Anouk Visser ',
  profession: 'verloskundige',
  organisation: 'Praktijk De Wieg',
  contact: '015 765 43 21',
  availability: 'werkdagen',
};

describe('worker: a professional’s day in the keyring', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('keeps one profile and what she saw per map, on every device of hers', () => {
    const { parent, store } = parentWithMap();
    expect(call(parent.state, 'keyringProfile', {}).profile).toBeNull();
    expect(call(parent.state, 'setKeyringProfile', { profile: PROFILE }).changed).toBe(true);
    // the same words again change nothing; no name is no profile
    expect(call(parent.state, 'setKeyringProfile', { profile: PROFILE }).changed).toBe(false);
    expect(
      call(parent.state, 'setKeyringProfile', { profile: { ...PROFILE, name: ' ' } }).changed,
    ).toBe(false);
    const seen = { at: 10, people: [newId()], cards: [], borgers: [] };
    expect(call(parent.state, 'setSeen', { mapId: store.mapId, seen }).changed).toBe(true);
    // a later visit that saw the same is no change to store
    expect(
      call(parent.state, 'setSeen', { mapId: store.mapId, seen: { ...seen, at: 20 } }).changed,
    ).toBe(false);
    storeKeyring(parent, call(parent.state, 'sealKeyring', {}));

    const phone = loginOnNewDevice(parent);
    expect(call(phone.state, 'keyringProfile', {}).profile).toEqual({
      ...PROFILE,
      name: 'Anouk Visser',
    });
    expect(call(phone.state, 'seenMaps', {}).seen[store.mapId]).toEqual(seen);
  });

  it('keeps the later visit and this device’s profile when two keyrings merge', () => {
    const { parent, store } = parentWithMap();
    const phone = loginOnNewDevice(parent);
    const older = { at: 10, people: [], cards: [], borgers: [] };
    const newer = { at: 99, people: [newId()], cards: [], borgers: [] };
    call(phone.state, 'setSeen', { mapId: store.mapId, seen: older });
    call(phone.state, 'setKeyringProfile', { profile: { ...PROFILE, name: 'Op de telefoon' } });
    storeKeyring(parent, call(phone.state, 'sealKeyring', {}));
    call(parent.state, 'setSeen', { mapId: store.mapId, seen: newer });
    call(parent.state, 'setKeyringProfile', { profile: PROFILE });
    call(parent.state, 'mergeKeyring', { account: parent.account });
    expect(call(parent.state, 'seenMaps', {}).seen[store.mapId]).toEqual(newer);
    expect(call(parent.state, 'keyringProfile', {}).profile?.name).toBe('Anouk Visser');
  });
});
