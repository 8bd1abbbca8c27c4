// Decision 0029's migration on maps written by the code before it: every map's latest version moves
// beside its map row, history stays whole, and the app reads, writes and deletes the moved maps.
import { createHash, randomBytes } from 'node:crypto';
import { Migrator } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/infra/db/connect.js';
import { migrateToLatest } from '../../../server/infra/db/migrate.js';
import { findSlotWithLatestVersion, listVersions } from '../../../server/maps/repository.js';
import { migrations } from '../../../migrations/index.js';
import { buildAppOn } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { b64, mapBytesOf } from '../../helpers/maps.js';

const databases = testDatabases();
const T = Date.UTC(2026, 11, 7, 9, 12);

/** The body of a map read, whichever way the route sends it (JSON base64url or the bytes). */
/** The version's bytes: the latest read starts with the slot's key bundle (decision 0027). */
function bodyOf(response: LightMyRequestResponse): Buffer {
  if (response.headers['nk-key-bundle-bytes'] !== undefined) {
    return Buffer.from(mapBytesOf(response).body);
  }
  return response.rawPayload;
}

describe.each(databases)('the map-heads migration on $engine', (database) => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('moves each latest version beside its map and keeps every version', async () => {
    const made = await database.create();
    const db = openDatabase(
      made.databaseUrl
        ? { engine: 'postgres', url: made.databaseUrl }
        : { engine: 'sqlite', file: join(made.dataDir, 'netwerkkaart.sqlite') },
    );
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = await migrator.migrateTo('2026-12-07T0200-former-slot-access');
    expect(before.error).toBeUndefined();

    // as the old repository wrote them: the map row names its latest version, versions hold bodies
    const maps = Array.from({ length: 3 }, (_, i) => {
      const capability = randomBytes(32);
      const versions = Array.from({ length: i + 1 }, () => randomBytes(3000 + i * 9000));
      return { id: b64(randomBytes(16)), slotId: b64(randomBytes(16)), capability, versions };
    });
    for (const map of maps) {
      await db
        .insertInto('maps')
        .values({ id: map.id, latest_version: map.versions.length, created_at: T })
        .execute();
      await db
        .insertInto('map_slots')
        .values({
          id: map.slotId,
          map_id: map.id,
          capability_hash: createHash('sha256').update(map.capability).digest(),
          rights: 'admin',
          key_bundle: randomBytes(200),
          created_at: T,
        })
        .execute();
      for (const [index, body] of map.versions.entries()) {
        await db
          .insertInto('map_versions')
          .values({ map_id: map.id, version: index + 1, body, created_at: T + index * 60_000 })
          .execute();
      }
    }

    await migrateToLatest(db);

    for (const map of maps) {
      const hash = createHash('sha256').update(map.capability).digest();
      const opened = await findSlotWithLatestVersion(db, map.id, hash);
      expect(opened?.id).toBe(map.slotId);
      expect(opened?.latest?.version).toBe(map.versions.length);
      expect(opened?.latest?.body.equals(map.versions.at(-1)!)).toBe(true);
      expect(opened?.latest?.created_at).toBe(T + (map.versions.length - 1) * 60_000);
      const history = await listVersions(db, map.id, undefined, 10);
      expect(history.map((v) => [v.version, Number(v.size)])).toEqual(
        map.versions.map((body, index) => [index + 1, body.length]).reverse(),
      );
    }
    await db.destroy();

    // the app on the migrated database: reads the moved head, writes on top of it, deletes
    const app = await buildAppOn(made);
    closers.push(() => app.close());
    const [first, , last] = maps as [(typeof maps)[0], unknown, (typeof maps)[0]];
    const headers = (map: typeof first) => ({ 'nk-capability': b64(map.capability) });
    const read = await app.inject({
      method: 'GET',
      url: `/api/maps/${last.id}`,
      headers: headers(last),
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(bodyOf(read).equals(last.versions.at(-1)!)).toBe(true);

    const next = randomBytes(5000);
    const written = await app.inject({
      method: 'PUT',
      url: `/api/maps/${first.id}`,
      headers: {
        ...headers(first),
        'content-type': 'application/octet-stream',
        'if-match': '"v1"',
      },
      payload: next,
    });
    // the write as the route takes it (bytes, decision 0027); the new body becomes the head
    expect(written.statusCode, written.body).toBe(204);
    const again = await app.inject({
      method: 'GET',
      url: `/api/maps/${first.id}`,
      headers: headers(first),
    });
    expect(bodyOf(again).equals(next)).toBe(true);
    const old = await app.inject({
      method: 'GET',
      url: `/api/maps/${first.id}/versions/1`,
      headers: headers(first),
    });
    expect(bodyOf(old).equals(first.versions[0]!)).toBe(true);
    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/maps/${last.id}`,
      headers: headers(last),
    });
    expect(deleted.statusCode).toBe(204);
    const gone = await app.inject({
      method: 'GET',
      url: `/api/maps/${last.id}`,
      headers: headers(last),
    });
    expect(gone.statusCode).toBe(404);
    expect(
      await app.db
        .selectFrom('map_versions')
        .select('version')
        .where('map_id', '=', last.id)
        .execute(),
    ).toEqual([]);
  });
});
