import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  adKeyring,
  decryptKeyring,
  encryptEnvelope,
  encryptKeyring,
  identityFromKeyring,
  loadSodium,
  newCapability,
  newId,
  toBase64Url,
  utf8Encode,
  type Keyring,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, hex } from './fixtures.js';

function newKeyring(): Keyring {
  const sign = sodium.crypto_sign_keypair();
  const box = sodium.crypto_box_keypair();
  return {
    v: 1,
    identity: {
      signPublicKey: toBase64Url(sign.publicKey),
      signSecretKey: toBase64Url(sign.privateKey),
      boxPublicKey: toBase64Url(box.publicKey),
      boxSecretKey: toBase64Url(box.privateKey),
    },
    maps: [
      {
        mapId: newId(),
        capability: toBase64Url(newCapability()),
        title: 'Ons netwerk',
        addedAt: 1_700_000_000_000,
      },
      { mapId: newId(), capability: toBase64Url(newCapability()), title: '', addedAt: 0 },
    ],
  };
}

describe('keyring', () => {
  let accountKey: Uint8Array;
  let keyring: Keyring;

  beforeAll(async () => {
    await loadSodium();
    accountKey = sodium.randombytes_buf(32);
    keyring = newKeyring();
  });

  /** Encrypts arbitrary JSON the way a buggy or hostile client could. */
  const sealJson = (value: unknown): Uint8Array =>
    encryptEnvelope(accountKey, utf8Encode(JSON.stringify(value)), adKeyring('sanne'));

  it('round-trips and exposes identity keys as bytes', () => {
    const envelope = encryptKeyring(accountKey, 'sanne', keyring);
    const opened = decryptKeyring(accountKey, 'Sanne', envelope);
    expect(opened).toEqual(keyring);
    const identity = identityFromKeyring(opened);
    expect(identity.signSecretKey).toHaveLength(64);
    expect(hex(sodium.crypto_scalarmult_base(identity.boxSecretKey))).toBe(
      hex(identity.boxPublicKey),
    );
  });

  it("keeps each map's pin (log head and version), and still reads a keyring without pins", () => {
    const pin = { seq: 7, headHash: toBase64Url(sodium.randombytes_buf(32)), version: 12 };
    const [first, second] = keyring.maps;
    const pinned: Keyring = { ...keyring, maps: [{ ...first!, pin }, second!] };
    const opened = decryptKeyring(accountKey, 'sanne', encryptKeyring(accountKey, 'sanne', pinned));
    expect(opened.maps[0]!.pin).toEqual(pin);
    expect(opened.maps[1]).not.toHaveProperty('pin');
    // a map without a log pins seq 0
    const noLog = { ...pin, seq: 0 };
    const again = encryptKeyring(accountKey, 'sanne', {
      ...keyring,
      maps: [{ ...first!, pin: noLog }],
    });
    expect(decryptKeyring(accountKey, 'sanne', again).maps[0]!.pin).toEqual(noLog);
  });

  it('keeps her joining profile and, per map, what she saw at her last visit', () => {
    const profile = {
      name: 'Anouk Visser',
      profession: 'verloskundige',
      organisation: 'Praktijk De Wieg',
      contact: '015 765 43 21',
      availability: '',
    };
    const seen = { at: 1_800_000_000_000, people: [newId()], cards: [`${newId()}:2`], borgers: [] };
    const [first, second] = keyring.maps;
    const day: Keyring = { ...keyring, profile, maps: [{ ...first!, seen }, second!] };
    const opened = decryptKeyring(accountKey, 'sanne', encryptKeyring(accountKey, 'sanne', day));
    expect(opened.profile).toEqual(profile);
    expect(opened.maps[0]!.seen).toEqual(seen);
    expect(opened.maps[1]).not.toHaveProperty('seen');
    const bad: unknown[] = [
      { ...day, profile: { ...profile, name: '' } },
      { ...day, profile: { ...profile, contact: 'x'.repeat(281) } },
      { ...day, profile: { ...profile, extra: 1 } },
      { ...day, maps: [{ ...first, seen: { ...seen, people: 'all' } }] },
      { ...day, maps: [{ ...first, seen: { ...seen, at: -1 } }] },
      { ...day, maps: [{ ...first, seen: { ...seen, cards: ['x'.repeat(65)] } }] },
      { ...day, maps: [{ ...first, seen: { at: 1, people: [], cards: [] } }] },
    ];
    for (const shape of bad) {
      expectCryptoError(() => decryptKeyring(accountKey, 'sanne', sealJson(shape)), 'malformed');
    }
  });

  it('does not open for another account key or username', () => {
    const envelope = encryptKeyring(accountKey, 'sanne', keyring);
    expectCryptoError(
      () => decryptKeyring(sodium.randombytes_buf(32), 'sanne', envelope),
      'decrypt-failure',
    );
    expectCryptoError(() => decryptKeyring(accountKey, 'anna', envelope), 'decrypt-failure');
  });

  it('rejects a decrypted keyring with a bad shape as malformed', () => {
    const { identity, maps } = keyring;
    const [first] = maps;
    const box2 = toBase64Url(sodium.crypto_box_keypair().publicKey);
    const hash = toBase64Url(sodium.randombytes_buf(32));
    const shapes: unknown[] = [
      null,
      [],
      'keyring',
      { v: 2, identity, maps },
      { v: 1, identity },
      { v: 1, identity, maps, extra: true },
      { v: 1, identity: { ...identity, boxPublicKey: box2 }, maps }, // pair does not match
      { v: 1, identity: { ...identity, signSecretKey: identity.boxSecretKey }, maps },
      { v: 1, identity: { ...identity, signPublicKey: `${identity.signPublicKey}A` }, maps },
      { v: 1, identity, maps: {} },
      { v: 1, identity, maps: [{ ...first, capability: newId() }] },
      { v: 1, identity, maps: [{ ...first, mapId: 'short' }] },
      { v: 1, identity, maps: [{ ...first, title: 'x'.repeat(201) }] },
      { v: 1, identity, maps: [{ ...first, addedAt: -1 }] },
      { v: 1, identity, maps: [{ ...first, addedAt: '2024' }] },
      { v: 1, identity, maps: [{ ...first, role: 'admin' }] },
      { v: 1, identity, maps: [{ ...first, pin: { seq: 1, headHash: newId(), version: 1 } }] },
      { v: 1, identity, maps: [{ ...first, pin: { seq: -1, headHash: hash, version: 1 } }] },
      { v: 1, identity, maps: [{ ...first, pin: { seq: 1, headHash: hash, version: 0 } }] },
      { v: 1, identity, maps: [{ ...first, pin: { seq: 1, headHash: hash } }] },
      { v: 1, identity, maps: [{ ...first, pin: { seq: 1, headHash: hash, version: 1, x: 1 } }] },
      { v: 1, identity, maps: [{ ...first, pin: null }] },
    ];
    for (const shape of shapes) {
      expectCryptoError(() => decryptKeyring(accountKey, 'sanne', sealJson(shape)), 'malformed');
    }
    const notJson = encryptEnvelope(accountKey, utf8Encode('{"v":1,'), adKeyring('sanne'));
    expectCryptoError(() => decryptKeyring(accountKey, 'sanne', notJson), 'malformed');
    const notUtf8 = encryptEnvelope(accountKey, Uint8Array.of(0xff), adKeyring('sanne'));
    expectCryptoError(() => decryptKeyring(accountKey, 'sanne', notUtf8), 'malformed');
  });

  it('refuses to encrypt a keyring it could not read back', () => {
    const bad = { ...keyring, maps: [{ ...keyring.maps[0], addedAt: 1.5 }] } as Keyring;
    expectCryptoError(() => encryptKeyring(accountKey, 'sanne', bad), 'malformed');
  });
});
