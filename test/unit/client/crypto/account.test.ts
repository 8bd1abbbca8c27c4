// The worker's account handlers in Node: register, first login, a fresh device's login and unlock, lock.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF,
  fromBase64Url,
  loadSodium,
  toBase64Url,
  verifyLoginProof,
} from '../../../../shared/crypto/index.js';
import { randomBytes } from '../../../../shared/crypto/sodium.js';
import { createWorkerState } from '../../../../client/crypto/worker/state.js';
import {
  call,
  expectFailure,
  parentWithMap,
  PASSPHRASE,
  register,
  storeKeyring,
} from './harness.js';

const challenge = (): string => toBase64Url(randomBytes(32));

describe('worker: account', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('registers at the default cost and signs the first login with the fresh keys once', () => {
    const sanne = register('Sanne');
    expect(sanne.account.kdf.opsLimit).toBe(DEFAULT_KDF.opsLimit);
    expect(sanne.account.kdf.memLimit).toBe(DEFAULT_KDF.memLimit);
    const prelogin = {
      kdf: sanne.account.kdf,
      challengeId: 'AAAAAAAAAAAAAAAAAAAAAA',
      challenge: challenge(),
    };
    const { signature } = call(sanne.state, 'loginFreshAccount', { username: 'sanne', prelogin });
    const proof = verifyLoginProof(
      fromBase64Url(sanne.loginPublicKey),
      'login',
      'sanne',
      fromBase64Url(prelogin.challenge),
      fromBase64Url(signature),
    );
    expect(proof).toBe(true);
    // the login key was kept for one login only
    expectFailure(
      () => call(sanne.state, 'loginFreshAccount', { username: 'sanne', prelogin }),
      'locked',
    );
  });

  it('logs in on a new device, unlocks the keyring and lists the maps it holds', () => {
    const { parent, store } = parentWithMap('Netwerk van Sanne');
    const device = createWorkerState();
    const prelogin = {
      kdf: parent.account.kdf,
      challengeId: 'AAAAAAAAAAAAAAAAAAAAAA',
      challenge: challenge(),
    };
    const { signature } = call(device, 'login', {
      username: 'Sanne',
      passphrase: PASSPHRASE,
      prelogin,
    });
    expect(
      verifyLoginProof(
        fromBase64Url(parent.loginPublicKey),
        'login',
        'sanne',
        fromBase64Url(prelogin.challenge),
        fromBase64Url(signature),
      ),
    ).toBe(true);
    const unlocked = call(device, 'unlock', { account: parent.account });
    expect(unlocked.username).toBe('sanne');
    expect(unlocked.maps.map((map) => [map.mapId, map.title])).toEqual([
      [store.mapId, 'Netwerk van Sanne'],
    ]);
    expect(device.session?.identity.signPublicKey).toEqual(
      fromBase64Url(parent.account.signPublicKey),
    );
  });

  it('refuses a wrong passphrase, cheap KDF parameters and another account at unlock', () => {
    const sanne = register('sanne');
    const kees = register('kees');
    const device = createWorkerState();
    const cheap = { ...sanne.account.kdf, memLimit: 8 * 1024 * 1024 };
    const prelogin = { kdf: cheap, challengeId: 'AAAAAAAAAAAAAAAAAAAAAA', challenge: challenge() };
    expectFailure(
      () => call(device, 'login', { username: 'sanne', passphrase: PASSPHRASE, prelogin }),
      'malformed',
    );
    const honest = { ...prelogin, kdf: sanne.account.kdf };
    call(device, 'login', { username: 'sanne', passphrase: 'een andere zin', prelogin: honest });
    expectFailure(() => call(device, 'unlock', { account: sanne.account }), 'decrypt-failure');
    call(device, 'login', { username: 'sanne', passphrase: PASSPHRASE, prelogin: honest });
    expectFailure(() => call(device, 'unlock', { account: kees.account }), 'malformed');
  });

  it('merges the server keyring with maps made here and locks every key away', () => {
    const { parent, store } = parentWithMap();
    // a map committed here but whose keyring the server has not stored yet is kept by a merge
    const second = call(parent.state, 'createMap', { title: 'Tweede kaart' });
    expect(call(parent.state, 'commitMap', { mapId: second.map.mapId }).maps).toHaveLength(2);
    const merged = call(parent.state, 'mergeKeyring', { account: parent.account });
    expect(merged.maps.map((map) => map.mapId)).toEqual([store.mapId, second.map.mapId]);
    storeKeyring(parent, merged);
    expectFailure(
      () => call(parent.state, 'commitMap', { mapId: second.map.mapId }),
      'unknown-map',
    );

    // a map forgotten here (left, or lost) stays out though the server's keyring still lists it
    call(parent.state, 'forgetMap', { mapId: second.map.mapId });
    const again = call(parent.state, 'mergeKeyring', { account: parent.account });
    expect(again.maps.map((map) => map.mapId)).toEqual([store.mapId]);

    const accountKey = parent.state.session!.accountKey;
    call(parent.state, 'lock', {});
    expect(parent.state.session).toBeNull();
    expect(parent.state.openMaps.size).toBe(0);
    expect(accountKey.every((byte) => byte === 0)).toBe(true);
    expectFailure(() => call(parent.state, 'createMap', { title: 'x' }), 'locked');
    expectFailure(() => call(parent.state, 'commitMap', { mapId: store.mapId }), 'locked');
  });
});
