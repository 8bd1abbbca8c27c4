// Maps with opaque random bodies: the server never looks inside, so random bytes are honest test data.
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import {
  decodeMapRead,
  versionOfTag,
  versionTag,
  type ReadMapResponse,
  type Rights,
} from '../../shared/api/maps.js';
import type { App } from '../../server/app.js';
import { insertSlot } from '../../server/maps/repository.js';

export const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

export interface TestMap {
  mapId: string;
  capability: string;
  body: string;
  keyBundle: string;
}

export function newMapRequest(bodyBytes = 2048): TestMap & { capabilityHash: string } {
  const capability = randomBytes(32);
  return {
    mapId: b64(randomBytes(16)),
    capability: b64(capability),
    capabilityHash: b64(createHash('sha256').update(capability).digest()),
    keyBundle: b64(randomBytes(200)),
    body: b64(randomBytes(bodyBytes)),
  };
}

export async function createMap(app: App, bodyBytes?: number): Promise<TestMap> {
  const map = newMapRequest(bodyBytes);
  const { capability, ...payload } = map;
  const response = await app.inject({ method: 'POST', url: '/api/maps', payload });
  expect(response.statusCode, response.body).toBe(201);
  return { mapId: map.mapId, capability, body: map.body, keyBundle: map.keyBundle };
}

/**
 * A second slot on a map, straight through the repository: no route adds slots yet (invites will),
 * and tests need read-only and write capabilities.
 */
export async function addSlot(app: App, mapId: string, rights: Rights): Promise<string> {
  const capability = randomBytes(32);
  await insertSlot(app.db, {
    id: b64(randomBytes(16)),
    map_id: mapId,
    capability_hash: createHash('sha256').update(capability).digest(),
    rights,
    key_bundle: randomBytes(120),
    created_at: Date.now(),
  });
  return b64(capability);
}

export function mapRequest(
  app: App,
  method: 'GET' | 'PUT' | 'DELETE',
  url: string,
  capability: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: { 'nk-capability': capability },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

/** The latest version as tests compare it: the headers read, the bytes as base64url. */
export interface ReadMap {
  mapId: string;
  slotId: string;
  version: number;
  rights: Rights;
  createdAt: number;
  body: string;
  keyBundle: string;
}

/** Reads an answer of GET /api/maps/:mapId (bytes and headers) as the client does. */
export function mapBytesOf(response: LightMyRequestResponse): ReadMapResponse {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/octet-stream');
  const mapId = /\/api\/maps\/([^/?]+)/.exec(response.raw.req.url ?? '')?.[1] ?? '';
  return decodeMapRead(
    mapId,
    (name) => response.headers[name]?.toString(),
    new Uint8Array(response.rawPayload),
  );
}

/** The same with the bytes as base64url, to compare with what the test sent. */
export function readOf(response: LightMyRequestResponse): ReadMap {
  const read = mapBytesOf(response);
  return { ...read, body: b64(read.body), keyBundle: b64(read.keyBundle) };
}

export async function readMap(app: App, mapId: string, capability: string): Promise<ReadMap> {
  return readOf(await mapRequest(app, 'GET', `/api/maps/${mapId}`, capability));
}

/** PUT of a version as the client sends it: its bytes, the base version in If-Match. */
export function writeMap(
  app: App,
  url: string,
  capability: string,
  baseVersion: number,
  body: string | Uint8Array,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'PUT',
    url,
    headers: {
      'nk-capability': capability,
      'content-type': 'application/octet-stream',
      'if-match': versionTag(baseVersion),
    },
    payload: typeof body === 'string' ? Buffer.from(body, 'base64url') : Buffer.from(body),
  });
}

/** The version a successful write made (204, ETag "v<version>"). */
export function writtenVersion(response: LightMyRequestResponse): number {
  expect(response.statusCode, response.body).toBe(204);
  const version = versionOfTag(response.headers.etag?.toString());
  expect(version).not.toBeNull();
  return version ?? 0;
}
