// Map versions as bytes (decision 0027): octet-stream both ways, ETag/If-Match, JSON errors with codes.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../../shared/api/limits.js';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import {
  b64,
  createMap,
  mapRequest,
  readMap,
  readOf,
  writeMap,
  writtenVersion,
} from '../../helpers/maps.js';

const databases = testDatabases();

describe.each(databases)('map versions on the wire on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('round-trips a version byte for byte, every byte value included', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const bytes = Buffer.concat([
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
      randomBytes(5000),
    ]);
    const write = await writeMap(app, url, map.capability, 1, bytes);
    expect(writtenVersion(write)).toBe(2);
    expect(write.body).toBe('');

    const read = await mapRequest(app, 'GET', url, map.capability);
    expect(read.headers['content-type']).toBe('application/octet-stream');
    expect(read.headers['nk-rights']).toBe('admin');
    const decoded = readOf(read);
    expect(Buffer.from(decoded.body, 'base64url').equals(bytes)).toBe(true);
    expect(decoded.keyBundle).toBe(map.keyBundle);
    // the answer is the bytes themselves: key bundle plus body, nothing around them
    expect(read.rawPayload.length).toBe(
      bytes.length + Buffer.from(map.keyBundle, 'base64url').length,
    );

    const old = await mapRequest(app, 'GET', `${url}/versions/2`, map.capability);
    expect(old.rawPayload.equals(bytes)).toBe(true);
  });

  it('puts the version in the ETag of every read', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    expect((await mapRequest(app, 'GET', url, map.capability)).headers.etag).toBe('"v1"');
    writtenVersion(await writeMap(app, url, map.capability, 1, randomBytes(40)));
    const read = await mapRequest(app, 'GET', url, map.capability);
    expect(read.headers.etag).toBe('"v2"');
    expect(read.headers['nk-version']).toBe('2');
    expect(read.headers['cache-control']).toBe('no-store');
    expect((await mapRequest(app, 'GET', `${url}/versions/1`, map.capability)).headers.etag).toBe(
      '"v1"',
    );
  });

  it('refuses a write on a stale If-Match with 409 version_conflict and the latest version in headers', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    writtenVersion(await writeMap(app, url, map.capability, 1, randomBytes(40)));
    const stale = await writeMap(app, url, map.capability, 1, randomBytes(40));
    expect(expectError(stale, 409, 'version_conflict').latestVersion).toBe(2);
    expect(stale.headers.etag).toBe('"v2"');
    expect(stale.headers['nk-version']).toBe('2');
    expect((await readMap(app, map.mapId, map.capability)).version).toBe(2);
  });

  it('refuses a write without a usable If-Match (400 invalid_request)', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    for (const ifMatch of [
      undefined,
      '*',
      'v1',
      '"1"',
      '"v0"',
      '"v01"',
      'W/"v1"',
      '"v99999999999999999"',
    ]) {
      const answer = await app.inject({
        method: 'PUT',
        url,
        headers: {
          'nk-capability': map.capability,
          'content-type': 'application/octet-stream',
          ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
        },
        payload: randomBytes(40),
      });
      expect(expectError(answer, 400, 'invalid_request').message).toContain('If-Match');
    }
    expect((await readMap(app, map.mapId, map.capability)).version).toBe(1);
  });

  it('refuses JSON and other media types with 415 unsupported_media_type', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const headers = { 'nk-capability': map.capability, 'if-match': '"v1"' };
    const json = await app.inject({
      method: 'PUT',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ baseVersion: 1, body: b64(randomBytes(40)) }),
    });
    expect(expectError(json, 415, 'unsupported_media_type').message).toContain(
      'application/octet-stream',
    );
    const text = await app.inject({
      method: 'PUT',
      url,
      headers: { ...headers, 'content-type': 'text/plain' },
      payload: 'hallo',
    });
    expectError(text, 415, 'unsupported_media_type');
    expect((await readMap(app, map.mapId, map.capability)).version).toBe(1);
  });

  it('refuses an empty version (400) and one over the size limit (413 body_too_large)', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const empty = await writeMap(app, url, map.capability, 1, new Uint8Array(0));
    expect(expectError(empty, 400, 'invalid_request').message).toContain('empty');
    const largest = await writeMap(
      app,
      url,
      map.capability,
      1,
      randomBytes(limits.mapBodyMaxBytes),
    );
    expect(writtenVersion(largest)).toBe(2);
    const over = await writeMap(
      app,
      url,
      map.capability,
      2,
      randomBytes(limits.mapBodyMaxBytes + 1),
    );
    expectError(over, 413, 'body_too_large');
    expect((await readMap(app, map.mapId, map.capability)).version).toBe(2);
  });

  it('checks the capability before it reads a body', async () => {
    const map = await createMap(app);
    const other = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const wrong = await writeMap(app, url, other.capability, 1, randomBytes(40));
    expectError(wrong, 404, 'map_not_found');
    // even a body of the wrong type: the capability answers first
    const refused = await app.inject({
      method: 'PUT',
      url,
      headers: { 'nk-capability': other.capability, 'content-type': 'application/json' },
      payload: '{}',
    });
    expectError(refused, 404, 'map_not_found');
  });

  it('keeps the other map routes JSON', async () => {
    const map = await createMap(app);
    const list = await mapRequest(app, 'GET', `/api/maps/${map.mapId}/versions`, map.capability);
    expect(list.headers['content-type']).toMatch(/^application\/json/);
    const missing = await mapRequest(
      app,
      'GET',
      `/api/maps/${map.mapId}/versions/9`,
      map.capability,
    );
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    expectError(missing, 404, 'version_not_found');
  });
});
