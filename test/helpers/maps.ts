// Maps with opaque random bodies: the server never looks inside, so random bytes are honest test data.
import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Rights } from '../../shared/api/maps.js';
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
