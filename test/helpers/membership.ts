// The consent flow through the real protocol (shared/crypto) and the real HTTP API: parent, invite, joiner.
import type { LightMyRequestResponse } from 'fastify';
import sodium from 'libsodium-wrappers-sumo';
import { expect } from 'vitest';
import type { InviteInfoResponse, InvitesResponse } from '../../shared/api/invites.js';
import { mapBytesOf } from './maps.js';
import type { LogResponse } from '../../shared/api/membership.js';
import {
  appendLogEntry,
  capabilityHash,
  createInvite,
  deriveInviteKeys,
  encryptMapVersion,
  fromBase64Url,
  logHeadOf,
  newCapability,
  newId,
  newSectionKeys,
  openInvite,
  sealInviteSecret,
  sealJoinAnswer,
  sealJoinRequest,
  sealKeyRing,
  SECTIONS,
  signInviteProof,
  startLog,
  toBase64Url,
  utf8Encode,
  type InviteInfo,
  type InviteKeys,
  type KeyPair,
  type LogState,
  type MemberData,
  type MemberRole,
  type NewInvite,
  type SectionKeys,
  type SlotRights,
} from '../../shared/crypto/index.js';
import type { App } from '../../server/app.js';

export interface Identity {
  signer: KeyPair;
  box: KeyPair;
}

/** Fresh identity key pairs (Ed25519 and X25519); call after loadSodium(). */
export function identity(): Identity {
  const sign = sodium.crypto_sign_keypair();
  const box = sodium.crypto_box_keypair();
  return {
    signer: { publicKey: sign.publicKey, secretKey: sign.privateKey },
    box: { publicKey: box.publicKey, secretKey: box.privateKey },
  };
}

export function memberData(
  who: Identity,
  slotId: string,
  role: MemberRole,
  name: string,
  profession = '',
): MemberData {
  return {
    slotId,
    signPublicKey: who.signer.publicKey,
    boxPublicKey: who.box.publicKey,
    role,
    sections: role === 'owner' ? [...SECTIONS] : ['base'],
    profile: { name, profession, organisation: '' },
  };
}

/** The parent's state as her client keeps it. */
export interface Parent extends Identity {
  mapId: string;
  slotId: string;
  capability: string;
  keys: SectionKeys;
  log: LogState;
  records: Uint8Array[];
}

export const DOCUMENT = utf8Encode('{"people":["Sanne","Fatima"]}');

