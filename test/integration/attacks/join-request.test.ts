// The server as the adversary, on both engines: it plants a join request it built from its own rows
// (invite id, map id, the invite's box public key) and skips its own proof check. The parent's device
// (the crypto worker) refuses it before showing anything, and nothing of the map changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sodium from 'libsodium-wrappers-sumo';
import { fromBase64Url, loadSodium, toBase64Url } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import {
  attackerIdentity,
  forgeJoinRequest,
  forgeOldRequest,
  mapSnapshot,
  plantRequest,
  storedInvite,
} from '../../helpers/adversary.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { requestToJoin } from '../../helpers/membership.js';
import {
  call,
  deviceInvite,
  deviceOpen,
  deviceParentWithMap,
  expectFailure,
  listedRequest,
} from '../../helpers/device.js';

const databases = testDatabases();

describe.each(databases)('a malicious server forging a join request, on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('is refused on the parent’s device, and the map stays as it was', async () => {
    const parent = await deviceParentWithMap(app);
    const { inviteId, secret } = await deviceInvite(app, parent);
    const before = await mapSnapshot(app, parent.mapId);
    await deviceOpen(app, parent.person, parent.mapId, parent.capability);
    const pinOf = () =>
      parent.person.state.session!.keyring.maps.find((map) => map.mapId === parent.mapId)?.pin;
    const pinned = pinOf();

    // the honest route refuses it: the server cannot make the proof of the secret either
    const stored = await storedInvite(app, inviteId);
    const forged = forgeJoinRequest(stored);
    // its best proof: a signature by a key of its own instead of the invite's verify key
    const wrongProof = sodium.crypto_sign_detached(forged, attackerIdentity().signer.secretKey);
    const posted = await app.inject({
      method: 'POST',
      url: `/api/invites/${inviteId}/requests`,
      payload: { sealedRequest: toBase64Url(forged), signature: toBase64Url(wrongProof) },
    });
    expect(posted.statusCode).toBe(403);

    // so the malicious server writes the row itself and lists it to the parent
    const requestId = await plantRequest(app, stored, forged);
    const listed = await listedRequest(app, parent, inviteId);
    expect(listed.requestId).toBe(requestId);
    expectFailure(
      () =>
        call(parent.person.state, 'openJoinRequest', {
          mapId: parent.mapId,
          secret,
          sealedRequest: listed.sealedRequest,
        }),
      'forged-request',
    );

    // nothing of the map changed, on the server or on her device
    expect(await mapSnapshot(app, parent.mapId)).toBe(before);
    const again = await deviceOpen(app, parent.person, parent.mapId, parent.capability);
    expect(again.pinMoved).toBe(false);
    expect(pinOf()).toEqual(pinned);
    expect(again.membership?.members.map((m) => m.name)).toEqual(['Sanne']);
  });

  it('refuses an old-format request and a real request moved to another invite', async () => {
    const parent = await deviceParentWithMap(app);
    const before = await mapSnapshot(app, parent.mapId);
    // format 1 carried no proof: the server could make one from the box key alone
    const old = await deviceInvite(app, parent);
    const oldStored = await storedInvite(app, old.inviteId);
    await plantRequest(app, oldStored, forgeOldRequest(oldStored));
    const oldListed = await listedRequest(app, parent, old.inviteId);
    const open = (secret: string, sealedRequest: string) =>
      call(parent.person.state, 'openJoinRequest', {
        mapId: parent.mapId,
        secret,
        sealedRequest,
      });
    expectFailure(() => open(old.secret, oldListed.sealedRequest), 'unsupported-version');

    // a genuine request for one invite, replayed by the server under another open invite
    const real = await deviceInvite(app, parent);
    const joiner = await requestToJoin(app, real.secret, 'Fatima');
    const genuine = await listedRequest(app, parent, real.inviteId);
    expect(joiner.requestId).toBe(genuine.requestId);
    const target = await deviceInvite(app, parent);
    const targetStored = await storedInvite(app, target.inviteId);
    await plantRequest(app, targetStored, fromBase64Url(genuine.sealedRequest));
    const replayed = await listedRequest(app, parent, target.inviteId);
    expectFailure(() => open(target.secret, replayed.sealedRequest), 'decrypt-failure');
    // the genuine one still opens where it belongs
    expect(open(real.secret, genuine.sealedRequest).profile.name).toBe('Fatima');
    expect(await mapSnapshot(app, parent.mapId)).toBe(before);
  });
});
