// Maps end to end: create, read, versioned writes with conflicts, history, access log, deletion.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogResponse, VersionsResponse } from '../../../shared/api/maps.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import {
  addSlot,
  b64,
  createMap,
  mapRequest,
  newMapRequest,
  readOf,
  writeMap,
  writtenVersion,
} from '../../helpers/maps.js';

const databases = testDatabases();

describe.each(databases)('maps on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates a map and reads it back with the slot key bundle and rights', async () => {
    const map = await createMap(app);
    const read = await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability);
    expect(read.headers.etag).toBe('"v1"');
    expect(read.headers['nk-version']).toBe('1');
    const body = readOf(read);
    expect(body).toMatchObject({
      mapId: map.mapId,
      version: 1,
      body: map.body,
      keyBundle: map.keyBundle,
      rights: 'admin',
    });
    expect(body.createdAt).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses a second map with the same id (409 map_exists) and keeps the first', async () => {
    const map = await createMap(app);
    const { capability: _c, ...again } = newMapRequest();
    expectError(
      await app.inject({
        method: 'POST',
        url: '/api/maps',
        payload: { ...again, mapId: map.mapId },
      }),
      409,
      'map_exists',
    );
    const read = await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability);
    expect(readOf(read).body).toBe(map.body);
  });

  it('writes on top of the latest version and refuses a stale base with 409', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const v2 = b64(randomBytes(3000));
    const write = await writeMap(app, url, map.capability, 1, v2);
    expect(writtenVersion(write)).toBe(2);
    expect(write.headers['nk-version']).toBe('2');

    const stale = await writeMap(app, url, map.capability, 1, b64(randomBytes(10)));
    const error = expectError(stale, 409, 'version_conflict');
    expect(error.latestVersion).toBe(2);
    const ahead = await writeMap(app, url, map.capability, 7, b64(randomBytes(10)));
    expect(expectError(ahead, 409, 'version_conflict').latestVersion).toBe(2);

    const read = readOf(await mapRequest(app, 'GET', url, map.capability));
    expect(read).toMatchObject({ version: 2, body: v2 });
  });

  it('lets exactly one of many concurrent writers on the same base version win', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const bodies = Array.from({ length: 8 }, () => b64(randomBytes(500)));
    const answers = await Promise.all(
      bodies.map((body) => writeMap(app, url, map.capability, 1, body)),
    );
    const winners = answers.filter((a) => a.statusCode === 204);
    const losers = answers.filter((a) => a.statusCode === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(bodies.length - 1);
    for (const loser of losers)
      expect(expectError(loser, 409, 'version_conflict').latestVersion).toBe(2);

    const winnerBody = bodies[answers.indexOf(winners[0]!)];
    const read = readOf(await mapRequest(app, 'GET', url, map.capability));
    expect(read).toMatchObject({ version: 2, body: winnerBody });
    const versions = await app.db
      .selectFrom('map_versions')
      .select('version')
      .where('map_id', '=', map.mapId)
      .execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('keeps racing writers consistent round after round', async () => {
    // on PostgreSQL the pool runs these on separate connections: the row lock and primary key decide
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    let base = 1;
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all(
        [0, 1, 2, 3].map(() => writeMap(app, url, map.capability, base, b64(randomBytes(64)))),
      );
      expect(answers.filter((a) => a.statusCode === 204)).toHaveLength(1);
      base += 1;
    }
    expect(readOf(await mapRequest(app, 'GET', url, map.capability)).version).toBe(6);
  });

  it('lists versions newest first, paged with before and limit, and reads one version', async () => {
    const map = await createMap(app, 100);
    const url = `/api/maps/${map.mapId}`;
    const sizes = [100];
    for (let base = 1; base < 6; base++) {
      const size = 100 + base * 10;
      sizes.push(size);
      const put = await writeMap(app, url, map.capability, base, b64(randomBytes(size)));
      expect(writtenVersion(put)).toBe(base + 1);
    }
    const all = (
      await mapRequest(app, 'GET', `${url}/versions`, map.capability)
    ).json<VersionsResponse>();
    expect(all.versions.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(all.versions.map((v) => v.size)).toEqual([...sizes].reverse());

    const page = await mapRequest(app, 'GET', `${url}/versions?before=5&limit=2`, map.capability);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<VersionsResponse>().versions.map((v) => v.version)).toEqual([4, 3]);

    const one = await mapRequest(app, 'GET', `${url}/versions/1`, map.capability);
    expect(one.statusCode).toBe(200);
    expect(one.headers['content-type']).toBe('application/octet-stream');
    expect(one.headers.etag).toBe('"v1"');
    expect(one.headers['nk-version']).toBe('1');
    expect(Number(one.headers['nk-created-at']) % 60_000).toBe(0);
    expect(b64(one.rawPayload)).toBe(map.body);
    expectError(
      await mapRequest(app, 'GET', `${url}/versions/99`, map.capability),
      404,
      'version_not_found',
    );
  });

  it('shows reads per slot in the access log (admin only)', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const reader = await addSlot(app, map.mapId, 'read');
    for (let i = 0; i < 3; i++)
      expect((await mapRequest(app, 'GET', url, reader)).statusCode).toBe(200);
    expect((await mapRequest(app, 'GET', url, map.capability)).statusCode).toBe(200);

    expectError(await mapRequest(app, 'GET', `${url}/access`, reader), 403, 'insufficient_rights');
    const log = await mapRequest(app, 'GET', `${url}/access`, map.capability);
    expect(log.statusCode, log.body).toBe(200);
    const { slots } = log.json<AccessLogResponse>();
    expect(slots).toHaveLength(2);
    const admin = slots.find((s) => s.rights === 'admin');
    const readOnly = slots.find((s) => s.rights === 'read');
    // the reader: 3 reads and 1 refused access-log request
    expect(readOnly?.accesses.reduce((sum, a) => sum + a.count, 0)).toBe(4);
    // the admin: 1 read and this access-log request
    expect(admin?.accesses.reduce((sum, a) => sum + a.count, 0)).toBe(2);
    expect(readOnly?.lastSeenAt).toBe(readOnly?.accesses[0]?.at);
    expect((readOnly?.accesses[0]?.at ?? 0) % 60_000).toBe(0);
  });

  it('writes access counts in the background, not inside each read', async () => {
    const map = await createMap(app);
    await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability);
    const slot = await app.db
      .selectFrom('map_slots')
      .select('id')
      .where('map_id', '=', map.mapId)
      .executeTakeFirstOrThrow();
    const count = async () =>
      (
        await app.db
          .selectFrom('slot_access')
          .select('count')
          .where('slot_id', '=', slot.id)
          .execute()
      ).reduce((sum, row) => sum + row.count, 0);
    await app.accessRecorder.flush();
    expect(await count()).toBe(1);
    await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability);
    await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await count()).toBe(3);
  });

  it('enforces rights: read cannot write, write cannot delete or see the log', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const reader = await addSlot(app, map.mapId, 'read');
    const writer = await addSlot(app, map.mapId, 'write');
    const readerRead = readOf(await mapRequest(app, 'GET', url, reader));
    expect(readerRead.rights).toBe('read');

    expectError(await writeMap(app, url, reader, 1, 'AAAA'), 403, 'insufficient_rights');
    const byWriter = await writeMap(app, url, writer, 1, 'AAAA');
    expect(writtenVersion(byWriter)).toBe(2);
    expectError(await mapRequest(app, 'DELETE', url, writer), 403, 'insufficient_rights');
    expectError(await mapRequest(app, 'GET', `${url}/access`, writer), 403, 'insufficient_rights');
    expect(readOf(await mapRequest(app, 'GET', url, map.capability)).version).toBe(2);
  });

  it('deletes a map (admin): afterwards it is not found for anybody', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const reader = await addSlot(app, map.mapId, 'read');
    await mapRequest(app, 'GET', url, reader);
    const gone = await mapRequest(app, 'DELETE', url, map.capability);
    expect(gone.statusCode).toBe(204);
    await app.accessRecorder.flush();
    expectError(await mapRequest(app, 'GET', url, map.capability), 404, 'map_not_found');
    expectError(await mapRequest(app, 'GET', url, reader), 404, 'map_not_found');
    const rows = await app.db
      .selectFrom('map_versions')
      .select('version')
      .where('map_id', '=', map.mapId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('answers unknown map and wrong capability with the same 404', async () => {
    const map = await createMap(app);
    const other = await createMap(app);
    const wrongCapability = await mapRequest(
      app,
      'GET',
      `/api/maps/${map.mapId}`,
      other.capability,
    );
    const unknownMap = await mapRequest(
      app,
      'GET',
      `/api/maps/${b64(randomBytes(16))}`,
      map.capability,
    );
    const a = expectError(wrongCapability, 404, 'map_not_found');
    const b = expectError(unknownMap, 404, 'map_not_found');
    expect(a).toEqual(b);
  });
});
