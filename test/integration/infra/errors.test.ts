// Unexpected failures answer 500 internal_error with a generic message; the details go to the log only.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import { createMap, mapRequest } from '../../helpers/maps.js';

const databases = testDatabases();

describe.each(databases)('unexpected errors on $engine', (database) => {
  let app: App;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildTestApp(database, { env: { LOG_LEVEL: 'error' }, logStream: stream });
    // a route that fails the way a bug would; added before ready, as any route is
    app.get('/api/test/explode', async () => {
      throw new Error('kaboom: internal detail /srv/app/secret.ts');
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers a thrown error with 500 internal_error and no stack trace', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/test/explode' });
    const error = expectError(response, 500, 'internal_error');
    expect(response.body).not.toContain('kaboom');
    expect(response.body).not.toContain('secret.ts');
    expect(response.body).not.toContain('stack');
    expect(error.message).toMatch(/went wrong/);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    const logged = lines.join('');
    expect(logged).toContain('kaboom');
    expect(logged).toContain('"level":50');
  });

  it('answers a database failure with 500 internal_error', async () => {
    const map = await createMap(app);
    await sql`drop table map_versions`.execute(app.db);
    // an older version comes from map_versions (the latest is read beside the map row)
    const url = `/api/maps/${map.mapId}/versions/1`;
    const response = await mapRequest(app, 'GET', url, map.capability);
    const error = expectError(response, 500, 'internal_error');
    expect(JSON.stringify(error)).not.toMatch(/map_versions|sqlite|relation|SQL/i);
  });
});
