// Recovery with the code: the passphrase change it proves must replace the code, so a used code is spent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  rewrapForNewPassphrase,
  rewrapForNewRecovery,
  TEST_KDF,
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
  signUp,
  withRefreshCookie,
} from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

describe.each(testDatabases())('recovery on $engine', (database) => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  /** Signs up, logs in with the recovery code and returns what a device has after that. */
  async function recovered() {
    const user = await signUp(app);
    const other = await logIn(app, user.username);
    const session = await logIn(app, user.username, { recoveryCode: user.recoveryCode });
    const unlocked = unlockAccount(session.body.account, {
      method: 'recovery',
      recoveryCode: user.recoveryCode,
    });
    const key = loginSecretKey((await prelogin(app, user.username)).kdf, {
      recoveryCode: user.recoveryCode,
    });
    const proof = () =>
      accountProof(app, session.accessToken, user.username, key, 'passphrase-change', 'recovery');
    const put = async (payload: object) =>
      app.inject({
        method: 'PUT',
        url: '/api/account/passphrase',
        headers: bearer(session.accessToken),
        payload,
      });
    return { user, other, session, unlocked, proof, put };
  }

  it('replaces passphrase and code in one step: the old code and passphrase stop working, the new ones open the same keys', async () => {
    const { user, other, session, unlocked, proof, put } = await recovered();
    const { passphraseUpdate } = rewrapForNewPassphrase(
      user.username,
      unlocked.accountKey,
      'na herstel een nieuwe zin',
      TEST_KDF,
    );
    const { recoveryUpdate, recoveryCode } = rewrapForNewRecovery(
      user.username,
      unlocked.accountKey,
    );
    expect(recoveryCode).not.toBe(user.recoveryCode);
    const change = await put({
      proof: await proof(),
      ...passphraseUpdate,
      recovery: recoveryUpdate,
    });
    expect(change.statusCode, change.body).toBe(204);

    expectError(
      await attemptLogin(app, user.username, { recoveryCode: user.recoveryCode }),
      401,
      'login_failed',
    );
    expectError(
      await attemptLogin(app, user.username, { passphrase: PASSPHRASE }),
      401,
      'login_failed',
    );
    const fresh = await logIn(app, user.username, { recoveryCode });
    const again = unlockAccount(fresh.body.account, { method: 'recovery', recoveryCode });
    expect(toBase64Url(again.accountKey)).toBe(toBase64Url(unlocked.accountKey));
    const byPassphrase = await logIn(app, user.username, {
      passphrase: 'na herstel een nieuwe zin',
    });
    const opened = unlockAccount(byPassphrase.body.account, {
      method: 'passphrase',
      passphrase: 'na herstel een nieuwe zin',
    });
    expect(opened.keyring).toEqual(unlocked.keyring);

    // the session that did the recovery stays; the one from before (perhaps a thief's) ends
    const me = await app.inject({
      method: 'GET',
      url: '/api/account',
      headers: bearer(session.accessToken),
    });
    expect(me.statusCode).toBe(200);
    expectError(
      await app.inject({ method: 'GET', url: '/api/account', headers: bearer(other.accessToken) }),
      401,
      'session_expired',
    );
    expectError(
      await app.inject({
        method: 'POST',
        url: '/api/accounts/refresh',
        headers: withRefreshCookie(other.refreshToken),
      }),
      401,
      'session_expired',
    );
  });

  it('refuses a change proven with the recovery code that keeps the old code, and changes nothing', async () => {
    const { user, unlocked, proof, put } = await recovered();
    const { passphraseUpdate } = rewrapForNewPassphrase(
      user.username,
      unlocked.accountKey,
      'een zin zonder nieuwe code',
      TEST_KDF,
    );
    expectError(await put({ proof: await proof(), ...passphraseUpdate }), 400, 'recovery_required');
    await logIn(app, user.username, { recoveryCode: user.recoveryCode });
    await logIn(app, user.username, { passphrase: PASSPHRASE });
  });

  it('answers 400 for a malformed new recovery key and 403 for a wrong proof, changing nothing', async () => {
    const { user, unlocked, proof, put } = await recovered();
    const { passphraseUpdate } = rewrapForNewPassphrase(
      user.username,
      unlocked.accountKey,
      'x y z',
      TEST_KDF,
    );
    const { recoveryUpdate } = rewrapForNewRecovery(user.username, unlocked.accountKey);
    expectError(
      await put({
        proof: await proof(),
        ...passphraseUpdate,
        recovery: { ...recoveryUpdate, recoveryPublicKey: 'dGVzdA' },
      }),
      400,
      'invalid_request',
    );
    expectError(
      await put({
        proof: await proof(),
        ...passphraseUpdate,
        recovery: { recoveryPublicKey: recoveryUpdate.recoveryPublicKey },
      }),
      400,
      'invalid_request',
    );
    const forged = { ...(await proof()), signature: toBase64Url(new Uint8Array(64)) };
    expectError(
      await put({ proof: forged, ...passphraseUpdate, recovery: recoveryUpdate }),
      403,
      'proof_failed',
    );
    await logIn(app, user.username, { recoveryCode: user.recoveryCode });
  });

  it('lets a passphrase proof replace the recovery code too (a lost sheet)', async () => {
    const user = await signUp(app);
    const session = await logIn(app, user.username);
    const key = loginSecretKey((await prelogin(app, user.username)).kdf, {
      passphrase: PASSPHRASE,
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
      'nog een zin',
      TEST_KDF,
    );
    const { recoveryUpdate, recoveryCode } = rewrapForNewRecovery(user.username, user.accountKey);
    const change = await app.inject({
      method: 'PUT',
      url: '/api/account/passphrase',
      headers: bearer(session.accessToken),
      payload: { proof, ...passphraseUpdate, recovery: recoveryUpdate },
    });
    expect(change.statusCode, change.body).toBe(204);
    expectError(
      await attemptLogin(app, user.username, { recoveryCode: user.recoveryCode }),
      401,
      'login_failed',
    );
    await logIn(app, user.username, { recoveryCode });
  });
});
