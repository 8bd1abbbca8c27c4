import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  createInvite,
  deriveInviteKeys,
  fromBase64Url,
  loadSodium,
  newId,
  openInvite,
  parseInviteSecret,
  signInviteProof,
  TEST_KDF,
  toBase64Url,
  utf8Encode,
  verifyInviteProof,
  type InvitePurpose,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, flipByte, hex, sequence } from './fixtures.js';
import { person, type Person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';
const CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** The raw-libsodium derivation of architecture's invite keys, as an independent check. */
function referenceKeys(root: Uint8Array) {
  const derive = (id: number) => sodium.crypto_kdf_derive_from_key(32, id, 'nkinvite', root);
  return {
    inviteId: toBase64Url(derive(1).subarray(0, 16)),
    verifyPublicKey: sodium.crypto_sign_seed_keypair(derive(2)).publicKey,
    boxPublicKey: sodium.crypto_box_seed_keypair(derive(3)).publicKey,
    infoKey: derive(4),
  };
}

describe('invite secrets', () => {
  beforeAll(loadSodium);

  it('parses link secrets and short codes, forgiving how a code is typed', () => {
    const link = toBase64Url(sequence(32));
    expect(parseInviteSecret(` ${link} `)).toMatchObject({ kind: 'link', text: link });
    expect(parseInviteSecret('abcde fghjk')).toMatchObject({ kind: 'code', text: 'ABCDE-FGHJK' });
    expect(parseInviteSecret('0O1IL-22222').text).toBe('00111-22222');
    expect(hex(parseInviteSecret('ABCDE-FGHJK').material)).toBe(hex(utf8Encode('ABCDEFGHJK')));
    for (const bad of [
      'ABCDE-FGHJ',
      'ABCDE-FGHJKM',
      'ABCDE-FGHJU',
      '',
      link.slice(1),
      `${link}A`,
    ]) {
      expectCryptoError(() => parseInviteSecret(bad), 'malformed');
    }
  });

  it('derives the documented keys from a link secret (fixed vector)', () => {
    const root = sequence(32);
    const keys = deriveInviteKeys(toBase64Url(root));
    const reference = referenceKeys(root);
    expect(keys.kind).toBe('link');
    expect(keys.inviteId).toBe(reference.inviteId);
    expect(keys.inviteId).toBe('i2jYcwxZy1U_zlUkRJvwYA');
    expect(hex(keys.verifyKeyPair.publicKey)).toBe(hex(reference.verifyPublicKey));
    expect(hex(keys.boxKeyPair.publicKey)).toBe(hex(reference.boxPublicKey));
    expect(hex(keys.infoKey)).toBe(hex(reference.infoKey));
  });

  it('derives a code invite through Argon2id (fixed vector)', () => {
    const keys = deriveInviteKeys('abcde-fghjk', TEST_KDF);
    const root = sodium.crypto_pwhash(
      32,
      utf8Encode('ABCDEFGHJK'),
      utf8Encode('nk1|invite-code1'),
      TEST_KDF.opsLimit,
      TEST_KDF.memLimit,
      sodium.crypto_pwhash_ALG_ARGON2ID13,
    );
    expect(keys.kind).toBe('code');
    expect(keys.secret).toBe('ABCDE-FGHJK');
    expect(keys.inviteId).toBe(referenceKeys(root).inviteId);
    expect(keys.inviteId).toBe('eNk57Q1rAoGmHIMy2dq5RQ');
    expect(hex(keys.boxKeyPair.publicKey)).toBe(hex(referenceKeys(root).boxPublicKey));
    expectCryptoError(
      () => deriveInviteKeys('ABCDE-FGHJK', { opsLimit: 0, memLimit: 1 }),
      'malformed',
    );
  });
});

describe('invites', () => {
  let parent: Person;

  beforeAll(async () => {
    await loadSodium();
    parent = person('Linda', 'owner');
  });

  it('creates link and code invites that open with their secret', () => {
    const link = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1_800_000_000_000,
      kind: 'link',
      greeting: 'Welkom op de kaart van Linda',
    });
    expect(fromBase64Url(link.secret)).toHaveLength(32);
    expect(fromBase64Url(link.inviteId)).toHaveLength(16);
    expect(link.verifyPublicKey).toHaveLength(32);
    const { keys, info } = openInvite(link.secret, link.sealedInviteInfo);
    expect(keys.inviteId).toBe(link.inviteId);
    expect(hex(keys.boxKeyPair.secretKey)).toBe(hex(link.boxKeyPair.secretKey));
    expect(info).toEqual({
      inviteId: link.inviteId,
      mapId: MAP_ID,
      parentSignPublicKey: parent.signer.publicKey,
      greeting: 'Welkom op de kaart van Linda',
      centreName: '',
      expiresAt: 1_800_000_000_000,
    });
    // whose map it is travels sealed with the info: the server never reads it
    const named = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1_800_000_000_000,
      kind: 'link',
      centreName: 'Linda',
    });
    expect(openInvite(named.secret, named.sealedInviteInfo).info.centreName).toBe('Linda');
    expect(Buffer.from(named.sealedInviteInfo).includes(Buffer.from('Linda'))).toBe(false);
    expect(() =>
      createInvite({
        mapId: MAP_ID,
        parentIdentity: { signPublicKey: parent.signer.publicKey },
        expiresAt: 1_800_000_000_000,
        kind: 'link',
        centreName: 'x'.repeat(121),
      }),
    ).toThrow();
    const code = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1_800_000_000_000,
      kind: 'code',
      codeCost: TEST_KDF,
    });
    expect(code.secret).toMatch(CODE);
    const typed = code.secret.toLowerCase().replace('-', ' ');
    expect(openInvite(typed, code.sealedInviteInfo, TEST_KDF).info.mapId).toBe(MAP_ID);
  });

  it('refuses tampered or foreign invite info', () => {
    const a = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1,
      kind: 'link',
    });
    const b = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1,
      kind: 'link',
    });
    expectCryptoError(() => openInvite(a.secret, b.sealedInviteInfo), 'decrypt-failure');
    for (const index of [1, 30, a.sealedInviteInfo.length - 1]) {
      expectCryptoError(
        () => openInvite(a.secret, flipByte(a.sealedInviteInfo, index)),
        'decrypt-failure',
      );
    }
    expectCryptoError(
      () =>
        createInvite({
          mapId: 'x',
          parentIdentity: { signPublicKey: parent.signer.publicKey },
          expiresAt: 1,
          kind: 'link',
        }),
      'malformed',
    );
  });

  it('proves knowledge of the secret; verifyInviteProof never throws', () => {
    const invite = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1,
      kind: 'link',
    });
    const challenge = sequence(32, 7);
    const proof = signInviteProof(invite.keys, 'join-request', challenge);
    const { verifyPublicKey: key, inviteId: id } = invite;
    expect(verifyInviteProof(key, id, 'join-request', challenge, proof)).toBe(true);
    expect(verifyInviteProof(key, id, 'collect-answer', challenge, proof)).toBe(false);
    expect(verifyInviteProof(key, newId(), 'join-request', challenge, proof)).toBe(false);
    expect(verifyInviteProof(key, id, 'join-request', sequence(32, 8), proof)).toBe(false);
    expect(verifyInviteProof(key, id, 'join-request', challenge, flipByte(proof, 3))).toBe(false);
    expect(verifyInviteProof(parent.signer.publicKey, id, 'join-request', challenge, proof)).toBe(
      false,
    );
    const hostile: unknown[] = [undefined, null, 'abc', 42, new Uint8Array(0), new Uint8Array(31)];
    for (const value of hostile) {
      const bytes = value as Uint8Array;
      expect(verifyInviteProof(bytes, id, 'join-request', challenge, proof)).toBe(false);
      expect(verifyInviteProof(key, id, 'join-request', challenge, bytes)).toBe(false);
      expect(verifyInviteProof(key, id, 'join-request', bytes, proof)).toBe(false);
      expect(verifyInviteProof(key, value as string, 'join-request', challenge, proof)).toBe(false);
      expect(verifyInviteProof(key, id, value as InvitePurpose, challenge, proof)).toBe(false);
    }
    expectCryptoError(
      () => signInviteProof(invite.keys, 'steal' as InvitePurpose, challenge),
      'malformed',
    );
  });
});
