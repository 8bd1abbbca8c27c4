// The whole consent flow at API level with real shared/crypto records, invites, requests and answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogResponse } from '../../../shared/api/maps.js';
import type { CardsResponse, SlotsResponse } from '../../../shared/api/membership.js';
import {
  decryptCard,
  decryptMapVersion,
  deriveInviteKeys,
  encryptCard,
  fromBase64Url,
  loadSodium,
  openJoinAnswer,
  openJoinRequest,
  openKeyRing,
  safetyCode,
  toBase64Url,
  utf8Decode,
  utf8Encode,
  verifyLog,
} from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import {
  addMember,
  approval,
  capabilityRequest,
  collectAnswer,
  createParentMap,
  DOCUMENT,
  invite,
  pendingRequest,
  readLog,
  readMap,
  requestToJoin,
} from '../../helpers/membership.js';
import { removalRequest } from '../../helpers/removal.js';

const databases = testDatabases();

describe.each(databases)('consent flow on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('invites, approves, lets the member read and write a card, then removes her atomically', async () => {
    const parent = await createParentMap(app);
    const other = await addMember(app, parent, 'read', 'informal');

    // the parent invites; the joiner opens the link and sends a sealed request
    const created = await invite(app, parent);
    const joiner = await requestToJoin(app, created.secret);
    expect(joiner.info.mapId).toBe(parent.mapId);

    // the parent opens the request; both devices compute the same safety code
    const pending = await pendingRequest(app, parent, created.inviteId);
    const parentKeys = deriveInviteKeys(created.secret);
    const request = openJoinRequest(pending.sealedRequest, parentKeys, parent.mapId);
    expect(request.profile.profession).toBe('verloskundige');
    const parentCode = safetyCode(parentKeys, parent.signer.publicKey, request.signPublicKey);
    const joinerCode = safetyCode(
      joiner.keys,
      joiner.info.parentSignPublicKey,
      joiner.signer.publicKey,
    );
    expect(parentCode).toBe(joinerCode);

    // before approval the joiner hears "pending"
    const early = await collectAnswer(app, joiner.keys);
    expect(early.statusCode, early.body).toBe(202);
    expect(early.json()).toEqual({ status: 'pending' });

    const approved = approval(parent, created.inviteId, request, 'write');
    const approve = await capabilityRequest(
      app,
      'POST',
      `/api/maps/${parent.mapId}/requests/${pending.requestId}/approve`,
      parent.capability,
      approved.payload,
    );
    expect(approve.statusCode, approve.body).toBe(200);
    expect(approve.json()).toEqual({ slotId: approved.slotId, headSeq: 3 });
    parent.log = approved.log;

    // the joiner collects the answer once, with a proof over a fresh challenge
    const collected = await collectAnswer(app, joiner.keys);
    expect(collected.statusCode, collected.body).toBe(200);
    const { sealedAnswer } = collected.json<{ status: 'approved'; sealedAnswer: string }>();
    const answer = openJoinAnswer(fromBase64Url(sealedAnswer), joiner.box, {
      inviteId: created.inviteId,
      mapId: parent.mapId,
      parentSignPublicKey: joiner.info.parentSignPublicKey,
    });
    expectError(await collectAnswer(app, joiner.keys), 410, 'answer_collected');
    expectError(
      await app.inject({ method: 'GET', url: `/api/invites/${created.inviteId}` }),
      410,
      'invite_used',
    );

    // the member reads the map with her new capability and verifies the log
    const capability = toBase64Url(answer.capability);
    const read = await readMap(app, parent.mapId, capability);
    expect(read).toMatchObject({ rights: 'write', slotId: answer.slotId, version: 1 });
    const ring = openKeyRing(read.keyBundle, joiner.box, {
      mapId: parent.mapId,
      slotId: read.slotId,
    });
    const keys = ring.epochs[1];
    if (!keys) throw new Error('no epoch 1 keys');
    const log = verifyLog({
      mapId: parent.mapId,
      records: await readLog(app, parent.mapId, capability),
      keysByEpoch: { 1: keys.base },
    });
    expect(log.members[answer.slotId]?.profile.name).toBe('Fatima');
    const version = decryptMapVersion({
      mapId: parent.mapId,
      version: 1,
      body: read.body,
      keys,
      trustedSigners: [parent.signer.publicKey],
    });
    expect(utf8Decode(version.sections.base ?? new Uint8Array())).toBe(utf8Decode(DOCUMENT));

    // she writes her own card; the parent reads and verifies it
    const card = encryptCard({
      mapId: parent.mapId,
      epoch: 1,
      slotId: answer.slotId,
      cardVersion: 1,
      card: {
        whatIDo: 'Zwangerschapscontroles',
        howToReach: '06-12345678',
        when: 'ma–vr',
        role: 'verloskundige',
        name: 'Fatima',
        organisation: 'De Linde',
      },
      keys: { base: keys.base },
      signer: joiner.signer,
    });
    const put = await capabilityRequest(
      app,
      'PUT',
      `/api/maps/${parent.mapId}/cards/mine`,
      capability,
      { baseCardVersion: 0, body: toBase64Url(card) },
    );
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ cardVersion: 1 });
    expectError(
      await capabilityRequest(app, 'PUT', `/api/maps/${parent.mapId}/cards/mine`, capability, {
        baseCardVersion: 0,
        body: toBase64Url(card),
      }),
      409,
      'card_conflict',
    );
    const cards = (
      await capabilityRequest(app, 'GET', `/api/maps/${parent.mapId}/cards`, parent.capability)
    ).json<CardsResponse>().cards;
    expect(cards).toHaveLength(1);
    expect(cards[0]?.slotId).toBe(answer.slotId);
    const opened = decryptCard({
      mapId: parent.mapId,
      slotId: answer.slotId,
      body: fromBase64Url(cards[0]?.body ?? ''),
      log,
    });
    expect(opened.card.whatIDo).toBe('Zwangerschapscontroles');

    // the parent removes her: REMOVE + ROTATE, the document at epoch 2, new rings for who stays
    const { payload } = removalRequest(
      parent,
      [answer.slotId],
      1,
      utf8Encode('{"people":["Sanne"]}'),
    );
    const remove = await capabilityRequest(
      app,
      'POST',
      `/api/maps/${parent.mapId}/remove`,
      parent.capability,
      payload,
    );
    expect(remove.statusCode, remove.body).toBe(200);
    expect(remove.json()).toEqual({ version: 2, headSeq: 5 });

    // the removed capability no longer opens the map; her card went with her slot
    expectError(
      await capabilityRequest(app, 'GET', `/api/maps/${parent.mapId}`, capability),
      404,
      'map_not_found',
    );
    const remainingCards = (
      await capabilityRequest(app, 'GET', `/api/maps/${parent.mapId}/cards`, parent.capability)
    ).json<CardsResponse>().cards;
    expect(remainingCards).toEqual([]);

    // the parent and the other member still read, at the new epoch, and verify the whole log
    const again = await readMap(app, parent.mapId, parent.capability);
    const parentRing = openKeyRing(again.keyBundle, parent.box, {
      mapId: parent.mapId,
      slotId: again.slotId,
    });
    const newKeys = parentRing.epochs[2];
    if (!newKeys) throw new Error('no epoch 2 keys');
    const after = verifyLog({
      mapId: parent.mapId,
      records: await readLog(app, parent.mapId, parent.capability),
      keysByEpoch: { 2: newKeys.base },
      pinned: { seq: log.seq, headHash: log.headHash },
    });
    expect(after.members[answer.slotId]).toBeUndefined();
    expect(after.former[answer.slotId]).toBeDefined();
    const otherRead = await readMap(app, parent.mapId, other.capability);
    const otherRing = openKeyRing(otherRead.keyBundle, other.member.box, {
      mapId: parent.mapId,
      slotId: otherRead.slotId,
    });
    const decrypted = decryptMapVersion({
      mapId: parent.mapId,
      version: 2,
      body: otherRead.body,
      keys: otherRing.epochs[2] ?? {},
      trustedSigners: [parent.signer.publicKey],
    });
    expect(utf8Decode(decrypted.sections.base ?? new Uint8Array())).toBe('{"people":["Sanne"]}');

    // the access history shows the joins and the removal
    const access = (
      await capabilityRequest(app, 'GET', `/api/maps/${parent.mapId}/access`, parent.capability)
    ).json<AccessLogResponse>();
    expect(access.formerSlots).toEqual([
      {
        slotId: answer.slotId,
        accesses: expect.any(Array),
        events: [
          { type: 'joined', rights: 'write', at: expect.any(Number) },
          { type: 'removed', rights: null, at: expect.any(Number) },
        ],
      },
    ]);
    const slots = (
      await capabilityRequest(app, 'GET', `/api/maps/${parent.mapId}/slots`, parent.capability)
    ).json<SlotsResponse>().slots;
    expect(slots.map((s) => s.slotId).sort()).toEqual([parent.slotId, other.slotId].sort());
    expect(slots.find((s) => s.slotId === parent.slotId)?.creator).toBe(true);
  });

  it('changes rights, keeps the creator an owner, and refuses to let the last owner leave', async () => {
    const parent = await createParentMap(app);
    const member = await addMember(app, parent, 'read');
    const url = (slotId: string) => `/api/maps/${parent.mapId}/slots/${slotId}`;
    const bundle = toBase64Url(new Uint8Array(200));
    const promote = await capabilityRequest(app, 'PUT', url(member.slotId), parent.capability, {
      rights: 'write',
      keyBundle: bundle,
    });
    expect(promote.statusCode, promote.body).toBe(200);
    expect((await readMap(app, parent.mapId, member.capability)).rights).toBe('write');
    expectError(
      await capabilityRequest(app, 'PUT', url(parent.slotId), parent.capability, {
        rights: 'read',
        keyBundle: bundle,
      }),
      409,
      'creator_slot',
    );
    expectError(
      await capabilityRequest(
        app,
        'DELETE',
        `/api/maps/${parent.mapId}/slots/mine`,
        parent.capability,
      ),
      409,
      'last_owner',
    );
    const left = await capabilityRequest(
      app,
      'DELETE',
      `/api/maps/${parent.mapId}/slots/mine`,
      member.capability,
    );
    expect(left.statusCode, left.body).toBe(204);
    expectError(
      await capabilityRequest(app, 'GET', `/api/maps/${parent.mapId}`, member.capability),
      404,
      'map_not_found',
    );
    const access = (
      await capabilityRequest(app, 'GET', `/api/maps/${parent.mapId}/access`, parent.capability)
    ).json<AccessLogResponse>();
    expect(access.formerSlots[0]?.events.map((e) => e.type)).toEqual(['joined', 'rights', 'left']);
  });

  it('appends to the log only right after the head (409 log_conflict otherwise)', async () => {
    const parent = await createParentMap(app);
    const member = await addMember(app, parent, 'write');
    const log = `/api/maps/${parent.mapId}/log`;
    // replaying an accepted record (seq 2) is a conflict: the log is append-only
    const replay = await capabilityRequest(app, 'POST', log, parent.capability, {
      records: [toBase64Url(parent.records[1] ?? new Uint8Array())],
    });
    expectError(replay, 409, 'log_conflict');
    expectError(
      await capabilityRequest(app, 'POST', log, member.capability, {
        records: [toBase64Url(parent.records[1] ?? new Uint8Array())],
      }),
      403,
      'insufficient_rights',
    );
    const after = await capabilityRequest(app, 'GET', `${log}?after=1`, member.capability);
    expect(after.json<{ records: { seq: number }[]; headSeq: number }>()).toMatchObject({
      records: [{ seq: 2 }],
      headSeq: 2,
    });
  });
});
