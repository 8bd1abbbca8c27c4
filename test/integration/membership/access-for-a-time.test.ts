// Access for a time (decision 0030): the server refuses a capability after its last day with
// `access_ended`, and the parent's device ends it from the signed log even if the server does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendLogEntry,
  fromBase64Url,
  loadSodium,
  toBase64Url,
  verifyLog,
  type LogState,
} from '../../../shared/crypto/index.js';
import { addDays, dayString, hasEnded } from '../../../shared/time/day.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testClock } from '../../helpers/clock.js';
import { testDatabases } from '../../helpers/databases.js';
import {
  approval,
  capabilityRequest,
  createParentMap,
  invite,
  readLog,
  requestToJoin,
  type Parent,
} from '../../helpers/membership.js';
import { removalRequest } from '../../helpers/removal.js';

const databases = testDatabases();
const clock = testClock();

/** The parent approves a joiner with an UNTIL record after the ADD and the end date on the slot. */
async function approveUntil(app: App, parent: Parent, until: string) {
  const created = await invite(app, parent);
  const joiner = await requestToJoin(app, created.secret, 'Kim');
  const approved = approval(
    parent,
    created.inviteId,
    { signPublicKey: joiner.signer.publicKey, boxPublicKey: joiner.box.publicKey },
    'read',
  );
  const timed = appendLogEntry({
    log: approved.log,
    change: { type: 'UNTIL', data: { slotId: approved.slotId, until } },
    baseKey: parent.keys.base,
    signer: parent.signer,
  });
  const response = await capabilityRequest(
    app,
    'POST',
    `/api/maps/${parent.mapId}/requests/${joiner.requestId}/approve`,
    parent.capability,
    {
      ...approved.payload,
      logRecords: [toBase64Url(approved.record), toBase64Url(timed.record)],
      accessUntil: until,
    },
  );
  expect(response.statusCode, response.body).toBe(200);
  parent.log = timed.log;
  parent.records.push(approved.record, timed.record);
  return {
    slotId: approved.slotId,
    capability: approved.capability,
    keyBundle: approved.payload['keyBundle'] as string,
  };
}

/** What the parent's device does on open: verify the log the server serves, and read the end dates. */
async function verifiedLog(app: App, parent: Parent): Promise<LogState> {
  const records = await readLog(app, parent.mapId, parent.capability);
  return verifyLog({ mapId: parent.mapId, records, keysByEpoch: { 1: parent.keys.base } });
}

describe.each(databases)('access for a time on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database, { now: clock.now });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses the capability with access_ended once the server clock passes the last day', async () => {
    clock.set(Date.now());
    const parent = await createParentMap(app);
    const until = addDays(dayString(clock.now()), 3);
    const member = await approveUntil(app, parent, until);
    const url = `/api/maps/${parent.mapId}`;

    clock.advanceDays(3); // her last day: still in
    expect((await capabilityRequest(app, 'GET', url, member.capability)).statusCode).toBe(200);

    clock.advanceDays(1);
    for (const path of ['', '/log', '/cards']) {
      const refused = await capabilityRequest(app, 'GET', url + path, member.capability);
      expect(refused.statusCode, refused.body).toBe(410);
      expect(refused.json()).toEqual({
        error: { code: 'access_ended', message: expect.any(String), accessUntil: until },
      });
    }
    // the parent's own capability has no end
    expect((await capabilityRequest(app, 'GET', url, parent.capability)).statusCode).toBe(200);
  });

  it('lets the parent extend before the end, and refuses an end date for an owner or a non-day', async () => {
    clock.set(Date.now());
    const parent = await createParentMap(app);
    const until = addDays(dayString(clock.now()), 1);
    const member = await approveUntil(app, parent, until);
    const later = addDays(until, 14);
    const extended = appendLogEntry({
      log: parent.log,
      change: { type: 'UNTIL', data: { slotId: member.slotId, until: later } },
      baseKey: parent.keys.base,
      signer: parent.signer,
    });
    const ring = member.keyBundle;
    const put = (body: Record<string, unknown>, slotId = member.slotId) =>
      capabilityRequest(
        app,
        'PUT',
        `/api/maps/${parent.mapId}/slots/${slotId}`,
        parent.capability,
        { rights: 'read', keyBundle: ring, ...body },
      );
    const bad = await put({ accessUntil: '2026-02-30' });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.code).toBe('invalid_request');
    const owner = await put({ rights: 'admin', accessUntil: later });
    expect(owner.json().error.code).toBe('invalid_request');

    const ok = await put({ accessUntil: later, logRecords: [toBase64Url(extended.record)] });
    expect(ok.statusCode, ok.body).toBe(200);
    parent.log = extended.log;
    clock.advanceDays(5);
    const read = await capabilityRequest(
      app,
      'GET',
      `/api/maps/${parent.mapId}`,
      member.capability,
    );
    expect(read.statusCode, read.body).toBe(200);
    expect((await verifiedLog(app, parent)).members[member.slotId]?.until).toBe(later);
  });

  it('a server that keeps serving after the end does not stop the parent’s device removing her', async () => {
    clock.set(Date.now());
    const parent = await createParentMap(app);
    const until = addDays(dayString(clock.now()), 2);
    const member = await approveUntil(app, parent, until);
    // the adversary: the server quietly drops the end date and keeps serving her
    await app.db
      .updateTable('map_slots')
      .set({ access_until: null })
      .where('id', '=', member.slotId)
      .execute();
    clock.advanceDays(10);
    const served = await capabilityRequest(
      app,
      'GET',
      `/api/maps/${parent.mapId}`,
      member.capability,
    );
    expect(served.statusCode).toBe(200);

    // the parent's device reads the end date from the signed log, with its own clock
    const log = await verifiedLog(app, parent);
    const ended = Object.values(log.members).filter(
      (m) => m.until !== undefined && hasEnded(m.until, clock.now()),
    );
    expect(ended.map((m) => m.slotId)).toEqual([member.slotId]);
    // a server cannot forge a later end date: the log is signed by an owner
    const forged = fromBase64Url(toBase64Url(parent.records.at(-1)!));
    forged[forged.length - 1]! ^= 1;
    expect(() =>
      verifyLog({
        mapId: parent.mapId,
        records: [...parent.records.slice(0, -1), forged],
        keysByEpoch: { 1: parent.keys.base },
      }),
    ).toThrow(/does not verify/);

    const { payload } = removalRequest(parent, [member.slotId], 1);
    const removed = await capabilityRequest(
      app,
      'POST',
      `/api/maps/${parent.mapId}/remove`,
      parent.capability,
      payload,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    const after = await capabilityRequest(
      app,
      'GET',
      `/api/maps/${parent.mapId}`,
      member.capability,
    );
    expect(after.statusCode).toBe(404);
  });
});
