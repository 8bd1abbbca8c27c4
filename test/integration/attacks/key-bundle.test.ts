// The server as the adversary, on both engines: it replaces a member's stored key bundle with keys of
// its own (unsigned as format 2 was, or signed by itself), or with one a colluding member made. Her
// device refuses to use them, writes nothing under them, and the map stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromBase64Url, loadSodium, newSectionKeys } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import {
  attackerIdentity,
  mapSnapshot,
  replaceKeyBundle,
  storedKeyBundle,
  substitutedRing,
  unsignedRing,
} from '../../helpers/adversary.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import {
  deviceJoin,
  deviceOpen,
  deviceParentWithMap,
  type DeviceMember,
  type DeviceParent,
} from '../../helpers/device.js';

const databases = testDatabases();

describe.each(databases)('a malicious server substituting a key bundle, on $engine', (database) => {
  let app: App;
  let parent: DeviceParent;
  let borger: DeviceMember;
  let reader: DeviceMember;

  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
    parent = await deviceParentWithMap(app);
    borger = await deviceJoin(app, parent, 'ria', 'borger', true);
    reader = await deviceJoin(app, parent, 'joke', 'professional');
  });
  afterAll(async () => {
    await app.close();
  });

  const boxOf = (member: DeviceMember) => fromBase64Url(member.person.account.boxPublicKey);
  const open = (member: DeviceMember) =>
    deviceOpen(app, member.person, parent.mapId, member.capability);

  /** Serves `bundle` to the borger, checks her device refuses it with `code`, then puts hers back. */
  async function refused(bundle: Uint8Array, code: 'untrusted-key-ring' | 'log-invalid') {
    const genuine = await storedKeyBundle(app, borger.slotId);
    const before = await mapSnapshot(app, parent.mapId);
    await replaceKeyBundle(app, borger.slotId, bundle);
    await expect(open(borger)).rejects.toMatchObject({ code });
    // her device kept nothing of it: no map open under those keys, so nothing can be written with them
    expect(borger.person.state.openMaps.has(parent.mapId)).toBe(false);
    expect(await mapSnapshot(app, parent.mapId)).toBe(before);
    await replaceKeyBundle(app, borger.slotId, genuine);
    expect((await open(borger)).membership?.mySlotId).toBe(borger.slotId);
    borger.person.state.openMaps.delete(parent.mapId);
  }

  it('opens with the genuine, owner-signed bundle', async () => {
    const opened = await open(borger);
    expect(opened.membership?.members.map((m) => m.role).sort()).toEqual([
      'borger',
      'owner',
      'professional',
    ]);
    borger.person.state.openMaps.delete(parent.mapId);
  });

  it('refuses an unsigned bundle made from her published box key', async () => {
    await refused(unsignedRing(parent.mapId, boxOf(borger)), 'untrusted-key-ring');
  });

  it('refuses a bundle the server signed with its own key', async () => {
    const bundle = substitutedRing({
      mapId: parent.mapId,
      slotId: borger.slotId,
      recipientBoxPublicKey: boxOf(borger),
      signer: attackerIdentity().signer,
    });
    // its keys do not even open the real log
    await refused(bundle, 'log-invalid');
  });

  it('refuses a bundle a member made with the real base key and a detail key of her own', async () => {
    // the professional reads base only; with the server she tries to learn what the borger writes in detail
    await open(reader);
    const base = reader.person.state.openMaps.get(parent.mapId)!.ring.epochs[1]!.base;
    const identity = reader.person.state.session!.identity;
    const bundle = substitutedRing({
      mapId: parent.mapId,
      slotId: borger.slotId,
      recipientBoxPublicKey: boxOf(borger),
      signer: { publicKey: identity.signPublicKey, secretKey: identity.signSecretKey },
      keys: { base, detail: newSectionKeys().detail },
    });
    await refused(bundle, 'untrusted-key-ring');
  });

  it('refuses the genuine bundle of another slot', async () => {
    // sealed to the reader, so it does not even open for the borger
    const other = await storedKeyBundle(app, reader.slotId);
    const genuine = await storedKeyBundle(app, borger.slotId);
    await replaceKeyBundle(app, borger.slotId, other);
    await expect(open(borger)).rejects.toMatchObject({ code: 'decrypt-failure' });
    await replaceKeyBundle(app, borger.slotId, genuine);
  });
});
