// Every route refuses malformed input with a 4xx, a stable code and a message, and the data stays as it was.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, LoginRequest } from '../../../shared/api/accounts.js';
import { createAccount, rewrapForNewPassphrase, TEST_KDF } from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import {
  accountProof,
  bearer,
  logIn,
  loginSecretKey,
  prelogin,
  sign,
  signUp,
  uniqueUsername,
  type LoggedIn,
  type SignedUp,
} from '../../helpers/accounts.js';
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
  type ReadMap,
  type TestMap,
} from '../../helpers/maps.js';
import { mutations } from '../../helpers/mutations.js';

const databases = testDatabases();

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

describe.each(databases)('malformed input on $engine', (database) => {
  let app: App;
  let user: SignedUp;
  let session: LoggedIn;
  let map: TestMap;

  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
    user = await signUp(app);
    session = await logIn(app, user.username);
    map = await createMap(app);
  });
  afterAll(async () => {
    await app.close();
  });

  function send(
    method: Method,
    url: string,
    payload: unknown,
    headers: Record<string, string> = {},
  ) {
    return app.inject({
      method,
      url,
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    });
  }

  /** Sends every mutation of `valid`; each must be a 400 invalid_request naming what is wrong. */
  async function refusesAllMutations(
    method: Method,
    url: string,
    valid: Record<string, never> | object,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const cases = mutations(valid as Parameters<typeof mutations>[0]);
    expect(cases.length).toBeGreaterThan(10);
    for (const { name, payload, field } of cases) {
      const response = await send(method, url, payload, headers);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(400);
      const error = expectError(response, 400, 'invalid_request');
      expect(error.message, name).toMatch(/\.$/);
      if (field) expect(error.message, name).toContain(field);
    }
  }

  /** Bad JSON, wrong content type, no body and an oversized body. */
  async function refusesBadBodies(
    method: Method,
    url: string,
    limitBytes: number,
    headers: Record<string, string> = {},
  ): Promise<void> {
    expectError(await send(method, url, '{"username": ', headers), 400, 'invalid_json');
    expectError(await send(method, url, '{"__proto__": {"x": 1}}', headers), 400, 'invalid_json');
    expectError(
      await app.inject({
        method,
        url,
        headers: { ...headers, 'content-type': 'text/plain' },
        payload: 'hallo',
      }),
      415,
      'unsupported_media_type',
    );
    expectError(
      await app.inject({
        method,
        url,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=b',
      }),
      415,
      'unsupported_media_type',
    );
    expectError(await app.inject({ method, url, headers }), 400, 'invalid_request');
    const oversized = JSON.stringify({ padding: 'x'.repeat(limitBytes + 1) });
    expectError(await send(method, url, oversized, headers), 413, 'body_too_large');
  }

  async function accountNow(): Promise<Account> {
    const response = await app.inject({
      method: 'GET',
      url: '/api/account',
      headers: bearer(session.accessToken),
    });
    expect(response.statusCode).toBe(200);
    // the revision is random and changes on every read (decision 0022); the rest must not move
    const { keyringRevision: _revision, ...account } = response.json<Account>();
    return account as Account;
  }

  async function mapNow(): Promise<ReadMap> {
    return readOf(await mapRequest(app, 'GET', `/api/maps/${map.mapId}`, map.capability));
  }

  const count = async (
    table: 'accounts' | 'sessions' | 'maps' | 'login_challenges' | 'map_versions',
  ) =>
    Number(
      (
        await app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('POST /api/accounts', async () => {
    const before = await count('accounts');
    const valid = createAccount(uniqueUsername(), 'x', TEST_KDF).registration;
    await refusesAllMutations('POST', '/api/accounts', valid);
    await refusesBadBodies('POST', '/api/accounts', 1_500_000);
    for (const username of [
      'ab',
      'a'.repeat(65),
      'met spatie',
      'a/b',
      'naam@example.nl',
      '😀😀😀',
    ]) {
      expectError(
        await send('POST', '/api/accounts', { ...valid, username }),
        400,
        'invalid_request',
      );
    }
    expect(await count('accounts')).toBe(before);
    const taken = { ...valid, username: user.username };
    expectError(await send('POST', '/api/accounts', taken), 409, 'username_taken');
    expect((await accountNow()).accountId).toBe(user.accountId);
  });

  it('POST /api/accounts/prelogin', async () => {
    const before = await count('login_challenges');
    await refusesAllMutations('POST', '/api/accounts/prelogin', { username: user.username });
    await refusesBadBodies('POST', '/api/accounts/prelogin', 64 * 1024);
    expect(await count('login_challenges')).toBe(before);
  });

  it('POST /api/accounts/login', async () => {
    const pre = await prelogin(app, user.username);
    const key = loginSecretKey(pre.kdf, { passphrase: 'paarse fiets onder de lindeboom' });
    const valid: LoginRequest = {
      username: user.username,
      challengeId: pre.challengeId,
      method: 'passphrase',
      signature: sign(key, 'login', user.username, pre.challenge),
    };
    const sessions = await count('sessions');
    await refusesAllMutations('POST', '/api/accounts/login', valid);
    await refusesBadBodies('POST', '/api/accounts/login', 64 * 1024);
    expect(await count('sessions')).toBe(sessions);
    // malformed requests did not use up the challenge
    const ok = await send('POST', '/api/accounts/login', valid);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('POST /api/accounts/refresh and /logout', async () => {
    for (const cookie of [
      'nk_refresh=',
      'nk_refresh=%%%',
      `nk_refresh=${'A'.repeat(64)}`,
      `nk_refresh=${'A'.repeat(5000)}`,
    ]) {
      expectError(
        await app.inject({ method: 'POST', url: '/api/accounts/refresh', headers: { cookie } }),
        401,
        'session_expired',
      );
      const out = await app.inject({
        method: 'POST',
        url: '/api/accounts/logout',
        headers: { cookie, authorization: 'Bearer x.y.z' },
      });
      expect(out.statusCode).toBe(204);
    }
    expectError(await send('POST', '/api/accounts/refresh', '{oops'), 400, 'invalid_json');
    expect((await accountNow()).accountId).toBe(user.accountId);
  });

  it('GET /api/account and POST /api/account/challenge without a good token', async () => {
    for (const url of ['/api/account', '/api/account/challenge']) {
      const method = url.endsWith('challenge') ? 'POST' : 'GET';
      for (const authorization of [
        undefined,
        '',
        'Bearer',
        'Basic dXNlcjpwYXNz',
        `Bearer ${session.accessToken}x`,
        `bearer ${session.accessToken}`,
        'Bearer a.b.c',
      ]) {
        const response = await app.inject({
          method,
          url,
          headers: authorization === undefined ? {} : { authorization },
        });
        expectError(response, 401, 'unauthorized');
      }
    }
  });

  it('PUT /api/account/keyring', async () => {
    const before = await accountNow();
    const headers = bearer(session.accessToken);
    await refusesAllMutations(
      'PUT',
      '/api/account/keyring',
      { baseRevision: 1, keyring: before.keyring },
      headers,
    );
    await refusesBadBodies('PUT', '/api/account/keyring', 1_500_000, headers);
    expectError(
      await send(
        'PUT',
        '/api/account/keyring',
        { baseRevision: 5, keyring: before.keyring },
        headers,
      ),
      409,
      'keyring_conflict',
    );
    expectError(
      await send('PUT', '/api/account/keyring', { baseRevision: 1, keyring: before.keyring }),
      401,
      'unauthorized',
    );
    expect(await accountNow()).toEqual(before);
  });

  it('PUT /api/account/passphrase', async () => {
    const headers = bearer(session.accessToken);
    const key = loginSecretKey((await prelogin(app, user.username)).kdf, {
      passphrase: 'paarse fiets onder de lindeboom',
    });
    const proof = await accountProof(
      app,
      session.accessToken,
      user.username,
      key,
      'passphrase-change',
    );
    const { passphraseUpdate } = rewrapForNewPassphrase(
      user.username,
      user.accountKey,
      'nieuw',
      TEST_KDF,
    );
    const before = await accountNow();
    await refusesAllMutations(
      'PUT',
      '/api/account/passphrase',
      { proof, ...passphraseUpdate },
      headers,
    );
    await refusesBadBodies('PUT', '/api/account/passphrase', 64 * 1024, headers);
    const forged = { ...proof, signature: b64(randomBytes(64)) };
    expectError(
      await send('PUT', '/api/account/passphrase', { proof: forged, ...passphraseUpdate }, headers),
      403,
      'proof_failed',
    );
    expect(await accountNow()).toEqual(before);
    await logIn(app, user.username);
  });

  it('DELETE /api/account', async () => {
    const headers = bearer(session.accessToken);
    const key = loginSecretKey((await prelogin(app, user.username)).kdf, {
      passphrase: 'paarse fiets onder de lindeboom',
    });
    const proof = await accountProof(
      app,
      session.accessToken,
      user.username,
      key,
      'delete-account',
    );
    await refusesAllMutations('DELETE', '/api/account', { proof }, headers);
    await refusesBadBodies('DELETE', '/api/account', 64 * 1024, headers);
    const unknownChallenge = { ...proof, challengeId: b64(randomBytes(16)) };
    expectError(
      await send('DELETE', '/api/account', { proof: unknownChallenge }, headers),
      403,
      'proof_failed',
    );
    expect((await accountNow()).accountId).toBe(user.accountId);
  });

  it('POST /api/maps', async () => {
    const before = await count('maps');
    const { capability: _c, ...valid } = newMapRequest();
    await refusesAllMutations('POST', '/api/maps', valid);
    await refusesBadBodies('POST', '/api/maps', 2 * 1024 * 1024);
    expect(await count('maps')).toBe(before);
    const { capability: _d, ...clash } = newMapRequest();
    expectError(await send('POST', '/api/maps', { ...clash, mapId: map.mapId }), 409, 'map_exists');
    expect((await mapNow()).body).toBe(map.body);
  });

  it('PUT /api/maps/:mapId (bytes, decision 0027)', async () => {
    const url = `/api/maps/${map.mapId}`;
    const before = await mapNow();
    const put = (headers: Record<string, string>, payload?: string | Buffer) =>
      app.inject({
        method: 'PUT',
        url,
        headers: { 'nk-capability': map.capability, ...headers },
        ...(payload === undefined ? {} : { payload }),
      });
    const bytes = { 'content-type': 'application/octet-stream' };
    const base = { ...bytes, 'if-match': `"v${before.version}"` };
    // the old JSON body, form data and text: wrong media type, whatever they hold
    for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const answer = await put({ 'content-type': type, 'if-match': base['if-match'] }, '{"a":1}');
      expectError(answer, 415, 'unsupported_media_type');
    }
    expectError(
      await put({ 'if-match': base['if-match'] }, randomBytes(10)),
      415,
      'unsupported_media_type',
    );
    expectError(await put(base), 400, 'invalid_request');
    expectError(await put(base, Buffer.alloc(0)), 400, 'invalid_request');
    expectError(await put(bytes, randomBytes(10)), 400, 'invalid_request');
    for (const tag of ['"v0"', '"v-1"', '"vabc"', 'v1', '"v1.5"', '"v1", "v2"']) {
      expectError(
        await put({ ...bytes, 'if-match': tag }, randomBytes(10)),
        400,
        'invalid_request',
      );
    }
    expectError(await put(base, randomBytes(1024 * 1024 + 1)), 413, 'body_too_large');
    const stale = await put(
      { ...bytes, 'if-match': `"v${before.version - 1 || 99}"` },
      randomBytes(10),
    );
    expectError(stale, 409, 'version_conflict');
    const reader = await addSlot(app, map.mapId, 'read');
    expectError(
      await app.inject({
        method: 'PUT',
        url,
        headers: { ...base, 'nk-capability': reader },
        payload: randomBytes(10),
      }),
      403,
      'insufficient_rights',
    );
    expect(await mapNow()).toEqual(before);
  });

  it('map routes: bad map ids, capabilities, versions and queries', async () => {
    const versionsBefore = await count('map_versions');
    const before = await mapNow();
    const good = map.capability;
    const routes: [Method, string][] = [
      ['GET', ''],
      ['PUT', ''],
      ['DELETE', ''],
      ['GET', '/versions'],
      ['GET', '/versions/1'],
      ['GET', '/access'],
    ];
    const writeBody = randomBytes(10);
    const writeHeaders = {
      'content-type': 'application/octet-stream',
      'if-match': `"v${before.version}"`,
    };
    for (const [method, suffix] of routes) {
      const write = method === 'PUT';
      const call = (mapId: string, headers: Record<string, string>) =>
        app.inject({
          method,
          url: `/api/maps/${mapId}${suffix}`,
          headers: write ? { ...writeHeaders, ...headers } : headers,
          ...(write ? { payload: writeBody } : {}),
        });
      const label = `${method} ${suffix || '/'}`;

      for (const mapId of ['short', 'A'.repeat(23), `${'A'.repeat(21)}B`, `${'A'.repeat(21)}%21`]) {
        expect((await call(mapId, { 'nk-capability': good })).statusCode, `${label} ${mapId}`).toBe(
          400,
        );
        expectError(await call(mapId, { 'nk-capability': good }), 400, 'invalid_request');
      }
      for (const capability of [
        '',
        'A'.repeat(42),
        'A'.repeat(44),
        `${'A'.repeat(42)}B`,
        `*${good.slice(1)}`,
      ]) {
        expectError(await call(map.mapId, { 'nk-capability': capability }), 400, 'invalid_request');
      }
      expectError(await call(map.mapId, {}), 400, 'invalid_request');
      // unknown map and a capability of nothing answer the same 404
      expectError(
        await call(b64(randomBytes(16)), { 'nk-capability': good }),
        404,
        'map_not_found',
      );
      expectError(
        await call(map.mapId, { 'nk-capability': b64(randomBytes(32)) }),
        404,
        'map_not_found',
      );
    }

    const url = `/api/maps/${map.mapId}`;
    for (const query of [
      'before=0',
      'before=abc',
      'before=-1',
      'limit=0',
      'limit=201',
      'limit=1.5',
      'other=1',
      'before=1&before=2',
      'before=0x10',
      'before=1e3',
    ]) {
      expectError(
        await mapRequest(app, 'GET', `${url}/versions?${query}`, good),
        400,
        'invalid_request',
      );
    }
    for (const version of ['0', '-1', 'abc', '1.5', '99999999999999999999']) {
      expectError(
        await mapRequest(app, 'GET', `${url}/versions/${version}`, good),
        400,
        'invalid_request',
      );
    }
    expectError(
      await mapRequest(app, 'GET', `${url}/versions/12345`, good),
      404,
      'version_not_found',
    );

    expect(await count('map_versions')).toBe(versionsBefore);
    expect(await mapNow()).toEqual(before);
  });

  it('unknown routes and methods answer 404 not_found in JSON', async () => {
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['POST', '/api/account'],
      ['PATCH', '/api/maps'],
      ['GET', '/api'],
      ['GET', '/index.html'],
    ] as const) {
      const response = await app.inject({ method, url, headers: { accept: 'application/json' } });
      expectError(response, 404, 'not_found');
    }
  });
});
