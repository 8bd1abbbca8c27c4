// Two instances on one PostgreSQL and no JWT_SECRET: one server secret for both, and JWT keys that rotate.
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { RETAIN_MS } from '../../../server/infra/secrets/jwt-keys.js';
import { buildInstances, postgresOf, type Instances } from '../../helpers/app.js';
import { bearer, logIn, prelogin, signUp, uniqueUsername } from '../../helpers/accounts.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

const run = promisify(execFile);
const database = postgresOf(testDatabases());

function kidOf(token: string): unknown {
  const [header = ''] = token.split('.');
  return (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid?: unknown }).kid;
}

/** An HS256 token made by hand, to try keys and kids the server never issued. */
function handMadeToken(key: Buffer, kid: string | undefined, claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${part({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) })}.${part({ iat: now, exp: now + 600, ...claims })}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('two instances on one PostgreSQL without JWT_SECRET', () => {
  let instances: Instances;
  let one: App;
  let two: App;
  beforeAll(async () => {
    instances = await buildInstances(database, 2);
    [one, two] = instances.apps as [App, App];
  });
  afterAll(async () => {
    await instances.close();
  });

  const account = (app: App, token: string) =>
    app.inject({ method: 'GET', url: '/api/account', headers: bearer(token) });

  it('answers the same fake salt for an unknown name on both, every time', async () => {
    const name = uniqueUsername('niemand');
    const salts = [
      (await prelogin(one, name)).kdf.salt,
      (await prelogin(two, name)).kdf.salt,
      (await prelogin(two, name)).kdf.salt,
      (await prelogin(one, name)).kdf.salt,
    ];
    expect(new Set(salts).size).toBe(1);
    expect((await prelogin(one, uniqueUsername('niemand'))).kdf.salt).not.toBe(salts[0]);
  });

  it('accepts a token from one instance on the other', async () => {
    const { username } = await signUp(one);
    const fromOne = await logIn(one, username);
    const fromTwo = await logIn(two, username);
    expect((await account(two, fromOne.accessToken)).statusCode).toBe(200);
    expect((await account(one, fromTwo.accessToken)).statusCode).toBe(200);
    expect(kidOf(fromOne.accessToken)).toBe(kidOf(fromTwo.accessToken));
    expect(kidOf(fromOne.accessToken)).toMatch(/^[A-Za-z0-9_-]{12}$/);
    const [, payload = ''] = fromOne.accessToken.split('.');
    const { iat, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      iat: number;
      exp: number;
    };
    expect(exp - iat).toBe(15 * 60);
  });

  it('refuses a token with a key or kid it never issued, like a wrong signature', async () => {
    const { username } = await signUp(one);
    const { accessToken } = await logIn(one, username);
    const [, payload = ''] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
    const signing = one.secrets.jwtKeys.signing();
    for (const forged of [
      handMadeToken(randomBytes(32), 'AAAAAAAAAAAA', claims),
      handMadeToken(randomBytes(32), signing.kid, claims),
      handMadeToken(signing.key, 'AAAAAAAAAAAA', claims),
    ]) {
      expectError(await account(two, forged), 401, 'unauthorized');
    }
    // tokens from before keys had ids were signed with the first key and still verify
    expect((await account(two, handMadeToken(signing.key, undefined, claims))).statusCode).toBe(
      200,
    );
  });

  it('rotates the JWT key with npm run secrets:rotate-jwt without signing anyone out', async () => {
    const { username } = await signUp(one);
    const before = await logIn(one, username);
    const oldKid = kidOf(before.accessToken);

    const dataDir = await mkdtemp(join(tmpdir(), 'nk-rotate-'));
    try {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', 'scripts/rotate-jwt-key.ts'],
        { env: { ...process.env, DATABASE_URL: instances.databaseUrl, DATA_DIR: dataDir } },
      );
      expect(stdout).toMatch(/New JWT signing key [A-Za-z0-9_-]{12}\./);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }

    // instance one reads the keys again as its timer would; instance two is left to find out itself
    await one.secrets.jwtKeys.reload();
    const after = await logIn(one, username);
    const newKid = kidOf(after.accessToken);
    expect(newKid).not.toBe(oldKid);
    for (const app of [one, two]) {
      expect((await account(app, before.accessToken)).statusCode).toBe(200);
      expect((await account(app, after.accessToken)).statusCode).toBe(200);
    }
    // having met the new kid, instance two signs with the new key too
    expect(kidOf((await logIn(two, username)).accessToken)).toBe(newKid);

    // once every token of the old key has expired, the old key verifies nothing
    const later = Date.now() + RETAIN_MS + 1;
    expect(await one.secrets.jwtKeys.verifying(String(oldKid), later)).toBeUndefined();
    expect((await one.secrets.jwtKeys.verifying(String(newKid), later))?.kid).toBe(newKid);
  });
});
