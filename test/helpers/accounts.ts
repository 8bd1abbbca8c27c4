// Accounts through the real protocol (shared/crypto with TEST_KDF) and the real HTTP API.
import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { LoginResponse, PreloginResponse } from '../../shared/api/accounts.js';
import {
  createAccount,
  deriveAccountSecrets,
  deriveRecoverySecrets,
  fromBase64Url,
  loadSodium,
  parseRecoveryCode,
  signLoginProof,
  TEST_KDF,
  toBase64Url,
  type LoginPurpose,
} from '../../shared/crypto/index.js';
import type { App } from '../../server/app.js';

export const PASSPHRASE = 'paarse fiets onder de lindeboom';

export type Secret = { passphrase: string } | { recoveryCode: string };

export interface SignedUp {
  accountId: string;
  username: string;
  recoveryCode: string;
  registration: ReturnType<typeof createAccount>['registration'];
  accountKey: Uint8Array;
}

let counter = 0;
/** A username no other test in this process uses. */
export function uniqueUsername(prefix = 'ouder'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function signUp(
  app: App,
  username = uniqueUsername(),
  passphrase = PASSPHRASE,
): Promise<SignedUp> {
  await loadSodium();
  const created = createAccount(username, passphrase, TEST_KDF);
  const response = await app.inject({
    method: 'POST',
    url: '/api/accounts',
    payload: created.registration,
  });
  expect(response.statusCode, response.body).toBe(201);
  return {
    accountId: response.json<{ accountId: string }>().accountId,
    username: created.registration.username,
    recoveryCode: created.recoveryCode,
    registration: created.registration,
    accountKey: created.session.accountKey,
  };
}

/** The login secret key for `secret`, derived the way a client does it. */
export function loginSecretKey(kdf: PreloginResponse['kdf'], secret: Secret): Uint8Array {
  if ('passphrase' in secret) {
    return deriveAccountSecrets(secret.passphrase, { ...kdf, salt: fromBase64Url(kdf.salt) })
      .loginKeyPair.secretKey;
  }
  return deriveRecoverySecrets(parseRecoveryCode(secret.recoveryCode)).loginKeyPair.secretKey;
}

export async function prelogin(app: App, username: string): Promise<PreloginResponse> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/accounts/prelogin',
    payload: { username },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PreloginResponse>();
}

export function sign(
  secretKey: Uint8Array,
  purpose: LoginPurpose,
  username: string,
  challenge: string,
): string {
  return toBase64Url(signLoginProof(secretKey, purpose, username, fromBase64Url(challenge)));
}

/** Prelogin + login; answers the raw login response (check its status yourself). */
export async function attemptLogin(
  app: App,
  username: string,
  secret: Secret = { passphrase: PASSPHRASE },
  extra: { remember?: boolean; stay?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const pre = await prelogin(app, username);
  const secretKey = loginSecretKey(pre.kdf, secret);
  return app.inject({
    method: 'POST',
    url: '/api/accounts/login',
    payload: {
      username,
      challengeId: pre.challengeId,
      method: 'passphrase' in secret ? 'passphrase' : 'recovery',
      signature: sign(secretKey, 'login', username, pre.challenge),
      ...extra,
    },
  });
}

export interface LoggedIn {
  accessToken: string;
  refreshToken: string;
  body: LoginResponse;
}

export async function logIn(
  app: App,
  username: string,
  secret: Secret = { passphrase: PASSPHRASE },
): Promise<LoggedIn> {
  const response = await attemptLogin(app, username, secret);
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json<LoginResponse>();
  return { accessToken: body.accessToken, refreshToken: refreshCookie(response), body };
}

/** The refresh cookie a response set; fails the test when there is none. */
export function refreshCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'nk_refresh');
  expect(cookie, 'refresh cookie').toBeDefined();
  return cookie?.value ?? '';
}

export function bearer(accessToken: string): Record<string, string> {
  return { authorization: `Bearer ${accessToken}` };
}

export function withRefreshCookie(token: string): Record<string, string> {
  return { cookie: `nk_refresh=${token}` };
}

/** A signed proof for PUT /api/account/passphrase or DELETE /api/account. */
export async function accountProof(
  app: App,
  accessToken: string,
  username: string,
  secretKey: Uint8Array,
  purpose: 'passphrase-change' | 'delete-account',
  method: 'passphrase' | 'recovery' = 'passphrase',
): Promise<{ challengeId: string; method: 'passphrase' | 'recovery'; signature: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/account/challenge',
    headers: bearer(accessToken),
  });
  expect(response.statusCode, response.body).toBe(200);
  const { challengeId, challenge } = response.json<{ challengeId: string; challenge: string }>();
  return { challengeId, method, signature: sign(secretKey, purpose, username, challenge) };
}
