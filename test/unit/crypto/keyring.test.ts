import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  adKeyring,
  decryptKeyring,
  encryptEnvelope,
  encryptKeyring,
  identityFromKeyring,
  KEYRING_PADDED_BYTES,
  loadSodium,
  newerSettings,
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
    // the map's rings are signed: kept, so every device refuses an unsigned ring of it
    const signed = { ...pin, signedRings: true as const };
    const flagged = encryptKeyring(accountKey, 'sanne', {
      ...keyring,
      maps: [{ ...first!, pin: signed }],
    });
    expect(decryptKeyring(accountKey, 'sanne', flagged).maps[0]!.pin).toEqual(signed);
  });

  it('keeps the account settings, and still reads a keyring without them', () => {
    const settings = { professional: true, changedAt: 1_700_000_000_001 };
    const opened = decryptKeyring(
      accountKey,
      'sanne',
      encryptKeyring(accountKey, 'sanne', { ...keyring, settings }),
    );
    expect(opened.settings).toEqual(settings);
    expect(
      decryptKeyring(accountKey, 'sanne', encryptKeyring(accountKey, 'sanne', keyring)),
    ).not.toHaveProperty('settings');
  });

  it('of two devices’ settings, the one chosen last wins', () => {
    const on = { professional: true, changedAt: 10 };
    const off = { professional: false, changedAt: 20 };
    expect(newerSettings(on, off)).toBe(off);
    expect(newerSettings(off, on)).toBe(off);
    expect(newerSettings(undefined, on)).toBe(on);
    expect(newerSettings(on, undefined)).toBe(on);
    expect(newerSettings(undefined, undefined)).toBeUndefined();
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
      {
        v: 1,
        identity,
        maps: [{ ...first, pin: { seq: 1, headHash: hash, version: 1, signedRings: false } }],
      },
      { v: 1, identity, maps, settings: null },
      { v: 1, identity, maps, settings: { professional: 'yes', changedAt: 1 } },
      { v: 1, identity, maps, settings: { professional: true } },
      { v: 1, identity, maps, settings: { professional: true, changedAt: -1 } },
      { v: 1, identity, maps, settings: { professional: true, changedAt: 1, admin: true } },
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

describe('keyring size', () => {
  beforeAll(async () => {
    await loadSodium();
  });

  it('is one fixed size from no maps up to 64 maps with long titles, pins and inviters', () => {
    const key = sodium.randombytes_buf(32);
    const base = { ...newKeyring(), maps: [] };
    const entry = (i: number) => ({
      mapId: newId(),
      capability: toBase64Url(newCapability()),
      title: `Kaart ${i} `.padEnd(200, 'x'),
      addedAt: Number.MAX_SAFE_INTEGER,
      pin: { seq: 0xffff_ffff, headHash: toBase64Url(new Uint8Array(32)), version: 2 ** 53 - 1 },
      inviter: toBase64Url(new Uint8Array(32)),
    });
    const sizes = [0, 1, 5, 20, 64].map(
      (count) =>
        encryptKeyring(key, 'ouder', {
          ...base,
          maps: Array.from({ length: count }, (_, i) => entry(i)),
        }).length,
    );
    expect(new Set(sizes).size).toBe(1);
    expect(sizes[0]).toBe(KEYRING_PADDED_BYTES + 1 + 24 + 16);
    // beyond the floor the Padmé buckets apply again
    const many = { ...base, maps: Array.from({ length: 80 }, (_, i) => entry(i)) };
    expect(encryptKeyring(key, 'ouder', many).length).toBeGreaterThan(sizes[0]!);
  });
});
