// A person's device against the real server: the crypto worker's own handlers (in Node) talking to the
// real API, so an attack test checks what her device does, not what a test re-implements.
import { expect } from 'vitest';
import type { InvitesResponse } from '../../shared/api/invites.js';
import type { LogResponse } from '../../shared/api/membership.js';
import { mapBytesOf } from './maps.js';
import type { CryptoOps } from '../../client/crypto/protocol.js';
import type { App } from '../../server/app.js';
import { call, register, type Person } from '../unit/client/crypto/harness.js';
import { capabilityRequest } from './membership.js';

export { call, expectFailure, register, type Person } from '../unit/client/crypto/harness.js';

/** A parent whose worker made a map that the server accepted. */
export interface DeviceParent {
  person: Person;
  mapId: string;
  slotId: string;
  capability: string;
}

/** Registers a parent in a fresh worker, makes a map there and stores it through POST /api/maps. */
export async function deviceParentWithMap(app: App, name = 'sanne'): Promise<DeviceParent> {
  const person = register(name);
  const made = call(person.state, 'createMap', { title: 'Kaart van Sanne', ownerName: 'Sanne' });
  const response = await app.inject({ method: 'POST', url: '/api/maps', payload: made.request });
  expect(response.statusCode, response.body).toBe(201);
  call(person.state, 'commitMap', { mapId: made.map.mapId });
  return {
    person,
    mapId: made.map.mapId,
    slotId: made.request.slotId!,
    capability: made.map.capability,
  };
}

/** GET the map and its log with a capability and open both in the person's worker. */
export async function deviceOpen(
  app: App,
  person: Person,
  mapId: string,
  capability: string,
): Promise<CryptoOps['openMap']['result']> {
  const map = mapBytesOf(await capabilityRequest(app, 'GET', `/api/maps/${mapId}`, capability));
  const log = await capabilityRequest(app, 'GET', `/api/maps/${mapId}/log`, capability);
  expect(log.statusCode, log.body).toBe(200);
  const records = log.json<LogResponse>().records.map((r) => r.record);
  return call(person.state, 'openMap', { map, log: records });
}

/** The parent's worker makes a link invite and the server stores it; the secret stays on the device. */
export async function deviceInvite(
  app: App,
  parent: DeviceParent,
): Promise<{ inviteId: string; secret: string }> {
  const made = call(parent.person.state, 'newInvite', {
    mapId: parent.mapId,
    kind: 'link',
    expiresAt: Date.now() + 60 * 60 * 1000,
  });
  const url = `/api/maps/${parent.mapId}/invites`;
  const response = await capabilityRequest(app, 'POST', url, parent.capability, made.request);
  expect(response.statusCode, response.body).toBe(201);
  return { inviteId: made.inviteId, secret: made.secret };
}

/** The pending request the server lists under an invite, as the parent's screen fetches it. */
export async function listedRequest(
  app: App,
  parent: DeviceParent,
  inviteId: string,
): Promise<{ requestId: string; sealedRequest: string }> {
  const url = `/api/maps/${parent.mapId}/invites`;
  const list = await capabilityRequest(app, 'GET', url, parent.capability);
  expect(list.statusCode, list.body).toBe(200);
  const request = list
    .json<InvitesResponse>()
    .invites.find((i) => i.inviteId === inviteId)?.request;
  if (!request?.sealedRequest) throw new Error('no pending request');
  return { requestId: request.requestId, sealedRequest: request.sealedRequest };
}

/** A member who joined through both workers and the real server, with her slot and capability. */
export interface DeviceMember {
  person: Person;
  slotId: string;
  capability: string;
}

/** The whole way in by invite, both sides in their own worker, every step through the real API. */
export async function deviceJoin(
  app: App,
  parent: DeviceParent,
  name: string,
  role: 'borger' | 'professional' | 'informal' = 'professional',
  detail = false,
): Promise<DeviceMember> {
  const person = register(name);
  const { inviteId, secret } = await deviceInvite(app, parent);
  const info = await app.inject({ method: 'GET', url: `/api/invites/${inviteId}` });
  expect(info.statusCode, info.body).toBe(200);
  const { sealedInfo } = info.json<{ sealedInfo: string }>();
  const profile = {
    name,
    profession: 'verloskundige',
    organisation: '',
    contact: '',
    availability: '',
  };
  const sealed = call(person.state, 'joinSeal', { secret, sealedInfo, profile });
  const posted = await app.inject({
    method: 'POST',
    url: `/api/invites/${inviteId}/requests`,
    payload: { sealedRequest: sealed.sealedRequest, signature: sealed.signature },
  });
  expect(posted.statusCode, posted.body).toBe(201);
  await deviceOpen(app, parent.person, parent.mapId, parent.capability);
  const listed = await listedRequest(app, parent, inviteId);
  const seen = call(parent.person.state, 'openJoinRequest', {
    mapId: parent.mapId,
    secret,
    sealedRequest: listed.sealedRequest,
  });
  expect(seen.safetyCode).toBe(sealed.safetyCode);
  const body = call(parent.person.state, 'approveJoin', {
    mapId: parent.mapId,
    inviteId,
    joiner: { signPublicKey: seen.signPublicKey, boxPublicKey: seen.boxPublicKey, profile },
    role,
    detail,
  });
  const url = `/api/maps/${parent.mapId}/requests/${listed.requestId}/approve`;
  const approved = await capabilityRequest(app, 'POST', url, parent.capability, body);
  expect(approved.statusCode, approved.body).toBe(200);
  const challenge = await app.inject({ method: 'POST', url: `/api/invites/${inviteId}/challenge` });
  const { challengeId, challenge: bytes } = challenge.json<{
    challengeId: string;
    challenge: string;
  }>();
  const { signature } = call(person.state, 'joinProof', { secret, challenge: bytes });
  const answer = await app.inject({
    method: 'POST',
    url: `/api/invites/${inviteId}/answer`,
    payload: { challengeId, signature },
  });
  expect(answer.statusCode, answer.body).toBe(200);
  const { sealedAnswer } = answer.json<{ sealedAnswer: string }>();
  const accepted = call(person.state, 'joinAccept', { secret, sealedInfo, sealedAnswer });
  const capability = accepted.maps.find((m) => m.mapId === parent.mapId)!.capability;
  return { person, slotId: body.slotId, capability };
}
