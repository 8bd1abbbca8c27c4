// Invite secrets kept for every owner: the server stores them sealed, a second owner and the parent's
// other device open a request made from the first device's invite, and a secret the server swaps in
// does not open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSodium } from '../../../shared/crypto/index.js';
import type { InvitesResponse } from '../../../shared/api/invites.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { Device, Failed, joinByInvite } from '../../helpers/account-device.js';
import { uniqueUsername } from '../../helpers/accounts.js';

const databases = testDatabases();

describe.each(databases)('invite secrets for the owners on $engine', (database) => {
  let app: App;

  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const row = (inviteId: string) =>
    app.db
      .selectFrom('invites')
      .select('sealed_secret')
      .where('id', '=', inviteId)
      .executeTakeFirstOrThrow();

  it('a second owner and the parent on another device approve a request from the first device', async () => {
    const sanne = await Device.register(app, uniqueUsername('sanne'));
    const micha = await Device.register(app, uniqueUsername('micha'));
    const mapId = await sanne.createMap('Netwerk van Sanne');
    await joinByInvite(sanne, mapId, micha, 'owner');

    for (const approver of ['micha', 'phone'] as const) {
      await sanne.open(mapId);
      const { inviteId, secret } = await sanne.invite(mapId);
      // stored sealed: the secret's text is nowhere in the row
      const stored = await row(inviteId);
      expect(stored.sealed_secret).toHaveLength(118);
      expect(Buffer.from(stored.sealed_secret!).includes(Buffer.from(secret))).toBe(false);
      const joiner = await Device.register(app, uniqueUsername('joke'));
      const sent = await joiner.requestToJoin(secret);
      // the first device is not used from here on
      const device = approver === 'micha' ? micha : await Device.login(app, sanne.username);
      await device.open(mapId);
      const { safetyCode } = await device.approve(mapId, inviteId, 'professional');
      expect(safetyCode).toBe(sent.safetyCode);
      await joiner.collect(secret, sent);
      const opened = await joiner.open(mapId);
      expect(opened.membership?.members.map((m) => m.name)).toContain(joiner.username);
      // used: the server no longer keeps the secret
      expect((await row(inviteId)).sealed_secret).toBeNull();
    }
  });

  it('a sealed secret the server moves to another invite, or makes up, does not open', async () => {
    const sanne = await Device.register(app, uniqueUsername('sanne'));
    const mapId = await sanne.createMap('Netwerk van Sanne');
    await sanne.open(mapId);
    const first = await sanne.invite(mapId);
    const second = await sanne.invite(mapId);
    const joiner = await Device.register(app, uniqueUsername('joke'));
    await joiner.requestToJoin(second.secret);
    await app.db
      .updateTable('invites')
      .set({ sealed_secret: (await row(first.inviteId)).sealed_secret })
      .where('id', '=', second.inviteId)
      .execute();
    const phone = await Device.login(app, sanne.username);
    await phone.open(mapId);
    const tryApprove = async () => {
      try {
        await phone.approve(mapId, second.inviteId, 'professional');
        return 'approved';
      } catch (error) {
        if (error instanceof Failed) return error.code;
        throw error;
      }
    };
    expect(await tryApprove()).toBe('decrypt-failure');
    await app.db
      .updateTable('invites')
      .set({ sealed_secret: Buffer.alloc(118, 1) })
      .where('id', '=', second.inviteId)
      .execute();
    expect(await tryApprove()).toBe('decrypt-failure');
    // the list still shows the request as waiting: nothing was approved
    const headers = { 'nk-capability': phone.capability(mapId) };
    const listed = await app.inject({ method: 'GET', url: `/api/maps/${mapId}/invites`, headers });
    const invite = listed
      .json<InvitesResponse>()
      .invites.find((i) => i.inviteId === second.inviteId);
    expect(invite?.request?.status).toBe('pending');
  });
});
