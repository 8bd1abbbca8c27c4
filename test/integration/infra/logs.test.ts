// The logs never hold a capability, a bearer token, a refresh token, an IP address or a request body.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { bearer, logIn, signUp, withRefreshCookie } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { b64, createMap, mapRequest } from '../../helpers/maps.js';

const databases = testDatabases();

describe.each(databases)('logs on $engine', (database) => {
  let app: App;
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });

  beforeAll(async () => {
    app = await buildTestApp(database, { env: { LOG_LEVEL: 'trace' }, logStream: stream });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('logs requests, but none of their secrets or bodies', async () => {
    const user = await signUp(app);
    const session = await logIn(app, user.username);
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/accounts/refresh',
      headers: withRefreshCookie(session.refreshToken),
    });
    expect(refreshed.statusCode).toBe(200);
    const map = await createMap(app);
    const secretBody = b64(randomBytes(300));
    await mapRequest(app, 'PUT', `/api/maps/${map.mapId}`, map.capability, {
      baseVersion: 1,
      body: secretBody,
    });
    await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability);
    await app.inject({ method: 'GET', url: '/api/account', headers: bearer(session.accessToken) });
    // failures are logged too, still without what was sent
    await app.inject({
      method: 'POST',
      url: '/api/accounts/prelogin',
      remoteAddress: '203.0.113.9',
      payload: { username: 'geheime-naam-in-body', extra: 'geheim-extra-veld' },
    });
    await app.inject({
      method: 'POST',
      url: '/api/accounts/prelogin',
      payload: '{"username": "kapotte-json',
      headers: { 'content-type': 'application/json' },
    });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('"route":"/api/maps/:mapId"');
    const secrets = {
      capability: map.capability,
      capabilityHash: Buffer.from(map.capability, 'base64url').toString('hex'),
      bearer: session.accessToken,
      refreshedBearer: refreshed.json<{ accessToken: string }>().accessToken,
      refreshToken: session.refreshToken,
      rotatedRefreshToken:
        refreshed.cookies.find((c) => c.name === 'nk_refresh')?.value ?? 'missing',
      mapBody: secretBody.slice(0, 40),
      initialBody: map.body.slice(0, 40),
      keyBundle: map.keyBundle.slice(0, 40),
      keyring: user.registration.keyring.slice(0, 40),
      wrappedKey: user.registration.wrappedAccountKey.slice(0, 40),
      username: user.username,
      usernameInBody: 'geheime-naam-in-body',
      extraField: 'geheim-extra-veld',
      brokenJson: 'kapotte-json',
      ip: '203.0.113.9',
      localIp: '127.0.0.1',
      mapId: map.mapId,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect(log.includes(secret), `${name} appears in the log`).toBe(false);
    }
  });
});
