// A hostile server altering the stored log or versions is refused by clients (shared/crypto on the test's
// client side); a removal missing a key ring changes nothing; live events reach subscribers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  decryptMapVersion,
  encryptMapVersion,
  logHeadOf,
  isCryptoError,
  isLogInvalid,
  loadSodium,
  logRecordHash,
  openKeyRing,
  utf8Encode,
  verifyLog,
  type LogPin,
} from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import { replaceVersionBody, serveAsLatest } from '../../helpers/adversary.js';
import {
  addMember,
  capabilityRequest,
  createParentMap,
  readLog,
  readMap,
  type Parent,
} from '../../helpers/membership.js';
import { removalRequest } from '../../helpers/removal.js';
import { writeMap } from '../../helpers/maps.js';

const databases = testDatabases();

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isLogInvalid(error)) return error.reason;
    if (isCryptoError(error)) return error.code;
    throw error;
  }
  return 'accepted';
}

/** Writes version baseVersion + 1 of the parent's map through the API. */
async function writeVersion(app: App, parent: Parent, version: number, text: string) {
  const body = encryptMapVersion({
    mapId: parent.mapId,
    epoch: 1,
    version,
    sections: { base: utf8Encode(text) },
    keys: parent.keys,
    signer: parent.signer,
    logHead: logHeadOf(parent.log),
  });
  const put = await writeMap(
    app,
    `/api/maps/${parent.mapId}`,
    parent.capability,
    version - 1,
    body,
  );
  expect(put.statusCode, put.body).toBe(204);
}

