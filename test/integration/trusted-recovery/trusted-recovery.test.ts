// Recovery through a person she trusts (decision 0026), on both engines: the wait she chose, her stop,
// the hand-over to a new device, the spent helper, and stable error codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxKeyPair } from '../../../shared/crypto/sodium.js';
import {
  deriveTrustedSecrets,
  fromBase64Url,
  handoverCode,
  openHandover,
  openHelperShare,
  rewrapForNewPassphrase,
  rewrapForNewRecovery,
  sealHandover,
  TEST_KDF,
  toBase64Url,
  trustedSecret,
  unlockAccount,
  waitIsOver,
} from '../../../shared/crypto/index.js';
import type { TrustedOverview } from '../../../shared/api/trusted-recovery.js';
import { logIn, prelogin, sign, signUp } from '../../helpers/accounts.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';
import {
  DAY,
  detail as detailIn,
  setUp as setUpIn,
  start as startIn,
  trustedWorld,
  type Setting,
  type TrustedWorld,
} from './world.js';

describe.each(testDatabases())('trusted recovery on $engine', (database) => {
  let world: TrustedWorld;
  beforeAll(async () => {
    world = await trustedWorld(database);
  });
  afterAll(async () => {
    await world.close();
  });
  const setUp = (waitDays: 3 | 7 = 3) => setUpIn(world, waitDays);
  const start = (ctx: Setting, at?: number) => startIn(world, ctx, at);
  const detail = (ctx: Setting) => detailIn(world, ctx);
  const call: TrustedWorld['call'] = (...args) => world.call(...args);
  const moveClock = (ms: number) => world.moveClock(ms);

  it('after the wait the helper hands her a way back in; she sets a new passphrase and the helper is spent', async () => {
    const ctx = await setUp(7);
    const startedAt = await start(ctx);
    const mine = (
      await call('GET', '/api/trusted-recovery', ctx.herSession.accessToken)
    ).json<TrustedOverview>();
    // every device of hers sees the started recovery (the banner)
    expect(mine.helpers).toEqual([
      {
        helperId: ctx.helperId,
        helperUsername: ctx.helper.username,
        waitDays: 7,
        startedAt: expect.any(Number),
      },
    ]);
    expect((await detail(ctx)).serverShare).toBeUndefined();
    // her new device cannot get a hand-over during the wait
    const device = boxKeyPair();
    const early = await call('POST', '/api/trusted-recovery/handover', undefined, {
      username: ctx.her.username,
      boxPublicKey: toBase64Url(device.publicKey),
    });
    expectError(early, 404, 'handover_unavailable');

    await moveClock(7 * DAY + 60_000);
    const asked = await call('POST', '/api/trusted-recovery/handover', undefined, {
      username: ctx.her.username,
      boxPublicKey: toBase64Url(device.publicKey),
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const { handoverId } = asked.json<{ handoverId: string }>();
    const open = await detail(ctx);
    expect(open.serverShare).toBeDefined();
    expect(open.handover?.handoverId).toBe(handoverId);
    // the two codes match: the helper's device saw her new device's real key
    expect(handoverCode(ctx.her.username, fromBase64Url(open.handover?.boxPublicKey ?? ''))).toBe(
      handoverCode(ctx.her.username, device.publicKey),
    );
    const share = openHelperShare(
      open.sealedShare,
      { publicKey: ctx.helperKeys.boxPublicKey, secretKey: ctx.helperKeys.boxSecretKey },
      {
        username: ctx.her.username,
        helper: ctx.helper.username,
      },
    );
    expect(share.waitDays).toBe(7);
    expect(
      waitIsOver(
        { helperId: ctx.helperId, ...open.start! },
        ctx.helperKeys.signPublicKey,
        7,
        startedAt + 7 * DAY,
      ),
    ).toBe(true);
    const secret = trustedSecret(share.share, fromBase64Url(open.serverShare ?? ''));
    const sealed = sealHandover(
      ctx.her.username,
      secret,
      fromBase64Url(open.handover?.boxPublicKey ?? ''),
    );
    const put = await call(
      'PUT',
      `/api/trusted-recovery/helping/${ctx.helperId}/handover`,
      ctx.helperSession.accessToken,
      { handoverId, sealed },
    );
    expect(put.statusCode, put.body).toBe(204);

    // her new device: opens the hand-over, logs in with the trusted key, unlocks her keyring
    const state = (await call('GET', `/api/trusted-recovery/handover/${handoverId}`)).json<{
      sealed: string;
      trustWrappedAccountKey: string;
    }>();
    const got = openHandover(state.sealed, device, ctx.her.username);
    const { wrapKey, loginKeyPair } = deriveTrustedSecrets(got);
    const pre = await prelogin(world.app, ctx.her.username);
    const login = await call('POST', '/api/accounts/login', undefined, {
      username: ctx.her.username,
      challengeId: pre.challengeId,
      method: 'trusted',
      signature: sign(loginKeyPair.secretKey, 'login', ctx.her.username, pre.challenge),
    });
    expect(login.statusCode, login.body).toBe(200);
    const body = login.json<{
      accessToken: string;
      account: Parameters<typeof unlockAccount>[0];
    }>();
    const unlocked = unlockAccount(
      { ...body.account, trustedWrappedAccountKey: state.trustWrappedAccountKey },
      { method: 'trusted', wrapKey },
    );
    expect(toBase64Url(unlocked.accountKey)).toBe(toBase64Url(ctx.her.accountKey));

    // a change proven by the trusted key must bring a new recovery code, and spends the helper
    const { passphraseUpdate } = rewrapForNewPassphrase(
      ctx.her.username,
      unlocked.accountKey,
      'een nieuwe zin na hulp',
      TEST_KDF,
    );
    const challenge = (await call('POST', '/api/account/challenge', body.accessToken)).json<{
      challengeId: string;
      challenge: string;
    }>();
    const proof = {
      challengeId: challenge.challengeId,
      method: 'trusted',
      signature: sign(
        loginKeyPair.secretKey,
        'passphrase-change',
        ctx.her.username,
        challenge.challenge,
      ),
    };
    expectError(
      await call('PUT', '/api/account/passphrase', body.accessToken, {
        proof,
        ...passphraseUpdate,
      }),
      400,
      'recovery_required',
    );
    const challenge2 = (await call('POST', '/api/account/challenge', body.accessToken)).json<{
      challengeId: string;
      challenge: string;
    }>();
    const { recoveryUpdate } = rewrapForNewRecovery(ctx.her.username, unlocked.accountKey);
    const change = await call('PUT', '/api/account/passphrase', body.accessToken, {
      proof: {
        ...proof,
        challengeId: challenge2.challengeId,
        signature: sign(
          loginKeyPair.secretKey,
          'passphrase-change',
          ctx.her.username,
          challenge2.challenge,
        ),
      },
      ...passphraseUpdate,
      recovery: recoveryUpdate,
    });
    expect(change.statusCode, change.body).toBe(204);
    await logIn(world.app, ctx.her.username, { passphrase: 'een nieuwe zin na hulp' });
    const after = (
      await call('GET', '/api/trusted-recovery', body.accessToken)
    ).json<TrustedOverview>();
    expect(after.helpers).toEqual([]);
    // the spent trusted key opens nothing any more
    const pre2 = await prelogin(world.app, ctx.her.username);
    expectError(
      await call('POST', '/api/accounts/login', undefined, {
        username: ctx.her.username,
        challengeId: pre2.challengeId,
        method: 'trusted',
        signature: sign(loginKeyPair.secretKey, 'login', ctx.her.username, pre2.challenge),
      }),
      401,
      'login_failed',
    );
  });

  it('she stops it during the wait: the helper gets no share and cannot hand over', async () => {
    const ctx = await setUp(3);
    await start(ctx);
    const stop = await call(
      'POST',
      `/api/trusted-recovery/helpers/${ctx.helperId}/stop`,
      ctx.herSession.accessToken,
    );
    expect(stop.statusCode, stop.body).toBe(204);
    await moveClock(3 * DAY + 60_000);
    expect((await detail(ctx)).serverShare).toBeUndefined();
    expect((await detail(ctx)).start).toBeNull();
    expectError(
      await call('POST', '/api/trusted-recovery/handover', undefined, {
        username: ctx.her.username,
        boxPublicKey: toBase64Url(boxKeyPair().publicKey),
      }),
      404,
      'handover_unavailable',
    );
    expectError(
      await call(
        'PUT',
        `/api/trusted-recovery/helping/${ctx.helperId}/handover`,
        ctx.helperSession.accessToken,
        { handoverId: ctx.helperId, sealed: toBase64Url(new Uint8Array(80)) },
      ),
      409,
      'recovery_not_started',
    );
  });

  it('she stops it after the wait: the helper, who may hold the server share, is removed', async () => {
    const ctx = await setUp(3);
    await start(ctx);
    await moveClock(3 * DAY + 60_000);
    expect((await detail(ctx)).serverShare).toBeDefined();
    const stop = await call(
      'POST',
      `/api/trusted-recovery/helpers/${ctx.helperId}/stop`,
      ctx.herSession.accessToken,
    );
    expect(stop.statusCode, stop.body).toBe(204);
    const mine = (
      await call('GET', '/api/trusted-recovery', ctx.herSession.accessToken)
    ).json<TrustedOverview>();
    expect(mine.helpers).toEqual([]);
    expectError(
      await call(
        'GET',
        `/api/trusted-recovery/helping/${ctx.helperId}`,
        ctx.helperSession.accessToken,
      ),
      404,
      'helper_not_found',
    );
  });

  it('refuses bad input with stable codes: herself, a third helper, the same helper twice, an unknown name', async () => {
    const ctx = await setUp(3);
    expectError(
      await call('POST', '/api/trusted-recovery/lookup', ctx.herSession.accessToken, {
        username: ctx.her.username,
      }),
      400,
      'helper_self',
    );
    expectError(
      await call('POST', '/api/trusted-recovery/lookup', ctx.herSession.accessToken, {
        username: 'niemand-bestaat-zo',
      }),
      404,
      'helper_not_found',
    );
    const again = await call('POST', '/api/trusted-recovery/helpers', ctx.herSession.accessToken, {
      helperUsername: ctx.helper.username,
      waitDays: 3,
      ...ctx.setup,
    });
    expectError(again, 409, 'helper_exists');
    const second = await signUp(world.app);
    const third = await signUp(world.app);
    for (const [other, status] of [
      [second, 201],
      [third, 409],
    ] as const) {
      const response = await call(
        'POST',
        '/api/trusted-recovery/helpers',
        ctx.herSession.accessToken,
        { helperUsername: other.username, waitDays: 7, ...ctx.setup },
      );
      expect(response.statusCode, response.body).toBe(status);
    }
    const wrongWait = await call(
      'POST',
      '/api/trusted-recovery/helpers',
      ctx.herSession.accessToken,
      { helperUsername: third.username, waitDays: 1, ...ctx.setup },
    );
    expectError(wrongWait, 400, 'invalid_request');
    expectError(
      await call(
        'GET',
        `/api/trusted-recovery/helping/${ctx.helperId}`,
        ctx.herSession.accessToken,
      ),
      404,
      'helper_not_found',
    );
  });
});
