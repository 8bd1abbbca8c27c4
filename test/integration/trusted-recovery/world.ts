// The world of a trusted-recovery test: an app with a test clock, and a parent who named a helper.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import {
  createHelperSetup,
  fromBase64Url,
  helperCode,
  signStart,
  unlockAccount,
} from '../../../shared/crypto/index.js';
import type { HelpingDetail } from '../../../shared/api/trusted-recovery.js';
import type { App } from '../../../server/app.js';
import { bearer, logIn, PASSPHRASE, signUp } from '../../helpers/accounts.js';
import { buildTestApp } from '../../helpers/app.js';
import type { TestDatabase } from '../../helpers/databases.js';

export const DAY = 24 * 60 * 60 * 1000;

export interface TrustedWorld {
  app: App;
  moveClock(ms: number): Promise<void>;
  call(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token?: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The app whose trusted-recovery clock the test moves through a TEST_CLOCK_FILE. */
export async function trustedWorld(database: TestDatabase): Promise<TrustedWorld> {
  const dir = await mkdtemp(join(tmpdir(), 'nk-clock-'));
  const clockFile = join(dir, 'offset');
  await writeFile(clockFile, '0');
  const app = await buildTestApp(database, { env: { TEST_CLOCK_FILE: clockFile } });
  await app.ready();
  return {
    app,
    moveClock: (ms) => writeFile(clockFile, String(ms)),
    call: (method, url, token, payload) =>
      app.inject({
        method,
        url,
        ...(token ? { headers: bearer(token) } : {}),
        ...(payload ? { payload } : {}),
      }),
    close: async () => {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** She and her helper, signed in; she names the helper with a verified code and a wait of `waitDays`. */
export async function setUp(world: TrustedWorld, waitDays: 3 | 7 = 3) {
  const { app, call } = world;
  await world.moveClock(0);
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

export type Setting = Awaited<ReturnType<typeof setUp>>;

/** The helper's device starts a recovery, signed at `at`. */
export async function start(world: TrustedWorld, ctx: Setting, at = Date.now()) {
  const response = await world.call(
    'POST',
    `/api/trusted-recovery/helping/${ctx.helperId}/start`,
    ctx.helperSession.accessToken,
    { startedAt: at, signature: signStart(ctx.helperId, at, ctx.helperKeys.signSecretKey) },
  );
  expect(response.statusCode, response.body).toBe(204);
  return at;
}

/** What the helper's device reads of the recovery. */
export async function detail(world: TrustedWorld, ctx: Setting): Promise<HelpingDetail> {
  const response = await world.call(
    'GET',
    `/api/trusted-recovery/helping/${ctx.helperId}`,
    ctx.helperSession.accessToken,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json<HelpingDetail>();
}