export function capabilityRequest(
  app: App,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  capability: string | undefined,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  // bytes go as a map version does (decision 0027), anything else as JSON
  const bytes = Buffer.isBuffer(payload) ? { 'content-type': 'application/octet-stream' } : {};
  return app.inject({
    method,
    url,
    headers: {
      ...bytes,
      ...headers,
      ...(capability === undefined ? {} : { 'nk-capability': capability }),
    },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** A new map with its INIT record, created through POST /api/maps. */
export async function createParentMap(app: App): Promise<Parent> {
  const parent = identity();
  const mapId = newId();
  const slotId = newId();
  const capability = newCapability();
  const keys = newSectionKeys();
  const { record, log } = startLog({
    mapId,
    epoch: 1,
    baseKey: keys.base,
    creator: memberData(parent, slotId, 'owner', 'Sanne'),
    signer: parent.signer,
  });
  const body = encryptMapVersion({
    mapId,
    epoch: 1,
    version: 1,
    sections: { base: DOCUMENT },
    keys,
    signer: parent.signer,
    logHead: logHeadOf(log),
  });
  const response = await app.inject({
    method: 'POST',
    url: '/api/maps',
    payload: {
      mapId,
      slotId,
      capabilityHash: toBase64Url(capabilityHash(capability)),
      keyBundle: toBase64Url(
        sealKeyRing({
          ring: { mapId, epochs: { 1: keys } },
          slotId,
          recipientBoxPublicKey: parent.box.publicKey,
          signer: parent.signer,
        }),
      ),
      body: toBase64Url(body),
      logRecord: toBase64Url(record),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return {
    ...parent,
    mapId,
    slotId,
    capability: toBase64Url(capability),
    keys,
    log,
    records: [record],
  };
}

/** POST /api/maps/:mapId/invites for a link invite; answers the invite with its secret. */
export async function invite(
  app: App,
  parent: Parent,
  expiresAt = Date.now() + 60 * 60 * 1000,
): Promise<NewInvite> {
  const created = createInvite({
    mapId: parent.mapId,
    parentIdentity: { signPublicKey: parent.signer.publicKey },
    expiresAt,
    kind: 'link',
    greeting: 'Welkom',
  });
  const response = await capabilityRequest(
    app,
    'POST',
    `/api/maps/${parent.mapId}/invites`,
    parent.capability,
    {
      inviteId: created.inviteId,
      verifyPublicKey: toBase64Url(created.verifyPublicKey),
      boxPublicKey: toBase64Url(created.boxKeyPair.publicKey),
      sealedInfo: toBase64Url(created.sealedInviteInfo),
      sealedSecret: toBase64Url(
        sealInviteSecret({
          mapId: parent.mapId,
          inviteId: created.inviteId,
          epoch: parent.log.epoch,
          privateKey: parent.keys.private,
          secret: created.secret,
        }),
      ),
      expiresAt,
    },
  );
  expect(response.statusCode, response.body).toBe(201);
  return created;
}

/** The joiner's side after opening a link: keys, info, identity. */
export interface Joiner extends Identity {
  keys: InviteKeys;
  info: InviteInfo;
  requestId: string;
}

/** The joiner opens the invite and posts a sealed request with a proof of the secret. */
export async function requestToJoin(app: App, secret: string, name = 'Fatima'): Promise<Joiner> {
  const who = identity();
  const { inviteId } = deriveInviteKeys(secret);
  const infoResponse = await app.inject({ method: 'GET', url: `/api/invites/${inviteId}` });
  expect(infoResponse.statusCode, infoResponse.body).toBe(200);
  const sealedInfo = infoResponse.json<InviteInfoResponse>().sealedInfo;
  const opened = openInvite(secret, fromBase64Url(sealedInfo));
  const sealed = sealJoinRequest({
    invite: opened.keys,
    mapId: opened.info.mapId,
    joinerIdentity: {
      signPublicKey: who.signer.publicKey,
      signSecretKey: who.signer.secretKey,
      boxPublicKey: who.box.publicKey,
    },
    profile: {
      name,
      profession: 'verloskundige',
      organisation: 'Verloskundigenpraktijk De Linde',
      contact: '06-12345678',
      availability: 'ma–vr 9–17',
    },
  });
  const response = await app.inject({
    method: 'POST',
    url: `/api/invites/${opened.keys.inviteId}/requests`,
    payload: {
      sealedRequest: toBase64Url(sealed),
      signature: toBase64Url(signInviteProof(opened.keys, 'join-request', sealed)),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return { ...who, ...opened, requestId: response.json<{ requestId: string }>().requestId };
}

/** The parent's pending request on `inviteId` from GET /api/maps/:mapId/invites. */
export async function pendingRequest(
  app: App,
  parent: Parent,
  inviteId: string,
): Promise<{ requestId: string; sealedRequest: Uint8Array }> {
  const list = await capabilityRequest(
    app,
    'GET',
    `/api/maps/${parent.mapId}/invites`,
    parent.capability,
  );
  expect(list.statusCode, list.body).toBe(200);
  const entry = list.json<InvitesResponse>().invites.find((i) => i.inviteId === inviteId);
  const request = entry?.request;
  if (!request?.sealedRequest) throw new Error('no pending request');
  return { requestId: request.requestId, sealedRequest: fromBase64Url(request.sealedRequest) };
}

/** The parent's approval body for a joiner: slot, ADD record, key ring, sealed answer. */
export function approval(
  parent: Parent,
  inviteId: string,
  joiner: { signPublicKey: Uint8Array; boxPublicKey: Uint8Array },
  rights: SlotRights,
  role: MemberRole = 'professional',
): {
  payload: Record<string, unknown>;
  capability: string;
  slotId: string;
  log: LogState;
  record: Uint8Array;
} {
  const slotId = newId();
  const capability = newCapability();
  const member: MemberData = {
    slotId,
    signPublicKey: joiner.signPublicKey,
    boxPublicKey: joiner.boxPublicKey,
    role,
    sections: role === 'owner' ? [...SECTIONS] : ['base'],
    profile: { name: 'Fatima', profession: 'verloskundige', organisation: 'De Linde' },
  };
  const { record, log } = appendLogEntry({
    log: parent.log,
    change: { type: 'ADD', data: member },
    baseKey: parent.keys.base,
    signer: parent.signer,
  });
  const ringKeys = role === 'owner' ? parent.keys : { base: parent.keys.base };
  const ring = sealKeyRing({
    ring: { mapId: parent.mapId, epochs: { 1: ringKeys } },
    slotId,
    recipientBoxPublicKey: joiner.boxPublicKey,
    signer: parent.signer,
  });
  const answer = sealJoinAnswer(
    { inviteId, mapId: parent.mapId, slotId, capability, rights, title: 'Kaart van Sanne' },
    joiner.boxPublicKey,
    parent.signer,
  );
  return {
    payload: {
      slotId,
      capabilityHash: toBase64Url(capabilityHash(capability)),
      rights,
      keyBundle: toBase64Url(ring),
      logRecords: [toBase64Url(record)],
      sealedAnswer: toBase64Url(answer),
    },
    capability: toBase64Url(capability),
    slotId,
    log,
    record,
  };
}

/** Challenge + proof + collect: the raw answer response. */
export async function collectAnswer(
  app: App,
  keys: InviteKeys,
  query = '',
): Promise<LightMyRequestResponse> {
  const challenge = await app.inject({
    method: 'POST',
    url: `/api/invites/${keys.inviteId}/challenge`,
  });
  expect(challenge.statusCode, challenge.body).toBe(200);
  const body = challenge.json<{ challengeId: string; challenge: string }>();
  return app.inject({
    method: 'POST',
    url: `/api/invites/${keys.inviteId}/answer${query}`,
    payload: {
      challengeId: body.challengeId,
      signature: toBase64Url(
        signInviteProof(keys, 'collect-answer', fromBase64Url(body.challenge)),
      ),
    },
  });
}

/** Approves `joiner` straight through the API and returns the new member's capability and slot. */
export async function addMember(
  app: App,
  parent: Parent,
  rights: SlotRights,
  role: MemberRole = 'professional',
): Promise<{ capability: string; slotId: string; member: Identity }> {
  const created = await invite(app, parent);
  const joiner = await requestToJoin(app, created.secret);
  const approved = approval(
    parent,
    created.inviteId,
    { signPublicKey: joiner.signer.publicKey, boxPublicKey: joiner.box.publicKey },
    rights,
    role,
  );
  const response = await capabilityRequest(
    app,
    'POST',
    `/api/maps/${parent.mapId}/requests/${joiner.requestId}/approve`,
    parent.capability,
    approved.payload,
  );
  expect(response.statusCode, response.body).toBe(200);
  parent.log = approved.log;
  parent.records.push(approved.record);
  return { capability: approved.capability, slotId: approved.slotId, member: joiner };
}

export async function readMap(app: App, mapId: string, capability: string) {
  const response = await capabilityRequest(app, 'GET', `/api/maps/${mapId}`, capability);
  return mapBytesOf(response);
}

export async function readLog(app: App, mapId: string, capability: string): Promise<Uint8Array[]> {
  const response = await capabilityRequest(app, 'GET', `/api/maps/${mapId}/log`, capability);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<LogResponse>().records.map((r) => fromBase64Url(r.record));
}
