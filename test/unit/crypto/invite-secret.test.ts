// An open invite's secret sealed for the owners: only a ring with that epoch's private key opens it,
// and only for the map and invite it was made for.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createInvite,
  loadSodium,
  newId,
  newSectionKeys,
  openInviteSecret,
  sealInviteSecret,
  TEST_KDF,
  type KeyRing,
  type SectionKeys,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, flipByte } from './fixtures.js';
import { MAP_ID } from './log-fixture.js';

describe('invite secrets for the owners', () => {
  let keys: SectionKeys;
  let ownerRing: KeyRing;
  const parentIdentity = { signPublicKey: new Uint8Array(32) };

  beforeAll(async () => {
    await loadSodium();
    keys = newSectionKeys();
    ownerRing = { mapId: MAP_ID, epochs: { 1: newSectionKeys(), 2: keys } };
  });

  const invite = (kind: 'link' | 'code') =>
    createInvite({ mapId: MAP_ID, parentIdentity, expiresAt: 1, kind, codeCost: TEST_KDF });

  const seal = (secret: string, inviteId: string, epoch = 2) =>
    sealInviteSecret({ mapId: MAP_ID, inviteId, epoch, privateKey: keys.private, secret });

  it('opens for an owner, link and code alike, in one fixed size', () => {
    const link = invite('link');
    const code = invite('code');
    const sealedLink = seal(link.secret, link.inviteId);
    const sealedCode = seal(code.secret, code.inviteId);
    expect(sealedLink).toHaveLength(118);
    expect(sealedCode).toHaveLength(118);
    expect(sealedLink[0]).toBe(0x01);
    expect([...sealedLink.subarray(1, 5)]).toEqual([0, 0, 0, 2]);
    const open = (sealed: Uint8Array, inviteId: string) =>
      openInviteSecret({ mapId: MAP_ID, inviteId, sealed, ring: ownerRing });
    expect(open(sealedLink, link.inviteId)).toBe(link.secret);
    expect(open(sealedCode, code.inviteId)).toBe(code.secret);
  });

  it('does not open without the private key of its epoch (a member who is not an owner)', () => {
    const link = invite('link');
    const sealed = seal(link.secret, link.inviteId);
    const memberRing: KeyRing = {
      mapId: MAP_ID,
      epochs: { 2: { base: keys.base, detail: keys.detail } },
    };
    expectCryptoError(
      () => openInviteSecret({ mapId: MAP_ID, inviteId: link.inviteId, sealed, ring: memberRing }),
      'decrypt-failure',
    );
    const otherEpoch = { mapId: MAP_ID, epochs: { 1: ownerRing.epochs[1]! } };
    expectCryptoError(
      () => openInviteSecret({ mapId: MAP_ID, inviteId: link.inviteId, sealed, ring: otherEpoch }),
      'decrypt-failure',
    );
  });

  it('refuses one moved to another invite, map or epoch, altered, or made by the server', () => {
    const link = invite('link');
    const sealed = seal(link.secret, link.inviteId);
    const open =
      (bytes: Uint8Array, inviteId = link.inviteId, mapId = MAP_ID) =>
      () =>
        openInviteSecret({ mapId, inviteId, sealed: bytes, ring: { ...ownerRing, mapId } });
    expectCryptoError(open(sealed, newId()), 'decrypt-failure');
    expectCryptoError(open(sealed, link.inviteId, newId()), 'decrypt-failure');
    const relabelled = sealed.slice();
    relabelled[4] = 1;
    expectCryptoError(open(relabelled), 'decrypt-failure');
    expectCryptoError(open(flipByte(sealed, 60)), 'decrypt-failure');
    // the server knows no private key: a secret of its own choosing, sealed under any key, fails
    const forged = sealInviteSecret({
      mapId: MAP_ID,
      inviteId: link.inviteId,
      epoch: 2,
      privateKey: newSectionKeys().private,
      secret: invite('link').secret,
    });
    expectCryptoError(open(forged), 'decrypt-failure');
    const badFormat = sealed.slice();
    badFormat[0] = 2;
    expectCryptoError(open(badFormat), 'unsupported-version');
    expectCryptoError(open(sealed.subarray(0, 4)), 'malformed');
    expectCryptoError(() => seal('kort!', link.inviteId), 'malformed');
  });
});
