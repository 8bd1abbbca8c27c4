// "Stay signed in" decides the refresh cookie's life (decision 0024): 30 days on her own device,
// while the browser is open on someone else's, and a renewal keeps the choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../../server/app.js';
import { attemptLogin, refreshCookie, signUp } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';

const databases = testDatabases();
const THIRTY_DAYS_S = 30 * 24 * 60 * 60;

function cookie(response: LightMyRequestResponse, name: string) {
  return response.cookies.find((c) => c.name === name);
}

/** POST /api/accounts/refresh with the cookies a browser would send. */
function refresh(app: App, cookies: Record<string, string>): Promise<LightMyRequestResponse> {
  const header = Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  return app.inject({ method: 'POST', url: '/api/accounts/refresh', headers: { cookie: header } });
}

describe.each(databases)('the refresh cookie and "stay signed in" on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('her own device (stay): a 30-day cookie, also after a refresh', async () => {
    const user = await signUp(app);
    const login = await attemptLogin(app, user.username, undefined, { stay: true });
    expect(login.statusCode, login.body).toBe(200);
    expect(cookie(login, 'nk_refresh')?.maxAge).toBe(THIRTY_DAYS_S);
    // a marker left by an earlier shared sign-in goes
    expect(cookie(login, 'nk_refresh_until_close')?.value).toBe('');
    const renewed = await refresh(app, { nk_refresh: refreshCookie(login) });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(cookie(renewed, 'nk_refresh')?.maxAge).toBe(THIRTY_DAYS_S);
  });

  it("someone else's device (stay: false): the cookie ends with the browser, also after a refresh", async () => {
    const user = await signUp(app);
    const login = await attemptLogin(app, user.username, undefined, { stay: false });
    expect(login.statusCode, login.body).toBe(200);
    const token = cookie(login, 'nk_refresh');
    const marker = cookie(login, 'nk_refresh_until_close');
    expect(token).toMatchObject({ path: '/api/accounts', httpOnly: true, sameSite: 'Strict' });
    expect(token?.maxAge).toBeUndefined();
    expect(token?.expires).toBeUndefined();
    expect(marker).toMatchObject({ value: '1', path: '/api/accounts', httpOnly: true });
    expect(marker?.maxAge).toBeUndefined();

    const renewed = await refresh(app, {
      nk_refresh: refreshCookie(login),
      nk_refresh_until_close: '1',
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(cookie(renewed, 'nk_refresh')?.maxAge).toBeUndefined();
    expect(cookie(renewed, 'nk_refresh_until_close')?.value).toBe('1');

    // logout clears both
    const out = await app.inject({
      method: 'POST',
      url: '/api/accounts/logout',
      headers: { cookie: `nk_refresh=${refreshCookie(renewed)}; nk_refresh_until_close=1` },
    });
    expect(out.statusCode).toBe(204);
    expect(cookie(out, 'nk_refresh')?.value).toBe('');
    expect(cookie(out, 'nk_refresh_until_close')?.value).toBe('');
  });

  it('refuses a stay flag that is not a boolean', async () => {
    const user = await signUp(app);
    const response = await attemptLogin(app, user.username, undefined, {
      stay: 'ja' as unknown as boolean,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('invalid_request');
  });
});