describe.each(databases)('tampering, atomicity and live events on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    await loadSodium();
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  async function mapWithMembers() {
    const parent = await createParentMap(app);
    await addMember(app, parent, 'read');
    await addMember(app, parent, 'write');
    const records = await readLog(app, parent.mapId, parent.capability);
    const state = verifyLog({ mapId: parent.mapId, records, keysByEpoch: { 1: parent.keys.base } });
    const pin: LogPin = { seq: state.seq, headHash: state.headHash };
    return { parent, pin };
  }

  const verify = async (parent: Parent, pinned: LogPin) => {
    const records = await readLog(app, parent.mapId, parent.capability);
    return refusal(() =>
      verifyLog({ mapId: parent.mapId, records, keysByEpoch: { 1: parent.keys.base }, pinned }),
    );
  };

  it('refuses a forged, dropped, reordered or rolled-back log', async () => {
    const forged = await mapWithMembers();
    const stored = await app.db
      .selectFrom('map_log')
      .select('record')
      .where('map_id', '=', forged.parent.mapId)
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const altered = Buffer.from(stored.record);
    altered[altered.length - 5] = (altered[altered.length - 5] ?? 0) ^ 1;
    await app.db
      .updateTable('map_log')
      .set({ record: altered })
      .where('map_id', '=', forged.parent.mapId)
      .where('seq', '=', 2)
      .execute();
    expect(await verify(forged.parent, forged.pin)).toBe('forged');

    const dropped = await mapWithMembers();
    await app.db
      .deleteFrom('map_log')
      .where('map_id', '=', dropped.parent.mapId)
      .where('seq', '=', 2)
      .execute();
    expect(await verify(dropped.parent, dropped.pin)).toBe('broken-chain');

    // swap the stored seq numbers of records 2 and 3: served in the other order
    const reordered = await mapWithMembers();
    const mapId = reordered.parent.mapId;
    await sql`update map_log set seq = 100 where map_id = ${mapId} and seq = 2`.execute(app.db);
    await sql`update map_log set seq = 2 where map_id = ${mapId} and seq = 3`.execute(app.db);
    await sql`update map_log set seq = 3 where map_id = ${mapId} and seq = 100`.execute(app.db);
    expect(await verify(reordered.parent, reordered.pin)).toBe('broken-chain');

    // serve the log as it was before the last ADD: shorter than the client's pin
    const rolledBack = await mapWithMembers();
    await app.db
      .deleteFrom('map_log')
      .where('map_id', '=', rolledBack.parent.mapId)
      .where('seq', '=', rolledBack.pin.seq)
      .execute();
    expect(await verify(rolledBack.parent, rolledBack.pin)).toBe('rollback');

    // untouched, the same check accepts
    const clean = await mapWithMembers();
    expect(await verify(clean.parent, clean.pin)).toBe('accepted');
    expect(logRecordHash(new Uint8Array([1]))).toHaveLength(32);
  });

  it('refuses an older version served as the latest, and a version body altered in place', async () => {
    const { parent } = await mapWithMembers();
    await writeVersion(app, parent, 2, '{"people":["v2"]}');
    const pinnedVersion = 2;
    // the server points "latest" back at version 1
    await serveAsLatest(app, parent.mapId, 1);
    const served = await readMap(app, parent.mapId, parent.capability);
    expect(served.version).toBeLessThan(pinnedVersion);
    // the client pins the highest version it saw; an older one claimed as version 2 does not verify
    expect(
      refusal(() =>
        decryptMapVersion({
          mapId: parent.mapId,
          version: pinnedVersion,
          body: served.body,
          keys: parent.keys,
        }),
      ),
    ).toBe('bad-signature');
    // a body altered in the database does not verify either
    await serveAsLatest(app, parent.mapId, 2);
    const row = await app.db
      .selectFrom('map_versions')
      .select('body')
      .where('map_id', '=', parent.mapId)
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    const altered = Buffer.from(row.body);
    altered[12] = (altered[12] ?? 0) ^ 1;
    await replaceVersionBody(app, parent.mapId, altered, 2);
    const read = await readMap(app, parent.mapId, parent.capability);
    expect(
      refusal(() =>
        decryptMapVersion({
          mapId: parent.mapId,
          version: read.version,
          body: read.body,
          keys: parent.keys,
        }),
      ),
    ).toBe('bad-signature');
  });

  it('changes nothing when a removal lacks a key ring for a remaining slot', async () => {
    const parent = await createParentMap(app);
    const stays = await addMember(app, parent, 'read');
    const goes = await addMember(app, parent, 'write');
    const { payload } = removalRequest(parent, [goes.slotId], 1);
    const bundles = payload.keyBundles;
    const before = {
      log: await readLog(app, parent.mapId, parent.capability),
      map: await readMap(app, parent.mapId, stays.capability),
    };
    const { [stays.slotId]: _missing, ...withoutOne } = bundles;
    const url = `/api/maps/${parent.mapId}/remove`;
    expectError(
      await capabilityRequest(app, 'POST', url, parent.capability, {
        ...payload,
        keyBundles: withoutOne,
      }),
      400,
      'key_bundles_mismatch',
    );
    // a stale base version fails after the log records were inserted: the transaction rolls them back
    expectError(
      await capabilityRequest(app, 'POST', url, parent.capability, { ...payload, baseVersion: 7 }),
      409,
      'version_conflict',
    );
    expect(await readLog(app, parent.mapId, parent.capability)).toEqual(before.log);
    expect(await readMap(app, parent.mapId, stays.capability)).toEqual(before.map);
    expect((await readMap(app, parent.mapId, goes.capability)).rights).toBe('write');

    const done = await capabilityRequest(app, 'POST', url, parent.capability, payload);
    expect(done.statusCode, done.body).toBe(200);
    const staysRead = await readMap(app, parent.mapId, stays.capability);
    const ring = openKeyRing(staysRead.keyBundle, stays.member.box, {
      mapId: parent.mapId,
      slotId: staysRead.slotId,
    });
    expect(Object.keys(ring.epochs).sort()).toEqual(['1', '2']);
  });

  it('streams version, log, slots and removed events; a removed slot’s stream ends', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const parent = await createParentMap(app);
    const member = await addMember(app, parent, 'write');
    const subscribe = async (capability: string) => {
      const response = await fetch(`${address}/api/maps/${parent.mapId}/events`, {
        headers: { 'nk-capability': capability },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      const reader = response.body?.getReader();
      if (!reader) throw new Error('no stream');
      let text = '';
      const decoder = new TextDecoder();
      const waitForText = async (marker: string): Promise<string> => {
        while (!text.includes(marker)) {
          const chunk = await reader.read();
          if (chunk.done) throw new Error(`stream ended without ${marker}: ${text}`);
          text += decoder.decode(chunk.value);
        }
        return text;
      };
      const waitFor = (event: string) => waitForText(`event: ${event}\n`);
      const ended = async () => {
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) return true;
          text += decoder.decode(chunk.value);
        }
      };
      await waitForText(': connected');
      return { waitFor, ended };
    };
    const parentStream = await subscribe(parent.capability);
    const memberStream = await subscribe(member.capability);

    await writeVersion(app, parent, 2, '{"people":[]}');
    expect(await parentStream.waitFor('version')).toContain(`"mapId":"${parent.mapId}"`);
    expect(await memberStream.waitFor('version')).not.toContain('people');

    const { payload } = removalRequest(parent, [member.slotId], 2);
    const removed = await capabilityRequest(
      app,
      'POST',
      `/api/maps/${parent.mapId}/remove`,
      parent.capability,
      payload,
    );
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await memberStream.waitFor('removed')).toContain('event: removed');
    expect(await memberStream.ended()).toBe(true);
    const parentText = await parentStream.waitFor('slots');
    expect(parentText).toContain('event: log');
    expect(parentText).not.toContain('event: removed');
    // the parent's stream stays open; app.close() in afterAll ends it
  });
});
