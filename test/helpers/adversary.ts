// The malicious server: what it can build from the rows it stores (public keys, sealed bytes, ids)
// with the protocol's own code, and how it rewrites those rows. Tests hand its output to a device.
import sodium from 'libsodium-wrappers-sumo';
import { signedPlaintext } from '../../shared/crypto/hidden-signer.js';
import { padTo } from '../../shared/crypto/padding.js';
import {
  concatBytes,
  newId,
  newSectionKeys,
  sealJoinRequest,
  sealKeyRing,
  toBase64Url,
  utf8Encode,
  type EpochKeys,
  type JoinProfile,
  type KeyPair,
} from '../../shared/crypto/index.js';
import type { App } from '../../server/app.js';

/** A profile the server makes up for the person it wants let in. */
export const FORGED_PROFILE: JoinProfile = {
  name: 'Fatima Bakkali',
  profession: 'verloskundige',
  organisation: 'Verloskundigenpraktijk De Lindeboom',
  contact: '06-18273645',
  availability: 'altijd',
};

/** An identity the server controls (its own Ed25519 and X25519 pairs). */
export function attackerIdentity(): { signer: KeyPair; box: KeyPair } {
  const sign = sodium.crypto_sign_keypair();
  const box = sodium.crypto_box_keypair();
  return {
    signer: { publicKey: sign.publicKey, secretKey: sign.privateKey },
    box: { publicKey: box.publicKey, secretKey: box.privateKey },
  };
}

/**
 * A join request made from what `invites` stores (invite id, box public key; the map id is the row's
 * map), signed by the server's own identity. It has to guess the proof key: it never had the secret.
 */
export function forgeJoinRequest(stored: {
  inviteId: string;
  mapId: string;
  boxPublicKey: Uint8Array;
  profile?: JoinProfile;
}): Uint8Array {
  const attacker = attackerIdentity();
  return sealJoinRequest({
    invite: {
      inviteId: stored.inviteId,
      // crypto_box_seal needs only the public half
      boxKeyPair: { publicKey: stored.boxPublicKey, secretKey: new Uint8Array(32) },
      joinKey: sodium.randombytes_buf(32),
    },
    mapId: stored.mapId,
    joinerIdentity: {
      signPublicKey: attacker.signer.publicKey,
      signSecretKey: attacker.signer.secretKey,
      boxPublicKey: attacker.box.publicKey,
    },
    profile: stored.profile ?? FORGED_PROFILE,
  });
}

/** A request in the old format 1 (no proof of the secret), sealed to the stored box key. */
export function forgeOldRequest(stored: {
  inviteId: string;
  boxPublicKey: Uint8Array;
}): Uint8Array {
  const attacker = attackerIdentity();
  const json = utf8Encode(
    JSON.stringify({
      v: 1,
      inviteId: stored.inviteId,
      signPublicKey: toBase64Url(attacker.signer.publicKey),
      boxPublicKey: toBase64Url(attacker.box.publicKey),
      profile: FORGED_PROFILE,
      at: Date.now(),
    }),
  );
  const context = utf8Encode(`nk1|join-request|${stored.inviteId}`);
  const plain = signedPlaintext(attacker.signer, concatBytes(json, context), json);
  return sodium.crypto_box_seal(padTo(plain, 2048), stored.boxPublicKey);
}

/** An unsigned key ring as format 2 made it: anyone with the member's box public key can. */
export function unsignedRing(mapId: string, recipientBoxPublicKey: Uint8Array): Uint8Array {
  const keys = newSectionKeys();
  const epochs = { 1: { base: toBase64Url(keys.base), detail: toBase64Url(keys.detail) } };
  const json = utf8Encode(JSON.stringify({ v: 2, mapId, epochs }));
  return sodium.crypto_box_seal(padTo(json, 128 + 192), recipientBoxPublicKey);
}

/** A signed ring with keys the signer chose: by the server's own key, or by a colluding member. */
export function substitutedRing(input: {
  mapId: string;
  slotId: string;
  recipientBoxPublicKey: Uint8Array;
  signer: KeyPair;
  keys?: EpochKeys;
}): Uint8Array {
  return sealKeyRing({
    ring: { mapId: input.mapId, epochs: { 1: input.keys ?? newSectionKeys() } },
    slotId: input.slotId,
    recipientBoxPublicKey: input.recipientBoxPublicKey,
    signer: input.signer,
  });
}

