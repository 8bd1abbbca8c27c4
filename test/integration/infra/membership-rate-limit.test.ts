// Sign-up, map creation and the invite routes are rate limited per IP like login.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import { b64, newMapRequest } from '../../helpers/maps.js';

const databases = testDatabases();
const LIMIT = 3;

describe.each(databases)('rate limits of sign-up, maps and invites on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    // sign-up has a variable of its own (per hour); here both are the same small number
    app = await buildTestApp(database, {
      env: { RATE_LIMIT_LOGIN: String(LIMIT), RATE_LIMIT_SIGNUP: String(LIMIT) },
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  async function limitedAfter(
    send: (remoteAddress: string) => Promise<{ statusCode: number }>,
    address: string,
  ) {
    for (let i = 0; i < LIMIT; i++) expect((await send(address)).statusCode).not.toBe(429);
    expectError(
      (await send(address)) as Parameters<typeof expectError>[0],
      429,
      'too_many_requests',
    );
  }

  it('limits sign-up (its 409 tells whether a name exists)', async () => {
    await limitedAfter(
      (remoteAddress) =>
        app.inject({ method: 'POST', url: '/api/accounts', remoteAddress, payload: {} }),
      '10.1.0.1',
    );
  });

  it('limits map creation per IP', async () => {
    await limitedAfter((remoteAddress) => {
      const { capability: _c, ...payload } = newMapRequest(64);
      return app.inject({ method: 'POST', url: '/api/maps', remoteAddress, payload });
    }, '10.1.0.2');
  });

  it('limits reading invites, posting requests, challenges and answers', async () => {
    const inviteId = b64(randomBytes(16));
    await limitedAfter(
      (remoteAddress) =>
        app.inject({ method: 'GET', url: `/api/invites/${inviteId}`, remoteAddress }),
      '10.1.0.3',
    );
    await limitedAfter(
      (remoteAddress) =>
        app.inject({
          method: 'POST',
          url: `/api/invites/${inviteId}/requests`,
          remoteAddress,
          payload: { sealedRequest: b64(randomBytes(2096)), signature: b64(randomBytes(64)) },
        }),
      '10.1.0.4',
    );
    await limitedAfter(
      (remoteAddress) =>
        app.inject({ method: 'POST', url: `/api/invites/${inviteId}/challenge`, remoteAddress }),
      '10.1.0.5',
    );
    await limitedAfter(
      (remoteAddress) =>
        app.inject({
          method: 'POST',
          url: `/api/invites/${inviteId}/answer`,
          remoteAddress,
          payload: { challengeId: b64(randomBytes(16)), signature: b64(randomBytes(64)) },
        }),
      '10.1.0.6',
    );
  });
});
