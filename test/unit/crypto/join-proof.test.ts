// The proof of the invite secret inside a join request: made only with the secret, checked by the parent's
// device, and impossible to make from what the server stores (verify key, box public key, sealed rows).
import { beforeAll, describe, expect, it } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import {
  createInvite,
  deriveInviteKeys,
  joinProof,
  loadSodium,
  openJoinRequest,
  sealJoinRequest,
  toBase64Url,
  utf8Encode,
  type JoinProfile,
  type NewInvite,
} from '../../../shared/crypto/index.js';
import { signedPlaintext } from '../../../shared/crypto/hidden-signer.js';
import { padTo } from '../../../shared/crypto/padding.js';
import { expectCryptoError, hex, sequence } from './fixtures.js';
import { person, type Person } from './people.js';

const MAP_ID = 'AAECAwQFBgcICQoLDA0ODw';
const OTHER_MAP = 'EBESExQVFhcYGRobHB0eHw';
const PROFILE: JoinProfile = {
  name: 'Noor Visser',
  profession: 'jeugdverpleegkundige',
  organisation: 'GGD',
  contact: '06-11112222',
  availability: 'di en do',
};

/** A request as anyone can build it who knows only the invite's box public key: the server. */
function forgeRequest(input: {
  invite: NewInvite;
  who: Person;
  proof: Uint8Array;
  v?: number;
  profile?: JoinProfile;
}): Uint8Array {
  const { invite, who } = input;
  const body: Record<string, unknown> = {
    v: input.v ?? 2,
    ...(input.v === 1 ? {} : { mapId: MAP_ID }),
    inviteId: invite.inviteId,
    signPublicKey: toBase64Url(who.signer.publicKey),
    boxPublicKey: toBase64Url(who.box.publicKey),
    profile: input.profile ?? PROFILE,
    at: 7,
    ...(input.v === 1 ? {} : { proof: toBase64Url(input.proof) }),
  };
  const json = utf8Encode(JSON.stringify(body));
  const context = utf8Encode(`nk1|join-request|${invite.inviteId}`);
  const plain = signedPlaintext(who.signer, new Uint8Array([...json, ...context]), json);
  // crypto_box_seal needs only the public key the server stores in invites.box_public_key
  return sodium.crypto_box_seal(padTo(plain, 2048), invite.boxKeyPair.publicKey);
}

describe('join request: proof of the invite secret, checked on the parent’s device', () => {
  let parent: Person;
  let joiner: Person;
  let invite: NewInvite;

  beforeAll(async () => {
    await loadSodium();
    parent = person('Sanne', 'owner');
    joiner = person('Noor', 'professional');
    invite = createInvite({
      mapId: MAP_ID,
      parentIdentity: { signPublicKey: parent.signer.publicKey },
      expiresAt: 1_800_000_000_000,
      kind: 'link',
    });
  });

  const identity = (who: Person) => ({
    signPublicKey: who.signer.publicKey,
    signSecretKey: who.signer.secretKey,
    boxPublicKey: who.box.publicKey,
  });

  it('derives the proof and code keys under their own context (fixed vector)', () => {
    const root = sequence(32);
    const keys = deriveInviteKeys(toBase64Url(root));
    expect(hex(keys.joinKey)).toBe(hex(sodium.crypto_kdf_derive_from_key(32, 1, 'nkjoin02', root)));
    expect(hex(keys.safetyKey)).toBe(
      hex(sodium.crypto_kdf_derive_from_key(32, 2, 'nkjoin02', root)),
    );
    // nothing the server stores comes from these keys
    const served = [
      keys.verifyKeyPair.publicKey,
      keys.boxKeyPair.publicKey,
      ...[1, 2, 3, 4].map((id) => sodium.crypto_kdf_derive_from_key(32, id, 'nkinvite', root)),
    ].map(hex);
    expect(served).not.toContain(hex(keys.joinKey));
    expect(served).not.toContain(hex(keys.safetyKey));
  });

  it('opens a real request, and binds it to the map, the invite, the keys and the profile', () => {
    const sealed = sealJoinRequest({
      invite: invite.keys,
      mapId: MAP_ID,
      joinerIdentity: identity(joiner),
      profile: PROFILE,
      at: 7,
    });
    const parentKeys = deriveInviteKeys(invite.secret);
    expect(openJoinRequest(sealed, parentKeys, MAP_ID).profile).toEqual(PROFILE);
    // the parent opening it as a request for another of her maps
    expectCryptoError(() => openJoinRequest(sealed, parentKeys, OTHER_MAP), 'forged-request');
    // a valid proof, but for other keys or another profile than the request names
    const fields = {
      mapId: MAP_ID,
      inviteId: invite.inviteId,
      signPublicKey: joiner.signer.publicKey,
      boxPublicKey: joiner.box.publicKey,
      profile: PROFILE,
      at: 7,
    };
    const impostor = person('Impostor', 'professional');
    const forKeys = forgeRequest({
      invite,
      who: impostor,
      proof: joinProof(invite.keys.joinKey, fields),
    });
    expectCryptoError(() => openJoinRequest(forKeys, parentKeys, MAP_ID), 'forged-request');
    const renamed = forgeRequest({
      invite,
      who: joiner,
      proof: joinProof(invite.keys.joinKey, fields),
      profile: { ...PROFILE, name: 'Iemand anders' },
    });
    expectCryptoError(() => openJoinRequest(renamed, parentKeys, MAP_ID), 'forged-request');
    // the same fields with the right key do open: the refusals above are the binding, not the format
    const honest = forgeRequest({
      invite,
      who: joiner,
      proof: joinProof(invite.keys.joinKey, fields),
    });
    expect(openJoinRequest(honest, parentKeys, MAP_ID).profile.name).toBe(PROFILE.name);
  });

  it('refuses a request built from what the server stores', () => {
    const server = person('Server', 'professional');
    const parentKeys = deriveInviteKeys(invite.secret);
    // every key the server could try: its public keys, zeros, or a MAC under the public keys
    const fields = {
      mapId: MAP_ID,
      inviteId: invite.inviteId,
      signPublicKey: server.signer.publicKey,
      boxPublicKey: server.box.publicKey,
      profile: PROFILE,
      at: 7,
    };
    const guesses = [
      new Uint8Array(32),
      joinProof(invite.verifyPublicKey, fields),
      joinProof(invite.boxKeyPair.publicKey, fields),
      joinProof(sodium.randombytes_buf(32), fields),
    ];
    for (const proof of guesses) {
      const forged = forgeRequest({ invite, who: server, proof });
      expectCryptoError(() => openJoinRequest(forged, parentKeys, MAP_ID), 'forged-request');
    }
  });

  it('refuses a request of format 1 (no proof) as an old version', () => {
    const old = forgeRequest({ invite, who: joiner, proof: new Uint8Array(32), v: 1 });
    const parentKeys = deriveInviteKeys(invite.secret);
    expectCryptoError(() => openJoinRequest(old, parentKeys, MAP_ID), 'unsupported-version');
    const future = forgeRequest({ invite, who: joiner, proof: new Uint8Array(32), v: 3 });
    expectCryptoError(() => openJoinRequest(future, parentKeys, MAP_ID), 'malformed');
  });
});
