// The server as the adversary: the test rewrites stored rows, and the real device code (the crypto
// worker's handlers, as the browser runs them) must refuse what comes back. A fresh device has only
// the passphrase and the keyring the server keeps; a co-owner has her own keyring.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { Device, Failed, joinByInvite, type Served } from '../../helpers/account-device.js';
import { uniqueUsername } from '../../helpers/accounts.js';
import { replaceVersionBody, serveAsLatest } from '../../helpers/adversary.js';

const databases = testDatabases();

/** The code a device refuses with (and, with `where`, the seq its message names), or 'accepted'. */
async function refusal(run: () => Promise<unknown>, where = false): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof Failed)) throw error;
    const seq = /\(seq (\d+)\)/.exec(error.message)?.[1];
    return where ? `${error.code} at ${seq}` : error.code;
  }
  return 'accepted';
}

describe.each(databases)('a rolling-back server on $engine', (database) => {
  let app: App;

  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  /**
   * Sanne's map with Micha as second owner and Joke as professional, then Joke removed (REMOVE at
   * seq 4, ROTATE at seq 5, version 2 at epoch 2). Both owners opened it afterwards, so both
   * keyrings pin seq 5 and version 2. `before` is what each owner was served before the removal.
   */
  async function mapWithRemoval() {
    const sanne = await Device.register(app, uniqueUsername('sanne'));
    const micha = await Device.register(app, uniqueUsername('micha'));
    const joke = await Device.register(app, uniqueUsername('joke'));
    const mapId = await sanne.createMap('Netwerk van Sanne');
    await joinByInvite(sanne, mapId, micha, 'owner');
    const jokeSlot = await joinByInvite(sanne, mapId, joke, 'professional');
    await micha.open(mapId);
    const before = { sanne: await sanne.served(mapId), micha: await micha.served(mapId) };
    await sanne.remove(mapId, [jokeSlot]);
    await sanne.open(mapId);
    await micha.open(mapId);
    expect(sanne.pin(mapId)).toMatchObject({ seq: 5, version: 2 });
    expect(micha.pin(mapId)).toMatchObject({ seq: 5, version: 2 });
    return { sanne, micha, joke, mapId, before };
  }

  /** Puts the stored rows back as they were in `old`: the log, the latest version and the slot's ring. */
  async function serveAsBefore(mapId: string, old: Served, slotsOf: Served[]): Promise<void> {
    await app.db
      .deleteFrom('map_log')
      .where('map_id', '=', mapId)
      .where('seq', '>', old.log.length)
      .execute();
    await serveAsLatest(app, mapId, old.map.version);
    for (const served of slotsOf) {
      await app.db
        .updateTable('map_slots')
        .set({ key_bundle: Buffer.from(served.map.keyBundle) })
        .where('id', '=', served.map.slotId)
        .execute();
    }
  }

  it('a dropped REMOVE (old log, version and key rings) is refused on fresh devices and by the co-owner', async () => {
    const { sanne, micha, mapId, before } = await mapWithRemoval();
    await serveAsBefore(mapId, before.sanne, [before.sanne, before.micha]);
    // what the server now answers is consistent in itself: the map as it was before the removal
    expect((await sanne.served(mapId)).log).toHaveLength(3);

    const phone = await Device.login(app, sanne.username);
    expect(phone.pin(mapId)).toEqual(sanne.pin(mapId));
    expect(await refusal(() => phone.open(mapId))).toBe('rollback');
    const michaPhone = await Device.login(app, micha.username);
    expect(await refusal(() => michaPhone.open(mapId))).toBe('rollback');
    expect(await refusal(() => micha.open(mapId))).toBe('rollback');
    // nothing moved: the pins stay, no keyring was written
    expect(phone.pin(mapId)).toMatchObject({ seq: 5, version: 2 });
    expect(michaPhone.pin(mapId)).toMatchObject({ seq: 5, version: 2 });
    const stored = michaPhone.storedKeyring;
    expect((await Device.login(app, micha.username)).storedKeyring).toBe(stored);
  });

  it('an old log alone, or an old version alone, is refused on a fresh device and by the co-owner', async () => {
    const { sanne, micha, mapId } = await mapWithRemoval();
    const now = await micha.served(mapId);

    // the REMOVE and ROTATE cut from the log, the newest version kept
    const cut = { ...now, log: now.log.slice(0, 3) };
    const phone = await Device.login(app, sanne.username);
    const phoneServed = { ...(await phone.served(mapId)), log: cut.log };
    expect(await refusal(() => phone.open(mapId, phoneServed))).toBe('rollback');
    expect(await refusal(() => micha.open(mapId, cut))).toBe('rollback');

    // version 1 served as the latest, under today's log and key ring
    await serveAsLatest(app, mapId, 1);
    const michaPhone = await Device.login(app, micha.username);
    expect(await refusal(() => michaPhone.open(mapId))).toBe('rollback');
    expect(await refusal(() => phone.open(mapId))).toBe('rollback');
    await serveAsLatest(app, mapId, 2);
    expect((await michaPhone.open(mapId)).version).toBe(2);
  });

  it('a replayed record and a record or version from another map are refused', async () => {
    const { sanne, micha, mapId } = await mapWithRemoval();
    const otherId = await sanne.createMap('Tweede kaart');
    const phone = await Device.login(app, micha.username);
    const record = async (id: string, seq: number) =>
      (
        await app.db
          .selectFrom('map_log')
          .select('record')
          .where('map_id', '=', id)
          .where('seq', '=', seq)
          .executeTakeFirstOrThrow()
      ).record;

    // record 2 (Micha's ADD) served again as record 6
    await app.db
      .insertInto('map_log')
      .values({ map_id: mapId, seq: 6, record: await record(mapId, 2), created_at: Date.now() })
      .execute();
    expect(await refusal(() => phone.open(mapId), true)).toBe('log-invalid at 6');
    await app.db.deleteFrom('map_log').where('map_id', '=', mapId).where('seq', '=', 6).execute();

    // the other map's INIT in place of this map's
    const init = await record(mapId, 1);
    await app.db
      .updateTable('map_log')
      .set({ record: await record(otherId, 1) })
      .where('map_id', '=', mapId)
      .where('seq', '=', 1)
      .execute();
    expect(await refusal(() => phone.open(mapId), true)).toBe('log-invalid at 1');
    await app.db
      .updateTable('map_log')
      .set({ record: init })
      .where('map_id', '=', mapId)
      .where('seq', '=', 1)
      .execute();
    expect((await phone.open(mapId)).version).toBe(2);

    // the other map's version body served as this map's
    const other = await app.db
      .selectFrom('map_versions')
      .select('body')
      .where('map_id', '=', otherId)
      .where('version', '=', 1)
      .executeTakeFirstOrThrow();
    await replaceVersionBody(app, mapId, other.body, 2);
    expect(['bad-signature', 'decrypt-failure']).toContain(await refusal(() => phone.open(mapId)));
    expect(phone.pin(mapId)).toMatchObject({ seq: 5, version: 2 });
  });
});
