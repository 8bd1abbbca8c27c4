// Trusted recovery against a malicious server (decision 0026), on both engines: what the devices refuse.
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
  sealHandover,
  trustedSecret,
  waitIsOver,
} from '../../../shared/crypto/index.js';
import { prelogin, sign } from '../../helpers/accounts.js';
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

describe.each(testDatabases())('trusted recovery, malicious server on $engine', (database) => {
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
    const pre = await prelogin(world.app, ctx.her.username);
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
