// The logs never hold a capability, a bearer token, a refresh token, an IP address or a request body.
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { bearer, logIn, signUp, withRefreshCookie } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { b64, createMap, mapRequest, writeMap } from '../../helpers/maps.js';
import { SAMPLE_EVERY } from '../../../server/infra/request-log.js';

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
    await writeMap(app, `/api/maps/${map.mapId}`, map.capability, 1, secretBody);
    await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability);
    // a refused map read is always logged (successes only as a sample, see below)
    await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, b64(randomBytes(32)));
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

  it('logs map reads and writes as a sample, and every failure of them', async () => {
    const map = await createMap(app);
    const url = `/api/maps/${map.mapId}`;
    const mapLines = () =>
      lines
        .map(
          (line) =>
            JSON.parse(line) as {
              req?: { route?: string };
              res?: { statusCode?: number };
              sampled?: number;
            },
        )
        .filter((line) => line.req?.route === '/api/maps/:mapId');
    const before = mapLines().length;
    for (let i = 0; i < SAMPLE_EVERY * 2; i++) await mapRequest(app, 'GET', url, map.capability);
    const sampled = mapLines().slice(before);
    expect(sampled).toHaveLength(2);
    for (const line of sampled)
      expect(line).toMatchObject({ sampled: SAMPLE_EVERY, res: { statusCode: 200 } });
    const stale = await writeMap(app, url, map.capability, 7, randomBytes(10));
    expect(stale.statusCode).toBe(409);
    expect(mapLines().at(-1)).toMatchObject({ res: { statusCode: 409 } });
    // other routes keep both lines of every request
    const incoming = lines.filter((line) => line.includes('"msg":"incoming request"')).length;
    await mapRequest(app, 'GET', `${url}/versions`, map.capability);
    expect(lines.filter((line) => line.includes('"msg":"incoming request"')).length).toBe(
      incoming + 1,
    );
  });
});