/** The stored key bundle of a slot (to put back after an attack). */
export async function storedKeyBundle(app: App, slotId: string): Promise<Uint8Array> {
  const row = await app.db
    .selectFrom('map_slots')
    .select('key_bundle')
    .where('id', '=', slotId)
    .executeTakeFirstOrThrow();
  return new Uint8Array(row.key_bundle);
}

/** The stored invite row: what the server knows of an invite. */
export async function storedInvite(
  app: App,
  inviteId: string,
): Promise<{
  inviteId: string;
  mapId: string;
  boxPublicKey: Uint8Array;
  verifyPublicKey: Uint8Array;
}> {
  const row = await app.db
    .selectFrom('invites')
    .select(['map_id', 'box_public_key', 'verify_public_key'])
    .where('id', '=', inviteId)
    .executeTakeFirstOrThrow();
  return {
    inviteId,
    mapId: row.map_id,
    boxPublicKey: new Uint8Array(row.box_public_key),
    verifyPublicKey: new Uint8Array(row.verify_public_key),
  };
}

/** Puts a pending request under an invite directly, skipping the proof check the honest server makes. */
export async function plantRequest(
  app: App,
  invite: { inviteId: string; mapId: string },
  sealedRequest: Uint8Array,
): Promise<string> {
  const requestId = newId();
  await app.db
    .insertInto('invite_requests')
    .values({
      id: requestId,
      invite_id: invite.inviteId,
      map_id: invite.mapId,
      sealed_request: Buffer.from(sealedRequest),
      status: 'pending',
      sealed_answer: null,
      created_at: Date.now(),
      answered_at: null,
      collected_at: null,
    })
    .execute();
  return requestId;
}

/** Replaces a slot's stored key bundle (the server serves whatever this column holds). */
export async function replaceKeyBundle(
  app: App,
  slotId: string,
  bundle: Uint8Array,
): Promise<void> {
  await app.db
    .updateTable('map_slots')
    .set({ key_bundle: Buffer.from(bundle) })
    .where('id', '=', slotId)
    .execute();
}

/** Everything stored of a map that a refused attack must leave as it was: log, slots, versions. */
export async function mapSnapshot(app: App, mapId: string): Promise<string> {
  const log = await app.db
    .selectFrom('map_log')
    .select(['seq', 'record'])
    .where('map_id', '=', mapId)
    .orderBy('seq')
    .execute();
  const slots = await app.db
    .selectFrom('map_slots')
    .select(['id', 'rights'])
    .where('map_id', '=', mapId)
    .orderBy('id')
    .execute();
  const versions = await app.db
    .selectFrom('map_versions')
    .select(['version'])
    .where('map_id', '=', mapId)
    .orderBy('version')
    .execute();
  return JSON.stringify({
    log: log.map((r) => [Number(r.seq), toBase64Url(new Uint8Array(r.record))]),
    slots,
    versions: versions.map((v) => Number(v.version)),
  });
}

/** The server serves stored version `version` as the map's latest (its head copied from history). */
export async function serveAsLatest(app: App, mapId: string, version: number): Promise<void> {
  const row = await app.db
    .selectFrom('map_versions')
    .select(['body', 'created_at'])
    .where('map_id', '=', mapId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  await app.db
    .updateTable('maps')
    .set({ latest_version: version, latest_body: row.body, latest_created_at: row.created_at })
    .where('id', '=', mapId)
    .execute();
}

/** The server replaces a stored version's body (all versions without `version`), head included. */
export async function replaceVersionBody(
  app: App,
  mapId: string,
  body: Uint8Array,
  version?: number,
): Promise<void> {
  let versions = app.db
    .updateTable('map_versions')
    .set({ body: Buffer.from(body) })
    .where('map_id', '=', mapId);
  if (version !== undefined) versions = versions.where('version', '=', version);
  await versions.execute();
  let head = app.db
    .updateTable('maps')
    .set({ latest_body: Buffer.from(body) })
    .where('id', '=', mapId);
  if (version !== undefined) head = head.where('latest_version', '=', version);
  await head.execute();
}
