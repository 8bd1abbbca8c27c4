// Maps as the app stored them before key rings were signed, made with the same bytes the old code
// wrote: a v1 key bundle and no log (the first version), or v2 rings on a map with a log (later).
import { expect } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import { assembleVersionBody } from '../../shared/crypto/map-version.js';
import { padTo } from '../../shared/crypto/padding.js';
import {
  capabilityHash,
  extractSectionEnvelopes,
  memberRing,
  newCapability,
  newId,
  newSectionKeys,
  NO_LOG_HEAD,
  sealKeyBundle,
  SECTIONS,
  toBase64Url,
  utf8Encode,
  type KeyRing,
  type SectionKeys,
} from '../../shared/crypto/index.js';
import {
  emptyMapDocument,
  encryptMapDocument,
  type MapDocument,
} from '../../shared/map/document.js';
import type { App } from '../../server/app.js';
import { replaceKeyBundle } from './adversary.js';
import type { Device } from './account-device.js';

/** A v2 ring as the old sealKeyRing made it: unsigned JSON, padded to 128 + 192 × epochs, sealed. */
export function legacyRing(ring: KeyRing, recipientBoxPublicKey: Uint8Array): Uint8Array {
  const epochs: Record<string, Record<string, string>> = {};
  for (const [epoch, keys] of Object.entries(ring.epochs)) {
    const out: Record<string, string> = {};
    for (const section of SECTIONS) {
      const key = keys[section];
      if (key !== undefined) out[section] = toBase64Url(key);
    }
    epochs[epoch] = out;
  }
  const json = utf8Encode(JSON.stringify({ v: 2, mapId: ring.mapId, epochs }));
  const size = 128 + 192 * Object.keys(epochs).length;
  return sodium.crypto_box_seal(padTo(json, size), recipientBoxPublicKey);
}

/** A format-2 body (no log head), signed by `device`'s identity, as the first version wrote it. */
export function formatTwoBody(input: {
  device: Device;
  mapId: string;
  version: number;
  doc: MapDocument;
  keys: SectionKeys;
}): Uint8Array {
  const identity = input.device.state.session!.identity;
  const signer = { publicKey: identity.signPublicKey, secretKey: identity.signSecretKey };
  const common = { mapId: input.mapId, epoch: 1, version: input.version, signer };
  const body = encryptMapDocument({
    ...common,
    doc: input.doc,
    keys: input.keys,
    logHead: NO_LOG_HEAD,
  });
  const envelopes = Object.entries(extractSectionEnvelopes(body)).map(([section, envelope]) => ({
    section: section as (typeof SECTIONS)[number],
    envelope,
  }));
  return assembleVersionBody({ ...common, logHead: null, envelopes, baseKey: input.keys.base });
}

/**
 * A map made by the first version of the app on `device`'s account: a v1 key bundle, no membership
 * log, a format-2 body signed by her, and a keyring entry without a pin. Returns what a test needs.
 */
export async function firstVersionMap(
  device: Device,
  doc: MapDocument = emptyMapDocument('Kaart van toen'),
): Promise<{ mapId: string; slotId: string; keys: SectionKeys }> {
  const mapId = newId();
  const capability = newCapability();
  const keys = newSectionKeys();
  const session = device.state.session!;
  const keyBundle = sealKeyBundle({ mapId, epoch: 1, keys }, session.identity.boxPublicKey);
  const body = formatTwoBody({ device, mapId, version: 1, doc, keys });
  const created = await device.app.inject({
    method: 'POST',
    url: '/api/maps',
    payload: {
      mapId,
      capabilityHash: toBase64Url(capabilityHash(capability)),
      keyBundle: toBase64Url(keyBundle),
      body: toBase64Url(body),
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  const entry = { mapId, capability: toBase64Url(capability), title: doc.base.title, addedAt: 1 };
  session.keyring = { ...session.keyring, maps: [...session.keyring.maps, entry] };
  await device.saveKeyring();
  const slot = await device.app.db
    .selectFrom('map_slots')
    .select('id')
    .where('map_id', '=', mapId)
    .executeTakeFirstOrThrow();
  return { mapId, slotId: slot.id, keys };
}

/**
 * Turns an opened map back into what the old code stored: every member's ring (as the old approval
 * and rotation computed it from the owner's ring and the log) as an unsigned v2 ring, and the
 * keyrings of `devices` without `signedRings`, as the old app wrote them.
 */
export async function unsignRings(
  app: App,
  owner: Device,
  mapId: string,
  devices: Device[],
): Promise<Map<string, Uint8Array>> {
  const open = owner.state.openMaps.get(mapId)!;
  const log = open.log!;
  const rings = new Map<string, Uint8Array>();
  for (const member of Object.values(log.members)) {
    const ring = memberRing(mapId, open.ring.epochs, log.epoch, member);
    const sealed = legacyRing(ring, member.boxPublicKey);
    await replaceKeyBundle(app, member.slotId, sealed);
    rings.set(member.slotId, sealed);
  }
  for (const device of devices) {
    const session = device.state.session!;
    session.keyring = {
      ...session.keyring,
      maps: session.keyring.maps.map((entry) => {
        if (entry.mapId !== mapId || entry.pin === undefined) return entry;
        const { signedRings: _old, ...pin } = entry.pin;
        return { ...entry, pin };
      }),
    };
    device.state.openMaps.delete(mapId);
    await device.saveKeyring();
  }
  return rings;
}
