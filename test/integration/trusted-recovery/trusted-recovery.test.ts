// Recovery through a person she trusts (decision 0026), on both engines: the helper's share and the
// server's share, the wait she chose, her stop, the hand-over to a new device and a server that cheats.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxKeyPair } from '../../../shared/crypto/sodium.js';
import {
  createHelperSetup,
  deriveTrustedSecrets,
  fromBase64Url,
  handoverCode,
  helperCode,
  openHandover,
  openHelperShare,
  rewrapForNewPassphrase,
  rewrapForNewRecovery,
  sealHandover,
  signStart,
  TEST_KDF,
  toBase64Url,
  trustedSecret,
  unlockAccount,
  waitIsOver,
} from '../../../shared/crypto/index.js';
import type { HelpingDetail, TrustedOverview } from '../../../shared/api/trusted-recovery.js';
import type { App } from '../../../server/app.js';
import { bearer, logIn, PASSPHRASE, prelogin, sign, signUp } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabases())('trusted recovery on $engine', (database) => {
  let app: App;
  let dir: string;
  let clockFile: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nk-clock-'));
    clockFile = join(dir, 'offset');
    await writeFile(clockFile, '0');
    app = await buildTestApp(database, { env: { TEST_CLOCK_FILE: clockFile } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  const moveClock = (ms: number) => writeFile(clockFile, String(ms));
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token?: string,
    payload?: object,
  ) =>
    app.inject({
      method,
      url,
      ...(token ? { headers: bearer(token) } : {}),
      ...(payload ? { payload } : {}),
    });

  /** She and her helper, signed in; she names the helper with a verified code and a wait of `waitDays`. */
  async function setUp(waitDays: 3 | 7 = 3) {
    await moveClock(0);
    const her = await signUp(app);
    const helper = await signUp(app, undefined, PASSPHRASE);
    const herSession = await logIn(app, her.username);
    const helperSession = await logIn(app, helper.username);
    const helperKeys = unlockAccount(helperSession.body.account, {
      method: 'passphrase',
      passphrase: PASSPHRASE,
    }).identity;
    const lookup = await call('POST', '/api/trusted-recovery/lookup', herSession.accessToken, {
      username: helper.username,
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    const served = lookup.json<{ signPublicKey: string; boxPublicKey: string }>();
    // her device's code from the served keys equals the helper device's code from its own keys
    expect(
      helperCode(
        her.username,
        fromBase64Url(served.signPublicKey),
        fromBase64Url(served.boxPublicKey),
      ),
    ).toBe(helperCode(her.username, helperKeys.signPublicKey, helperKeys.boxPublicKey));
    const setup = createHelperSetup(
      her.username,
      her.accountKey,
      { username: helper.username, boxPublicKey: fromBase64Url(served.boxPublicKey) },
      waitDays,
    );
    const added = await call('POST', '/api/trusted-recovery/helpers', herSession.accessToken, {
      helperUsername: helper.username,
      waitDays,
      ...setup,
    });
    expect(added.statusCode, added.body).toBe(201);
    const { helperId } = added.json<{ helperId: string }>();
    return { her, helper, herSession, helperSession, helperKeys, helperId, setup };
  }

  async function start(ctx: Awaited<ReturnType<typeof setUp>>, at = Date.now()) {
    const response = await call(
      'POST',
      `/api/trusted-recovery/helping/${ctx.helperId}/start`,
      ctx.helperSession.accessToken,
      { startedAt: at, signature: signStart(ctx.helperId, at, ctx.helperKeys.signSecretKey) },
    );
    expect(response.statusCode, response.body).toBe(204);
    return at;
  }

  const detail = async (ctx: Awaited<ReturnType<typeof setUp>>) => {
    const response = await call(
      'GET',
      `/api/trusted-recovery/helping/${ctx.helperId}`,
      ctx.helperSession.accessToken,
    );
    expect(response.statusCode, response.body).toBe(200);
    return response.json<HelpingDetail>();
  };

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
    const pre = await prelogin(app, ctx.her.username);
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
    await logIn(app, ctx.her.username, { passphrase: 'een nieuwe zin na hulp' });
    const after = (
      await call('GET', '/api/trusted-recovery', body.accessToken)
    ).json<TrustedOverview>();
    expect(after.helpers).toEqual([]);
    // the spent trusted key opens nothing any more
    const pre2 = await prelogin(app, ctx.her.username);
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
    const second = await signUp(app);
    const third = await signUp(app);
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

  it('a malicious server: a swapped helper key gives another code; an early release is refused by the helper device; a swapped hand-over key gives another code and does not open', async () => {
    const ctx = await setUp(7);
    // the server answers the lookup with a key of its own: the codes she and her helper compare differ
    const fake = boxKeyPair();
    expect(helperCode(ctx.her.username, ctx.helperKeys.signPublicKey, fake.publicKey)).not.toBe(
      helperCode(ctx.her.username, ctx.helperKeys.signPublicKey, ctx.helperKeys.boxPublicKey),
    );
    // a share sealed to the server's key does not open on the helper's device
    const forged = createHelperSetup(
      ctx.her.username,
      ctx.her.accountKey,
      { username: ctx.helper.username, boxPublicKey: fake.publicKey },
      3,
    );
    expect(() =>
      openHelperShare(
        forged.sealedShare,
        { publicKey: ctx.helperKeys.boxPublicKey, secretKey: ctx.helperKeys.boxSecretKey },
        { username: ctx.her.username, helper: ctx.helper.username },
      ),
    ).toThrow();

    // the server releases its share right after the start (its clock, or its rows, say the wait is over)
    const startedAt = await start(ctx);
    await moveClock(7 * DAY + 60_000);
    const open = await detail(ctx);
    expect(open.serverShare).toBeDefined();
    const share = openHelperShare(
      open.sealedShare,
      { publicKey: ctx.helperKeys.boxPublicKey, secretKey: ctx.helperKeys.boxSecretKey },
      { username: ctx.her.username, helper: ctx.helper.username },
    );
    // the wait she sealed (7 days) and the helper's own signed start decide, by the helper's clock
    expect(
      waitIsOver(
        { helperId: ctx.helperId, ...open.start! },
        ctx.helperKeys.signPublicKey,
        share.waitDays,
        startedAt + DAY,
      ),
    ).toBe(false);
    // a start the server re-dated is not signed by the helper
    expect(() =>
      waitIsOver(
        {
          helperId: ctx.helperId,
          startedAt: startedAt - 8 * DAY,
          signature: open.start!.signature,
        },
        ctx.helperKeys.signPublicKey,
        7,
        startedAt + DAY,
      ),
    ).toThrow();
    // a share moved to another account's row names the wrong person
    expect(() =>
      openHelperShare(
        open.sealedShare,
        { publicKey: ctx.helperKeys.boxPublicKey, secretKey: ctx.helperKeys.boxSecretKey },
        { username: 'iemand-anders', helper: ctx.helper.username },
      ),
    ).toThrow();

    // the server swaps her new device's hand-over key for its own: the helper's code differs, and her device cannot open a seal to that key
    const device = boxKeyPair();
    const serverKey = boxKeyPair();
    expect(handoverCode(ctx.her.username, serverKey.publicKey)).not.toBe(
      handoverCode(ctx.her.username, device.publicKey),
    );
    const secret = trustedSecret(share.share, fromBase64Url(open.serverShare ?? ''));
    expect(() =>
      openHandover(
        sealHandover(ctx.her.username, secret, serverKey.publicKey),
        device,
        ctx.her.username,
      ),
    ).toThrow();
    // the server alone (its share, without the helper's) cannot log in as her
    const guess = deriveTrustedSecrets(
      trustedSecret(new Uint8Array(32), fromBase64Url(open.serverShare ?? '')),
    );
    const pre = await prelogin(app, ctx.her.username);
    expectError(
      await call('POST', '/api/accounts/login', undefined, {
        username: ctx.her.username,
        challengeId: pre.challengeId,
        method: 'trusted',
        signature: sign(guess.loginKeyPair.secretKey, 'login', ctx.her.username, pre.challenge),
      }),
      401,
      'login_failed',
    );
  });
});
