// Accounts end to end with the real protocol: sign-up, login, sessions, keyring, passphrase, recovery, deletion.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Account, PreloginResponse } from '../../../shared/api/accounts.js';
import {
  decryptKeyring,
  encryptKeyring,
  fromBase64Url,
  rewrapForNewPassphrase,
  rewrapForNewRecovery,
  toBase64Url,
  unlockAccount,
} from '../../../shared/crypto/index.js';
import type { App } from '../../../server/app.js';
import {
  accountProof,
  attemptLogin,
  bearer,
  logIn,
  loginSecretKey,
  PASSPHRASE,
  prelogin,
  refreshCookie,
  signUp,
  uniqueUsername,
  withRefreshCookie,
} from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

const databases = testDatabases();

describe.each(databases)('accounts on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  it('signs up, logs in with a signed challenge and unlocks the account', async () => {
    const user = await signUp(app);
    const session = await logIn(app, user.username);
    expect(session.body.expiresIn).toBe(900);
    expect(session.body.account.accountId).toBe(user.accountId);
    expect(Number.isSafeInteger(session.body.account.keyringRevision)).toBe(true);

    const me = await app.inject({
      method: 'GET',
      url: '/api/account',
      headers: bearer(session.accessToken),
    });
    expect(me.statusCode).toBe(200);
    const account = me.json<Account>();
    // the same account; each read rewrites the keyring row under a new random revision
    expect({ ...account, keyringRevision: 0 }).toEqual({
      ...session.body.account,
      keyringRevision: 0,
    });
    expect(account.keyringRevision).not.toBe(session.body.account.keyringRevision);
    expect(account.wrappedAccountKey).toBe(user.registration.wrappedAccountKey);
    const unlocked = unlockAccount(account, { method: 'passphrase', passphrase: PASSPHRASE });
    expect(toBase64Url(unlocked.accountKey)).toBe(toBase64Url(user.accountKey));
  });

  it('sets the refresh cookie httpOnly, SameSite=Strict, scoped to /api/accounts', async () => {
    const user = await signUp(app);
    const response = await attemptLogin(app, user.username);
    const cookie = response.cookies.find((c) => c.name === 'nk_refresh');
    expect(cookie).toMatchObject({ path: '/api/accounts', httpOnly: true, sameSite: 'Strict' });
    expect(cookie?.maxAge).toBeGreaterThan(0);
  });

  it('normalises usernames and refuses a taken one with 409 username_taken', async () => {
    const user = await signUp(app);
    const again = await signUp(app, uniqueUsername()).then((u) => u.registration);
    const taken = await app.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { ...again, username: `  ${user.username.toUpperCase()} ` },
    });
    expectError(taken, 409, 'username_taken');
    // the same person typing their name differently still logs in
    await logIn(app, ` ${user.username.toUpperCase()}`);
  });

  it('answers prelogin for unknown names in the same shape, with a stable fake salt', async () => {
    const user = await signUp(app);
    const known = await prelogin(app, user.username);
    const unknown = await prelogin(app, 'niemand-bekend');
    const unknownAgain = await prelogin(app, 'Niemand-Bekend ');
    expect(Object.keys(unknown).sort()).toEqual(Object.keys(known).sort());
    expect(Object.keys(unknown.kdf).sort()).toEqual(Object.keys(known.kdf).sort());
    expect(fromBase64Url(unknown.kdf.salt)).toHaveLength(16);
    expect(unknownAgain.kdf).toEqual(unknown.kdf);
    expect(unknown.kdf).toEqual({
      salt: unknown.kdf.salt,
      opsLimit: 3,
      memLimit: 64 * 1024 * 1024,
    });
    expect(unknownAgain.challengeId).not.toBe(unknown.challengeId);
    expect(known.kdf.salt).toBe(user.registration.kdf.salt);
  });

  it('refuses every bad login with the same 401 login_failed', async () => {
    const user = await signUp(app);
    expectError(
      await attemptLogin(app, user.username, { passphrase: 'wrong' }),
      401,
      'login_failed',
    );
    expectError(await attemptLogin(app, 'bestaat-niet'), 401, 'login_failed');

    // a challenge works once
    const pre = await prelogin(app, user.username);
    const key = loginSecretKey(pre.kdf, { passphrase: PASSPHRASE });
    const { sign } = await import('../../helpers/accounts.js');
    const payload = {
      username: user.username,
      challengeId: pre.challengeId,
      method: 'passphrase',
      signature: sign(key, 'login', user.username, pre.challenge),
    };
    expect(
      (await app.inject({ method: 'POST', url: '/api/accounts/login', payload })).statusCode,
    ).toBe(200);
    expectError(
      await app.inject({ method: 'POST', url: '/api/accounts/login', payload }),
      401,
      'login_failed',
    );

    // a signature for another purpose does not log in
    const pre2 = await prelogin(app, user.username);
    const wrongPurpose = {
      ...payload,
      challengeId: pre2.challengeId,
      signature: sign(key, 'delete-account', user.username, pre2.challenge),
    };
    expectError(
      await app.inject({ method: 'POST', url: '/api/accounts/login', payload: wrongPurpose }),
      401,
      'login_failed',
    );

    // the passphrase key does not pass as the recovery key
    const pre3 = await prelogin(app, user.username);
    const asRecovery = {
      ...payload,
      challengeId: pre3.challengeId,
      method: 'recovery',
      signature: sign(key, 'login', user.username, pre3.challenge),
    };
    expectError(
      await app.inject({ method: 'POST', url: '/api/accounts/login', payload: asRecovery }),
      401,
      'login_failed',
    );
  });

  it('expires login challenges after two minutes', async () => {
    const user = await signUp(app);
    const pre: PreloginResponse = await prelogin(app, user.username);
    await app.db
      .updateTable('login_challenges')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', pre.challengeId)
      .execute();
    const { sign } = await import('../../helpers/accounts.js');
    const key = loginSecretKey(pre.kdf, { passphrase: PASSPHRASE });
    const response = await app.inject({
      method: 'POST',
      url: '/api/accounts/login',
      payload: {
        username: user.username,
        challengeId: pre.challengeId,
        method: 'passphrase',
        signature: sign(key, 'login', user.username, pre.challenge),
      },
    });
    expectError(response, 401, 'login_failed');
  });

  it('updates the keyring on top of its revision and refuses a stale one with 409', async () => {
    const user = await signUp(app);
    const { accessToken, body } = await logIn(app, user.username);
    const unlocked = unlockAccount(body.account, { method: 'passphrase', passphrase: PASSPHRASE });
    const next = {
      ...unlocked.keyring,
      maps: [
        {
          mapId: 'AAAAAAAAAAAAAAAAAAAAAA',
          capability: toBase64Url(new Uint8Array(32)),
          title: 'Kaart',
          addedAt: 1,
        },
      ],
    };
    const keyring = toBase64Url(encryptKeyring(unlocked.accountKey, user.username, next));
    const put = (baseRevision: number) =>
      app.inject({
        method: 'PUT',
        url: '/api/account/keyring',
        headers: bearer(accessToken),
        payload: { baseRevision, keyring },
      });

    const base = body.account.keyringRevision;
    const first = await put(base);
    expect(first.statusCode, first.body).toBe(200);
    const { keyringRevision } = first.json<{ keyringRevision: number }>();
    expect(keyringRevision).not.toBe(base);
    expectError(await put(base), 409, 'keyring_conflict');

    const me = (
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(accessToken) })
    ).json<Account>();
    // reading rewrites the row under a new random revision: it counts nothing (decision 0022)
    expect(me.keyringRevision).not.toBe(keyringRevision);
    expectError(await put(keyringRevision), 409, 'keyring_conflict');
    const opened = decryptKeyring(unlocked.accountKey, user.username, fromBase64Url(me.keyring));
    expect(opened.maps).toHaveLength(1);
  });

  it('rotates the refresh token, and a reused one revokes the session', async () => {
    const user = await signUp(app);
    const first = await logIn(app, user.username);
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/accounts/refresh',
      headers: withRefreshCookie(first.refreshToken),
    });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const second = refreshCookie(refreshed);
    expect(second).not.toBe(first.refreshToken);
    const { accessToken } = refreshed.json<{ accessToken: string; expiresIn: number }>();
    expect(
      (await app.inject({ method: 'GET', url: '/api/account', headers: bearer(accessToken) }))
        .statusCode,
    ).toBe(200);

    // the spent token comes back: whoever holds it, the session ends for everybody
    const replay = await app.inject({
      method: 'POST',
      url: '/api/accounts/refresh',
      headers: withRefreshCookie(first.refreshToken),
    });
    expectError(replay, 401, 'session_expired');
    expectError(
      await app.inject({
        method: 'POST',
        url: '/api/accounts/refresh',
        headers: withRefreshCookie(second),
      }),
      401,
      'session_expired',
    );
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(accessToken) }),
      401,
      'session_expired',
    );
  });

  it('refuses refresh without a cookie or with a made-up one', async () => {
    expectError(
      await app.inject({ method: 'POST', url: '/api/accounts/refresh' }),
      401,
      'session_expired',
    );
    expectError(
      await app.inject({
        method: 'POST',
        url: '/api/accounts/refresh',
        headers: withRefreshCookie('x'.repeat(64)),
      }),
      401,
      'session_expired',
    );
  });

  it("logs in on someone else's device without a refresh cookie, and logout ends that session", async () => {
    const user = await signUp(app);
    const response = await attemptLogin(app, user.username, undefined, { remember: false });
    expect(response.statusCode, response.body).toBe(200);
    // the device's own user keeps her refresh cookie: this login sets none
    expect(response.cookies.find((c) => c.name === 'nk_refresh')).toBeUndefined();
    const { accessToken } = response.json<{ accessToken: string }>();
    const account = await app.inject({
      method: 'GET',
      url: '/api/account',
      headers: bearer(accessToken),
    });
    expect(account.statusCode).toBe(200);
    const out = await app.inject({
      method: 'POST',
      url: '/api/accounts/logout',
      headers: bearer(accessToken),
    });
    expect(out.statusCode).toBe(204);
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(accessToken) }),
      401,
      'session_expired',
    );
  });

  it('refuses a remember flag that is not a boolean', async () => {
    const user = await signUp(app);
    expectError(
      await attemptLogin(app, user.username, undefined, { remember: 'no' as unknown as boolean }),
      400,
      'invalid_request',
    );
  });

  it('logs out: the access token and the refresh token stop working at once', async () => {
    const user = await signUp(app);
    const { accessToken, refreshToken } = await logIn(app, user.username);
    const out = await app.inject({
      method: 'POST',
      url: '/api/accounts/logout',
      headers: { ...bearer(accessToken), ...withRefreshCookie(refreshToken) },
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'nk_refresh');
    expect(cleared?.value).toBe('');
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(accessToken) }),
      401,
      'session_expired',
    );
    expectError(
      await app.inject({
        method: 'POST',
        url: '/api/accounts/refresh',
        headers: withRefreshCookie(refreshToken),
      }),
      401,
      'session_expired',
    );
  });

  it('logs out with only the bearer token, or with nothing at all', async () => {
    const user = await signUp(app);
    const { accessToken } = await logIn(app, user.username);
    const out = await app.inject({
      method: 'POST',
      url: '/api/accounts/logout',
      headers: bearer(accessToken),
    });
    expect(out.statusCode).toBe(204);
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(accessToken) }),
      401,
      'session_expired',
    );
    expect((await app.inject({ method: 'POST', url: '/api/accounts/logout' })).statusCode).toBe(
      204,
    );
  });

  it('changes the passphrase with a proof: old passphrase fails, new works, other sessions end', async () => {
    const user = await signUp(app);
    const current = await logIn(app, user.username);
    const other = await logIn(app, user.username);
    const oldKey = loginSecretKey((await prelogin(app, user.username)).kdf, {
      passphrase: PASSPHRASE,
    });
    const { passphraseUpdate } = rewrapForNewPassphrase(
      user.username,
      user.accountKey,
      'nieuwe zin',
      {
        opsLimit: 1,
        memLimit: 8 * 1024 * 1024,
      },
    );
    const proof = await accountProof(
      app,
      current.accessToken,
      user.username,
      oldKey,
      'passphrase-change',
    );
    const change = await app.inject({
      method: 'PUT',
      url: '/api/account/passphrase',
      headers: bearer(current.accessToken),
      payload: { proof, ...passphraseUpdate },
    });
    expect(change.statusCode, change.body).toBe(204);

    expectError(await attemptLogin(app, user.username), 401, 'login_failed');
    const fresh = await logIn(app, user.username, { passphrase: 'nieuwe zin' });
    const unlocked = unlockAccount(fresh.body.account, {
      method: 'passphrase',
      passphrase: 'nieuwe zin',
    });
    expect(toBase64Url(unlocked.accountKey)).toBe(toBase64Url(user.accountKey));

    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/account',
          headers: bearer(current.accessToken),
        })
      ).statusCode,
    ).toBe(200);
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(other.accessToken) }),
      401,
      'session_expired',
    );
  });

  it('refuses a passphrase change whose proof is wrong or reused', async () => {
    const user = await signUp(app);
    const { accessToken } = await logIn(app, user.username);
    const key = loginSecretKey((await prelogin(app, user.username)).kdf, {
      passphrase: PASSPHRASE,
    });
    const { passphraseUpdate } = rewrapForNewPassphrase(user.username, user.accountKey, 'x', {
      opsLimit: 1,
      memLimit: 8 * 1024 * 1024,
    });
    const wrongPurpose = await accountProof(app, accessToken, user.username, key, 'delete-account');
    const put = (proof: unknown) =>
      app.inject({
        method: 'PUT',
        url: '/api/account/passphrase',
        headers: bearer(accessToken),
        payload: { proof, ...passphraseUpdate },
      });
    expectError(await put(wrongPurpose), 403, 'proof_failed');
    // a login challenge is not an account challenge
    const pre = await prelogin(app, user.username);
    const { sign } = await import('../../helpers/accounts.js');
    expectError(
      await put({
        challengeId: pre.challengeId,
        method: 'passphrase',
        signature: sign(key, 'passphrase-change', user.username, pre.challenge),
      }),
      403,
      'proof_failed',
    );
    const good = await accountProof(app, accessToken, user.username, key, 'passphrase-change');
    expect((await put(good)).statusCode).toBe(204);
    expectError(await put(good), 403, 'proof_failed');
  });

  it('logs in with the recovery code and sets a new passphrase', async () => {
    const user = await signUp(app);
    const recovered = await logIn(app, user.username, { recoveryCode: user.recoveryCode });
    const unlocked = unlockAccount(recovered.body.account, {
      method: 'recovery',
      recoveryCode: user.recoveryCode,
    });
    expect(toBase64Url(unlocked.accountKey)).toBe(toBase64Url(user.accountKey));

    const recoveryKey = loginSecretKey((await prelogin(app, user.username)).kdf, {
      recoveryCode: user.recoveryCode,
    });
    const proof = await accountProof(
      app,
      recovered.accessToken,
      user.username,
      recoveryKey,
      'passphrase-change',
      'recovery',
    );
    const { passphraseUpdate } = rewrapForNewPassphrase(
      user.username,
      unlocked.accountKey,
      'na herstel',
      { opsLimit: 1, memLimit: 8 * 1024 * 1024 },
    );
    const { recoveryUpdate } = rewrapForNewRecovery(user.username, unlocked.accountKey);
    const change = await app.inject({
      method: 'PUT',
      url: '/api/account/passphrase',
      headers: bearer(recovered.accessToken),
      payload: { proof, ...passphraseUpdate, recovery: recoveryUpdate },
    });
    expect(change.statusCode, change.body).toBe(204);
    await logIn(app, user.username, { passphrase: 'na herstel' });
  });

  it('deletes the account with a proof; afterwards nothing of it works', async () => {
    const user = await signUp(app);
    const { accessToken, refreshToken } = await logIn(app, user.username);
    const key = loginSecretKey((await prelogin(app, user.username)).kdf, {
      passphrase: PASSPHRASE,
    });
    const bad = await accountProof(app, accessToken, user.username, key, 'passphrase-change');
    expectError(
      await app.inject({
        method: 'DELETE',
        url: '/api/account',
        headers: bearer(accessToken),
        payload: { proof: bad },
      }),
      403,
      'proof_failed',
    );
    const proof = await accountProof(app, accessToken, user.username, key, 'delete-account');
    const gone = await app.inject({
      method: 'DELETE',
      url: '/api/account',
      headers: bearer(accessToken),
      payload: { proof },
    });
    expect(gone.statusCode, gone.body).toBe(204);

    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(accessToken) }),
      401,
      'session_expired',
    );
    expectError(
      await app.inject({
        method: 'POST',
        url: '/api/accounts/refresh',
        headers: withRefreshCookie(refreshToken),
      }),
      401,
      'session_expired',
    );
    expectError(await attemptLogin(app, user.username), 401, 'login_failed');
    const sessions = await app.db
      .selectFrom('sessions')
      .selectAll()
      .where('account_id', '=', user.accountId)
      .execute();
    expect(sessions).toEqual([]);
    // the name is free again
    await signUp(app, user.username);
  });

  it('keeps access tokens to 15 minutes and refuses forged or expired ones', async () => {
    const user = await signUp(app);
    const { accessToken } = await logIn(app, user.username);
    const [, payload] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<
      string,
      number
    >;
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(900);

    const forged = app.jwt.sign({ sub: user.accountId, sid: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(forged) }),
      401,
      'session_expired',
    );
    // change a character in the middle of the signature (the last one may carry only padding bits)
    const at = accessToken.length - 10;
    const tampered = `${accessToken.slice(0, at)}${accessToken[at] === 'A' ? 'B' : 'A'}${accessToken.slice(at + 1)}`;
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(tampered) }),
      401,
      'unauthorized',
    );
    const expired = app.jwt.sign(
      { sub: user.accountId, sid: 'x' },
      { clockTimestamp: Date.now() - 16 * 60 * 1000 },
    );
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(expired) }),
      401,
      'session_expired',
    );
    expectError(await app.inject({ method: 'GET', url: '/api/account' }), 401, 'unauthorized');
  });
});
