// prelogin, login and refresh are rate limited per IP, sign-up per IP in a bucket of its own; others not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { createAccount, loadSodium, TEST_KDF } from '../../../shared/crypto/index.js';
import { uniqueUsername } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

const databases = testDatabases();
const LIMIT = 3;
const SIGN_UP_LIMIT = 2;

describe.each(databases)('rate limits on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database, {
      env: { RATE_LIMIT_LOGIN: String(LIMIT), RATE_LIMIT_SIGNUP: String(SIGN_UP_LIMIT) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const login = (remoteAddress: string) =>
    app.inject({
      method: 'POST',
      url: '/api/accounts/login',
      remoteAddress,
      payload: {
        username: 'iemand',
        challengeId: 'AAAAAAAAAAAAAAAAAAAAAA',
        method: 'passphrase',
        signature: 'A'.repeat(86),
      },
    });

  it('answers 429 too_many_requests after the limit, per IP', async () => {
    for (let i = 0; i < LIMIT; i++) expectError(await login('10.0.0.1'), 401, 'login_failed');
    const limited = await login('10.0.0.1');
    expectError(limited, 429, 'too_many_requests');
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.headers['cache-control']).toBe('no-store');
    // another address is not affected
    expectError(await login('10.0.0.2'), 401, 'login_failed');
  });

  it('limits prelogin and refresh too, but not health', async () => {
    const prelogin = () =>
      app.inject({
        method: 'POST',
        url: '/api/accounts/prelogin',
        remoteAddress: '10.0.0.3',
        payload: { username: 'x' },
      });
    for (let i = 0; i < LIMIT; i++) expect((await prelogin()).statusCode).toBe(200);
    expectError(await prelogin(), 429, 'too_many_requests');

    const refresh = () =>
      app.inject({ method: 'POST', url: '/api/accounts/refresh', remoteAddress: '10.0.0.4' });
    for (let i = 0; i < LIMIT; i++) expectError(await refresh(), 401, 'session_expired');
    expectError(await refresh(), 429, 'too_many_requests');

    for (let i = 0; i < LIMIT + 2; i++) {
      expect(
        (await app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.0.0.3' }))
          .statusCode,
      ).toBe(200);
    }
  });

  it('limits sign-up per hour in its own bucket, so username_taken cannot be probed quickly', async () => {
    await loadSodium();
    const { registration } = createAccount(uniqueUsername(), 'een lange wachtwoordzin', TEST_KDF);
    const signUp = (remoteAddress: string) =>
      app.inject({ method: 'POST', url: '/api/accounts', remoteAddress, payload: registration });
    expect((await signUp('10.0.0.5')).statusCode).toBe(201);
    expectError(await signUp('10.0.0.5'), 409, 'username_taken');
    const limited = await signUp('10.0.0.5');
    expectError(limited, 429, 'too_many_requests');
    expect(limited.headers['cache-control']).toBe('no-store');
    // an hour's window, not prelogin's minute
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60);
    // prelogin from the same address is counted apart
    const prelogin = await app.inject({
      method: 'POST',
      url: '/api/accounts/prelogin',
      remoteAddress: '10.0.0.5',
      payload: { username: registration.username },
    });
    expect(prelogin.statusCode).toBe(200);
    expectError(await signUp('10.0.0.6'), 409, 'username_taken');
  });
});
