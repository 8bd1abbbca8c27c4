import { describe, it, expect, beforeAll } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  appendLogEntry,
  createInvite,
  deriveInviteKeys,
  loadSodium,
  newCapability,
  newId,
  newSectionKeys,
  openInvite,
  openJoinAnswer,
  openJoinRequest,
  openKeyRing,
  safetyCode,
  sealJoinAnswer,
  sealJoinRequest,
  sealKeyRing,
  signInviteProof,
  startLog,
  TEST_KDF,
  toBase64Url,
  trustKeyRing,
  utf8Encode,
  verifyInviteProof,
  verifyLog,
  type JoinProfile,
} from '../../../shared/crypto/index.js';
import { signedPlaintext } from '../../../shared/crypto/hidden-signer.js';
import { padTo } from '../../../shared/crypto/padding.js';
import { expectCryptoError, flipByte, hex } from './fixtures.js';
import { person, type Person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';

const PROFILE: JoinProfile = {
  name: 'Fawzia El Amrani',
  profession: 'maatschappelijk werker',
  organisation: 'Wijkteam Noord',
  contact: '06-12345678',
  availability: 'ma–do',
};

describe('consent to join', () => {
  let parent: Person;
  let joiner: Person;

  beforeAll(async () => {
    await loadSodium();
    parent = person('Linda', 'owner');
    joiner = person('Fawzia', 'professional');
  });

  const joinerIdentity = () => ({
    signPublicKey: joiner.signer.publicKey,
    signSecretKey: joiner.signer.secretKey,
    boxPublicKey: joiner.box.publicKey,
  });

  it('runs the whole consent flow: request, safety code, approval, answer', () => {
    // parent: a new map and an invite
    const keys = newSectionKeys();
    const start = startLog({
      mapId: MAP_ID,
      epoch: 1,
      baseKey: keys.base,
      creator: parent.member,
      signer: parent.signer,
    });
    const invite = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1_800_000_000_000,
      kind: 'code',
      codeCost: TEST_KDF,
    });
    // joiner: opens the invite from the typed code, posts a request sealed to the invite
    const opened = openInvite(invite.secret, invite.sealedInviteInfo, TEST_KDF);
    const sealed = sealJoinRequest({
      invite: opened.keys,
      mapId: opened.info.mapId,
      joinerIdentity: joinerIdentity(),
      profile: PROFILE,
      at: 5,
    });
    expect(sealed).toHaveLength(2048 + 48);
    const proof = signInviteProof(opened.keys, 'join-request', sealed);
    expect(
      verifyInviteProof(invite.verifyPublicKey, invite.inviteId, 'join-request', sealed, proof),
    ).toBe(true);
    // parent: re-derives the invite keys from the secret she kept, opens the request
    const parentKeys = deriveInviteKeys(invite.secret, TEST_KDF);
    const request = openJoinRequest(sealed, parentKeys, MAP_ID);
    expect(request.profile).toEqual(PROFILE);
    expect(request.at).toBe(5);
    expect(request.mapId).toBe(MAP_ID);
    expect(hex(request.signPublicKey)).toBe(hex(joiner.signer.publicKey));
    // both devices show the same safety code
    const onParent = safetyCode(parentKeys, parent.signer.publicKey, request.signPublicKey);
    const onJoiner = safetyCode(
      opened.keys,
      opened.info.parentSignPublicKey,
      joiner.signer.publicKey,
    );
    expect(onParent).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(onJoiner).toBe(onParent);
    // approval: ADD entry, slot key ring, signed answer
    const slotId = newId();
    const added = appendLogEntry({
      log: start.log,
      change: {
        type: 'ADD',
        data: {
          slotId,
          signPublicKey: request.signPublicKey,
          boxPublicKey: request.boxPublicKey,
          role: 'professional',
          sections: ['base'],
          profile: {
            name: request.profile.name,
            profession: request.profile.profession,
            organisation: request.profile.organisation,
          },
        },
      },
      baseKey: keys.base,
      signer: parent.signer,
    });
    const ring = sealKeyRing({
      ring: { mapId: MAP_ID, epochs: { 1: { base: keys.base } } },
      slotId,
      recipientBoxPublicKey: request.boxPublicKey,
      signer: parent.signer,
    });
    const capability = newCapability();
    const answer = sealJoinAnswer(
      {
        inviteId: invite.inviteId,
        mapId: MAP_ID,
        slotId,
        capability,
        rights: 'write',
        title: 'Linda',
      },
      request.boxPublicKey,
      parent.signer,
    );
    expect(answer).toHaveLength(1024 + 48);
    // joiner: collects the answer, opens the ring, verifies the log and finds herself in it
    const expected = {
      inviteId: opened.keys.inviteId,
      mapId: opened.info.mapId,
      parentSignPublicKey: opened.info.parentSignPublicKey,
    };
    const got = openJoinAnswer(answer, joiner.box, expected);
    expect(got).toEqual({
      inviteId: invite.inviteId,
      mapId: MAP_ID,
      slotId,
      capability,
      rights: 'write',
      title: 'Linda',
      signerPublicKey: parent.signer.publicKey,
    });
    const myKeys = openKeyRing(ring, joiner.box, { mapId: MAP_ID, slotId });
    const log = verifyLog({
      mapId: MAP_ID,
      records: [start.record, added.record],
      keysByEpoch: { 1: myKeys.epochs[1]!.base },
    });
    trustKeyRing(myKeys, log);
    expect(hex(log.members[slotId]!.signPublicKey)).toBe(hex(joiner.signer.publicKey));
  });

  it('refuses tampered, foreign or misattributed requests', () => {
    const invite = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1,
      kind: 'link',
    });
    const other = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1,
      kind: 'link',
    });
    const sealed = sealJoinRequest({
      invite: invite.keys,
      mapId: MAP_ID,
      joinerIdentity: joinerIdentity(),
      profile: PROFILE,
    });
    const open = (bytes: Uint8Array, keys = invite.keys) => openJoinRequest(bytes, keys, MAP_ID);
    expectCryptoError(() => open(sealed, other.keys), 'decrypt-failure');
    for (const index of [0, 40, 100, sealed.length - 1]) {
      expectCryptoError(() => open(flipByte(sealed, index)), 'decrypt-failure');
    }
    expectCryptoError(() => open(sealed.subarray(0, 48)), 'malformed');
    // a request naming Fawzia's keys but signed by someone else
    const impostor = person('Impostor', 'professional');
    const json = utf8Encode(
      JSON.stringify({
        v: 2,
        mapId: MAP_ID,
        inviteId: invite.inviteId,
        signPublicKey: toBase64Url(joiner.signer.publicKey),
        boxPublicKey: toBase64Url(impostor.box.publicKey),
        profile: PROFILE,
        at: 1,
        proof: toBase64Url(new Uint8Array(32)),
      }),
    );
    const message = new Uint8Array([...json, ...utf8Encode(`nk1|join-request|${invite.inviteId}`)]);
    const forged = sodium.crypto_box_seal(
      padTo(signedPlaintext(impostor.signer, message, json), 2048),
      invite.keys.boxKeyPair.publicKey,
    );
    expectCryptoError(() => open(forged), 'bad-signature');
    // a request moved from another invite does not verify under this one's context
    const moved = sealJoinRequest({
      invite: { ...other.keys, boxKeyPair: invite.keys.boxKeyPair },
      mapId: MAP_ID,
      joinerIdentity: joinerIdentity(),
      profile: PROFILE,
    });
    expectCryptoError(() => open(moved), 'bad-signature');
    expectCryptoError(
      () =>
        sealJoinRequest({
          invite: invite.keys,
          mapId: MAP_ID,
          joinerIdentity: joinerIdentity(),
          profile: { ...PROFILE, name: ' ' },
        }),
      'malformed',
    );
  });

  it('refuses answers not signed by the inviting parent or for another invite or map', () => {
    const inviteId = newId();
    const answer = {
      inviteId,
      mapId: MAP_ID,
      slotId: newId(),
      capability: newCapability(),
      rights: 'read' as const,
      title: 'Linda',
    };
    const expected = { inviteId, mapId: MAP_ID, parentSignPublicKey: parent.signer.publicKey };
    const sealed = sealJoinAnswer(answer, joiner.box.publicKey, parent.signer);
    expect(openJoinAnswer(sealed, joiner.box, expected).slotId).toBe(answer.slotId);
    const byServer = sealJoinAnswer(answer, joiner.box.publicKey, person('Server', 'owner').signer);
    expectCryptoError(() => openJoinAnswer(byServer, joiner.box, expected), 'bad-signature');
    expectCryptoError(
      () => openJoinAnswer(sealed, joiner.box, { ...expected, inviteId: newId() }),
      'bad-signature',
    );
    expectCryptoError(
      () => openJoinAnswer(sealed, joiner.box, { ...expected, mapId: newId() }),
      'malformed',
    );
    expectCryptoError(() => openJoinAnswer(sealed, parent.box, expected), 'decrypt-failure');
    expectCryptoError(
      () => openJoinAnswer(flipByte(sealed, 60), joiner.box, expected),
      'decrypt-failure',
    );
    expectCryptoError(
      () =>
        sealJoinAnswer(
          { ...answer, rights: 'owner' as 'read' },
          joiner.box.publicKey,
          parent.signer,
        ),
      'malformed',
    );
  });
});
