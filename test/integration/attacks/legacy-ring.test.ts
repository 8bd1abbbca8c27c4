// Maps made before key rings were signed, on both engines: they open with the current device code
// (trust on first use, only for keys the log and the signed version vouch for), the owner's device
// re-signs every ring, and from then on a server serving the old unsigned ring again is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadSodium,
  newSectionKeys,
  openKeyRing,
  sealKeyBundle,
  type KeyPair,
} from '../../../shared/crypto/index.js';
import { emptyMapDocument } from '../../../shared/map/document.js';
import type { App } from '../../../server/app.js';
import {
  mapSnapshot,
  replaceKeyBundle,
  replaceVersionBody,
  storedKeyBundle,
} from '../../helpers/adversary.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { Device, Failed, joinByInvite, Refused } from '../../helpers/account-device.js';
import { uniqueUsername } from '../../helpers/accounts.js';
import { firstVersionMap, formatTwoBody, unsignRings } from '../../helpers/legacy.js';

const databases = testDatabases();

/** The code a device refuses with, or 'accepted'. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Failed || error instanceof Refused) return error.code;
    throw error;
  }
  return 'accepted';
}

function boxOf(device: Device): KeyPair {
  const { boxPublicKey, boxSecretKey } = device.state.session!.identity;
  return { publicKey: boxPublicKey, secretKey: boxSecretKey };
}

function signKeyOf(device: Device): Uint8Array {
  return device.state.session!.identity.signPublicKey;
}

describe.each(databases)('maps made before key rings were signed, on $engine', (database) => {
  let app: App;

  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const logLength = async (mapId: string) =>
    (await app.db.selectFrom('map_log').select('seq').where('map_id', '=', mapId).execute()).length;

  /** The signer of a slot's stored ring, opened as its member would (throws if it is unsigned). */
  async function ringSigner(member: Device, mapId: string, slotId: string): Promise<Uint8Array> {
    const stored = await storedKeyBundle(app, slotId);
    return openKeyRing(stored, boxOf(member), { mapId, slotId }).signerPublicKey;
  }

  it('a map of the first version (v1 bundle, no log) opens, is upgraded, and its old bundle is refused after', async () => {
    const sanne = await Device.register(app, uniqueUsername('sanne'));
    const doc = emptyMapDocument('Kaart van Sanne');
    doc.private = { v: 1, wishes: 'Iemand die de oudste naar school brengt' };
    const { mapId, slotId } = await firstVersionMap(sanne, doc);
    const oldBundle = await storedKeyBundle(app, slotId);
    expect(await logLength(mapId)).toBe(0);

    const opened = await sanne.open(mapId);
    // nothing lost: every section as she wrote it
    expect(opened.document.base.title).toBe('Kaart van Sanne');
    expect(opened.document.private?.wishes).toBe('Iemand die de oudste naar school brengt');
    // upgraded: the log starts with her INIT, her ring is signed by her, the pin says so
    expect(opened.ringUpgrade).toBe(false);
    expect(opened.membership?.members.map((m) => m.role)).toEqual(['owner']);
    expect(await logLength(mapId)).toBe(1);
    expect(await ringSigner(sanne, mapId, slotId)).toEqual(signKeyOf(sanne));
    expect(sanne.pin(mapId)).toMatchObject({ seq: 1, version: 1, signedRings: true });

    // the server serves the old unsigned bundle again: refused here and on a fresh phone
    const before = await mapSnapshot(app, mapId);
    const signed = await storedKeyBundle(app, slotId);
    await replaceKeyBundle(app, slotId, oldBundle);
    expect(await refusal(() => sanne.open(mapId))).toBe('untrusted-key-ring');
    const phone = await Device.login(app, sanne.username);
    expect(phone.pin(mapId)).toMatchObject({ signedRings: true });
    expect(await refusal(() => phone.open(mapId))).toBe('untrusted-key-ring');
    // and with the log gone too: the whole map as it was before the upgrade
    const log = await app.db
      .selectFrom('map_log')
      .selectAll()
      .where('map_id', '=', mapId)
      .execute();
    await app.db.deleteFrom('map_log').where('map_id', '=', mapId).execute();
    expect(await refusal(() => phone.open(mapId))).toBe('untrusted-key-ring');
    // the refusals wrote nothing (no second INIT, no ring); with the genuine rows back it opens
    expect(await logLength(mapId)).toBe(0);
    await app.db.insertInto('map_log').values(log).execute();
    await replaceKeyBundle(app, slotId, signed);
    expect(await mapSnapshot(app, mapId)).toBe(before);
    expect((await phone.open(mapId)).document.base.title).toBe('Kaart van Sanne');
  });

  it('before the upgrade, an unsigned bundle with keys of the server’s making opens nothing', async () => {
    const sanne = await Device.register(app, uniqueUsername('sanne'));
    const { mapId, slotId, keys } = await firstVersionMap(sanne);
    const box = boxOf(sanne).publicKey;
    const before = await mapSnapshot(app, mapId);
    const genuine = await storedKeyBundle(app, slotId);

    // its own keys: the version, signed by her under the real base key, does not open
    await replaceKeyBundle(
      app,
      slotId,
      sealKeyBundle({ mapId, epoch: 1, keys: newSectionKeys() }, box),
    );
    expect(await refusal(() => sanne.open(mapId))).toBe('bad-signature');
    // the real base key with a private key it knows: that key opens nothing she signed
    const own = newSectionKeys();
    const mixed = { base: keys.base, detail: keys.detail, private: own.private };
    await replaceKeyBundle(app, slotId, sealKeyBundle({ mapId, epoch: 1, keys: mixed }, box));
    expect(await refusal(() => sanne.open(mapId))).toBe('untrusted-key-ring');
    // a whole map of its own (keys, and a version signed by an account it controls): only she ever
    // wrote a map without a log, so only her signature counts
    const forger = await Device.register(app, uniqueUsername('server'));
    const fake = newSectionKeys();
    const doc = emptyMapDocument('Nep');
    const body = formatTwoBody({ device: forger, mapId, version: 1, doc, keys: fake });
    const genuineBody = await app.db
      .selectFrom('map_versions')
      .select('body')
      .where('map_id', '=', mapId)
      .executeTakeFirstOrThrow();
    await replaceVersionBody(app, mapId, body);
    await replaceKeyBundle(app, slotId, sealKeyBundle({ mapId, epoch: 1, keys: fake }, box));
    expect(await refusal(() => sanne.open(mapId))).toBe('bad-signature');

    // nothing was written under those keys: no upgrade, no log, no version, no pin
    expect(await mapSnapshot(app, mapId)).toBe(before);
    expect(sanne.pin(mapId)).toBeUndefined();
    expect(sanne.state.openMaps.has(mapId)).toBe(false);
    // the genuine rows open (and are upgraded)
    await replaceVersionBody(app, mapId, genuineBody.body);
    await replaceKeyBundle(app, slotId, genuine);
    expect(await refusal(() => sanne.open(mapId))).toBe('accepted');
    expect(sanne.pin(mapId)?.signedRings).toBe(true);
  });

  it('a map with members and unsigned v2 rings: all open, the owner re-signs every ring, old rings are refused after', async () => {
    const sanne = await Device.register(app, uniqueUsername('sanne'));
    const micha = await Device.register(app, uniqueUsername('micha'));
    const joke = await Device.register(app, uniqueUsername('joke'));
    const mapId = await sanne.createMap('Netwerk van Sanne');
    const michaSlot = await joinByInvite(sanne, mapId, micha, 'owner');
    const jokeSlot = await joinByInvite(sanne, mapId, joke, 'professional');
    await sanne.open(mapId);
    const sanneSlot = sanne.state.openMaps.get(mapId)!.slotId;
    const old = await unsignRings(app, sanne, mapId, [sanne, micha, joke]);

    // a member opens it as before (she cannot re-sign: she is no owner), and nothing is written
    const seenByJoke = await joke.open(mapId);
    expect(seenByJoke.ringUpgrade).toBe(false);
    expect(seenByJoke.membership?.members).toHaveLength(3);
    expect(await storedKeyBundle(app, jokeSlot)).toEqual(old.get(jokeSlot));
    expect(joke.pin(mapId)?.signedRings).toBeUndefined();

    // the owner opens it: every ring is re-signed by her, hers last, and the log did not move
    const seq = await logLength(mapId);
    await sanne.open(mapId);
    expect(await logLength(mapId)).toBe(seq);
    expect(await ringSigner(sanne, mapId, sanneSlot)).toEqual(signKeyOf(sanne));
    expect(await ringSigner(micha, mapId, michaSlot)).toEqual(signKeyOf(sanne));
    expect(await ringSigner(joke, mapId, jokeSlot)).toEqual(signKeyOf(sanne));
    expect(sanne.pin(mapId)?.signedRings).toBe(true);

    // the members get the signed ring, with the keys they had
    expect((await joke.open(mapId)).membership?.mySlotId).toBe(jokeSlot);
    expect(joke.pin(mapId)?.signedRings).toBe(true);
    expect((await micha.open(mapId)).ringUpgrade).toBe(false);
    expect(micha.pin(mapId)?.signedRings).toBe(true);

    // the server serves each of them the old unsigned ring again: refused on every device
    const before = await mapSnapshot(app, mapId);
    for (const [device, slot] of [
      [joke, jokeSlot],
      [micha, michaSlot],
      [sanne, sanneSlot],
    ] as const) {
      const signed = await storedKeyBundle(app, slot);
      await replaceKeyBundle(app, slot, old.get(slot)!);
      expect(await refusal(() => device.open(mapId))).toBe('untrusted-key-ring');
      const fresh = await Device.login(app, device.username);
      expect(await refusal(() => fresh.open(mapId))).toBe('untrusted-key-ring');
      await replaceKeyBundle(app, slot, signed);
      expect(await refusal(() => fresh.open(mapId))).toBe('accepted');
    }
    expect(await mapSnapshot(app, mapId)).toBe(before);
  });

  it('an upgrade made before a concurrent change is refused by the log head and overwrites nothing', async () => {
    const sanne = await Device.register(app, uniqueUsername('sanne'));
    const micha = await Device.register(app, uniqueUsername('micha'));
    const joke = await Device.register(app, uniqueUsername('joke'));
    const mapId = await sanne.createMap('Netwerk van Sanne');
    await joinByInvite(sanne, mapId, micha, 'owner');
    const jokeSlot = await joinByInvite(sanne, mapId, joke, 'professional');
    await sanne.open(mapId);
    await unsignRings(app, sanne, mapId, [sanne, micha, joke]);

    // Sanne's device opens the map and prepares the upgrade for the log as it is now
    const served = await sanne.served(mapId);
    expect(sanne.call('openMap', served).ringUpgrade).toBe(true);
    const headers = { 'nk-capability': sanne.capability(mapId) };
    const listed = await app.inject({ method: 'GET', url: `/api/maps/${mapId}/slots`, headers });
    const { updates } = sanne.call('upgradeRings', { mapId, slots: listed.json().slots });

    // meanwhile Micha opens it (and upgrades it herself), then changes Joke's role: the log moves on
    await micha.open(mapId);
    const change = micha.call('updateMember', { mapId, slotId: jokeSlot, role: 'informal' });
    const url = `/api/maps/${mapId}/slots/${jokeSlot}`;
    const michaHeaders = { 'nk-capability': micha.capability(mapId) };
    const changed = await app.inject({
      method: 'PUT',
      url,
      headers: michaHeaders,
      payload: change,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const afterChange = await storedKeyBundle(app, jokeSlot);

    // Sanne's prepared rings name the old head: refused, Joke keeps the ring Micha wrote
    const stale = updates.find((u) => u.slotId === jokeSlot)!;
    const refused = await app.inject({ method: 'PUT', url, headers, payload: stale.body });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('log_conflict');
    expect(await storedKeyBundle(app, jokeSlot)).toEqual(afterChange);
    expect(sanne.pin(mapId)?.signedRings).toBeUndefined();

    // her next open finds the rings signed (by Micha) and the new role
    const again = await sanne.open(mapId);
    expect(again.ringUpgrade).toBe(false);
    expect(again.membership?.members.find((m) => m.slotId === jokeSlot)?.role).toBe('informal');
    expect(sanne.pin(mapId)?.signedRings).toBe(true);
    expect(await ringSigner(joke, mapId, jokeSlot)).toEqual(signKeyOf(micha));
  });
});
