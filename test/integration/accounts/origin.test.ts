// The routes the refresh cookie reaches (/api/accounts/…) answer only the app's own pages (decision 0010).
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { bearer, logIn, refreshCookie, signUp, withRefreshCookie } from '../../helpers/accounts.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

const databases = testDatabases();
const HOST = 'netwerkkaart.test:8651';
const OWN = `http://${HOST}`;

describe.each(databases)('the Origin check on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const refresh = (token: string, headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/api/accounts/refresh',
      headers: { host: HOST, ...withRefreshCookie(token), ...headers },
    });

  const expectRefused = (response: LightMyRequestResponse) => {
    const error = expectError(response, 403, 'cross_origin');
    expect(error.message).toMatch(/another website/);
    // nothing of the session was touched: no new cookie, no cleared cookie
    expect(response.headers['set-cookie']).toBeUndefined();
  };

  it('refuses a cross-origin refresh and leaves the session alone', async () => {
    const user = await signUp(app);
    const { refreshToken } = await logIn(app, user.username);
    expectRefused(await refresh(refreshToken, { origin: 'https://kwaad.example' }));
    expectRefused(
      await refresh(refreshToken, {
        origin: 'https://kwaad.example',
        'sec-fetch-site': 'cross-site',
      }),
    );
    // the same host on another port is another origin
    expectRefused(await refresh(refreshToken, { origin: 'http://netwerkkaart.test:8652' }));
    expectRefused(await refresh(refreshToken, { origin: 'null' }));
    expectRefused(await refresh(refreshToken, { origin: `${OWN}/pad` }));
    // Sec-Fetch-Site speaks for a browser that left Origin out
    expectRefused(await refresh(refreshToken, { 'sec-fetch-site': 'cross-site' }));
    expectRefused(await refresh(refreshToken, { 'sec-fetch-site': 'same-site' }));
    expectRefused(await refresh(refreshToken, { origin: OWN, 'sec-fetch-site': 'same-site' }));

    // the refused attempts spent nothing: the same token still refreshes, from the app itself
    const own = await refresh(refreshToken, { origin: OWN, 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode, own.body).toBe(200);
    expect(refreshCookie(own)).not.toBe(refreshToken);
  });

  it('answers the app itself, and clients that are no browser', async () => {
    const user = await signUp(app);
    const first = await logIn(app, user.username);
    const own = await refresh(first.refreshToken, { origin: OWN });
    expect(own.statusCode, own.body).toBe(200);
    // no Origin and no Sec-Fetch-Site: a script with the token in hand, not a browser adding a cookie
    const script = await refresh(refreshCookie(own), {});
    expect(script.statusCode, script.body).toBe(200);
  });

  it('believes Sec-Fetch-Site same-origin when a proxy rewrote Host, and without it compares Host', async () => {
    const user = await signUp(app);
    const { refreshToken } = await logIn(app, user.username);
    const behindProxy = { host: '127.0.0.1:8080', origin: 'https://netwerkkaart.example' };
    expectRefused(await refresh(refreshToken, behindProxy));
    const browser = await refresh(refreshToken, {
      ...behindProxy,
      'sec-fetch-site': 'same-origin',
    });
    expect(browser.statusCode, browser.body).toBe(200);
  });

  it('checks every route under /api/accounts, not the bearer routes the cookie never reaches', async () => {
    const user = await signUp(app);
    const { accessToken, refreshToken } = await logIn(app, user.username);
    const cross = { host: HOST, origin: 'https://kwaad.example' };
    for (const url of ['', '/prelogin', '/login', '/refresh', '/logout']) {
      const response = await app.inject({
        method: 'POST',
        url: `/api/accounts${url}`,
        headers: { ...cross, ...withRefreshCookie(refreshToken) },
        payload: {},
      });
      expectError(response, 403, 'cross_origin');
    }
    const account = await app.inject({
      method: 'GET',
      url: '/api/account',
      headers: { ...cross, ...bearer(accessToken) },
    });
    expect(account.statusCode, account.body).toBe(200);
  });
});

describe('the Origin check with PUBLIC_ORIGIN', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(databases[0]!, {
      env: { PUBLIC_ORIGIN: 'https://netwerkkaart.example/' },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const prelogin = (headers: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/api/accounts/prelogin',
      // behind a proxy the app sees its own address as Host
      headers: { host: '127.0.0.1:8650', ...headers },
      payload: { username: 'iemand' },
    });

  it('accepts exactly that origin, scheme included', async () => {
    expect((await prelogin({ origin: 'https://netwerkkaart.example' })).statusCode).toBe(200);
    expectError(await prelogin({ origin: 'http://netwerkkaart.example' }), 403, 'cross_origin');
    expectError(await prelogin({ origin: 'http://127.0.0.1:8650' }), 403, 'cross_origin');
  });
});
