import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  loadSodium,
  newId,
  newSectionKeys,
  openKeyBundle,
  sealKeyBundle,
  toBase64Url,
  utf8Encode,
  type KeyPair,
} from '../../../shared/crypto/index.js';
import { padTo } from '../../../shared/crypto/padding.js';
import { expectCryptoError, flipByte, hex } from './fixtures.js';

describe('key bundles', () => {
  let member: KeyPair;
  const mapId = 'AAECAwQFBgcICQoLDA0ODw';

  beforeAll(async () => {
    await loadSodium();
    const pair = sodium.crypto_box_keypair();
    member = { publicKey: pair.publicKey, secretKey: pair.privateKey };
  });

  /** Seals arbitrary JSON the way a hostile map owner could. */
  const sealJson = (value: unknown): Uint8Array =>
    sodium.crypto_box_seal(padTo(utf8Encode(JSON.stringify(value)), 512), member.publicKey);

  it('round-trips all three keys, or base only', () => {
    const keys = newSectionKeys();
    expect(new Set([hex(keys.base), hex(keys.detail), hex(keys.private)]).size).toBe(3);
    const full = openKeyBundle(
      sealKeyBundle({ mapId, epoch: 4, keys }, member.publicKey),
      member,
      mapId,
    );
    expect(full).toEqual({ mapId, epoch: 4, keys });
    const reader = openKeyBundle(
      sealKeyBundle({ mapId, epoch: 4, keys: { base: keys.base } }, member.publicKey),
      member,
      mapId,
    );
    expect(reader.keys).toEqual({ base: keys.base });
    expect(reader.keys.detail).toBeUndefined();
  });

  it('has the same size whatever sections it holds', () => {
    const keys = newSectionKeys();
    const full = sealKeyBundle({ mapId, epoch: 4_000_000_000, keys }, member.publicKey);
    const baseOnly = sealKeyBundle(
      { mapId, epoch: 0, keys: { base: keys.base } },
      member.publicKey,
    );
    expect(full.length).toBe(baseOnly.length);
    expect(full.length).toBe(512 + 48);
  });

  it('a bundle for another map fails with decrypt-failure', () => {
    const sealed = sealKeyBundle(
      { mapId: newId(), epoch: 1, keys: newSectionKeys() },
      member.publicKey,
    );
    expectCryptoError(() => openKeyBundle(sealed, member, mapId), 'decrypt-failure');
  });

  it('another recipient or one changed byte fails with decrypt-failure', () => {
    const sealed = sealKeyBundle({ mapId, epoch: 1, keys: newSectionKeys() }, member.publicKey);
    const other = sodium.crypto_box_keypair();
    expectCryptoError(
      () =>
        openKeyBundle(sealed, { publicKey: other.publicKey, secretKey: other.privateKey }, mapId),
      'decrypt-failure',
    );
    for (const index of [0, 40, 100, sealed.length - 1]) {
      expectCryptoError(
        () => openKeyBundle(flipByte(sealed, index), member, mapId),
        'decrypt-failure',
      );
    }
  });

  it('truncated input and bad key lengths are malformed', () => {
    const sealed = sealKeyBundle({ mapId, epoch: 1, keys: newSectionKeys() }, member.publicKey);
    expectCryptoError(() => openKeyBundle(sealed.subarray(0, 48), member, mapId), 'malformed');
    expectCryptoError(() => openKeyBundle(new Uint8Array(0), member, mapId), 'malformed');
    expectCryptoError(
      () => openKeyBundle(sealed.subarray(0, 100), member, mapId),
      'decrypt-failure',
    );
    const shortKey = { publicKey: member.publicKey, secretKey: member.secretKey.subarray(1) };
    expectCryptoError(() => openKeyBundle(sealed, shortKey, mapId), 'malformed');
    expectCryptoError(
      () =>
        sealKeyBundle({ mapId, epoch: 1, keys: newSectionKeys() }, member.publicKey.subarray(1)),
      'malformed',
    );
  });

  it('refuses to seal a bundle without a base key, with a bad map id or epoch', () => {
    const keys = newSectionKeys();
    const noBase = { detail: keys.detail } as unknown as { base: Uint8Array };
    expectCryptoError(
      () => sealKeyBundle({ mapId, epoch: 1, keys: noBase }, member.publicKey),
      'malformed',
    );
    expectCryptoError(
      () => sealKeyBundle({ mapId: 'x', epoch: 1, keys }, member.publicKey),
      'malformed',
    );
    expectCryptoError(
      () => sealKeyBundle({ mapId, epoch: -1, keys }, member.publicKey),
      'malformed',
    );
    const shortDetail = { ...keys, detail: keys.detail.subarray(1) };
    expectCryptoError(
      () => sealKeyBundle({ mapId, epoch: 1, keys: shortDetail }, member.publicKey),
      'malformed',
    );
  });

  it('rejects a sealed bundle with a bad shape as malformed', () => {
    const key = toBase64Url(sodium.randombytes_buf(32));
    const shapes: unknown[] = [
      [],
      { v: 2, mapId, epoch: 1, keys: { base: key } },
      { v: 1, mapId, epoch: 1, keys: {} },
      { v: 1, mapId, epoch: 1, keys: { base: key, notes: key } },
      { v: 1, mapId, epoch: 1, keys: { base: key.slice(0, 22) } },
      { v: 1, mapId, epoch: '1', keys: { base: key } },
      { v: 1, mapId, epoch: 1, keys: { base: key }, rights: 'admin' },
    ];
    for (const shape of shapes)
      expectCryptoError(() => openKeyBundle(sealJson(shape), member, mapId), 'malformed');
    const unpadded = sodium.crypto_box_seal(utf8Encode('{}'), member.publicKey);
    expectCryptoError(() => openKeyBundle(unpadded, member, mapId), 'malformed');
  });
});
