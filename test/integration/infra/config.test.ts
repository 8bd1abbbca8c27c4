// Configuration from the environment, and the generated secret file; the app starts on both engines.
import { chmodSync, mkdtempSync, rmSync, statSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/infra/config.js';
import { openDatabase } from '../../../server/infra/db/connect.js';
import { deriveKeys } from '../../../server/infra/secrets/keys.js';
import { loadRootSecret } from '../../../server/infra/secrets/root.js';
import { secretsDb } from '../../../server/infra/secrets/schema.js';
import { buildAppOn } from '../../helpers/app.js';
import { createMap, mapRequest } from '../../helpers/maps.js';
import { testDatabases } from '../../helpers/databases.js';

describe('loadConfig', () => {
  it('has safe defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      dataDir: resolve('data'),
      database: { engine: 'sqlite', file: join(resolve('data'), 'netwerkkaart.sqlite') },
      jwtSecret: null,
      logLevel: 'info',
      staticDir: resolve('dist/client'),
      rateLimitLogin: 20,
      rateLimitSignUp: 20,
      settleSeconds: 300,
      publicOrigin: null,
      cookieSecure: false,
      trustProxy: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '9000',
      DATA_DIR: '/var/lib/nk',
      DATABASE_URL: 'postgres://nk@db/nk',
      JWT_SECRET: 's'.repeat(40),
      LOG_LEVEL: 'warn',
      STATIC_DIR: '/srv/web',
      RATE_LIMIT_LOGIN: '5',
      RATE_LIMIT_SIGNUP: '3',
      PUBLIC_ORIGIN: 'https://Netwerkkaart.example:443/',
      TRUST_PROXY: 'true',
      UNRELATED: 'ignored',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9000,
      database: { engine: 'postgres', url: 'postgres://nk@db/nk' },
      jwtSecret: 's'.repeat(40),
      logLevel: 'warn',
      staticDir: '/srv/web',
      rateLimitLogin: 5,
      rateLimitSignUp: 3,
      settleSeconds: 300,
      publicOrigin: 'https://netwerkkaart.example',
      cookieSecure: true,
      trustProxy: true,
    });
  });

  it('makes cookies Secure except on loopback, unless told otherwise', () => {
    expect(loadConfig({ HOST: '::1' }).cookieSecure).toBe(false);
    expect(loadConfig({ HOST: 'localhost' }).cookieSecure).toBe(false);
    expect(loadConfig({ HOST: '10.1.2.3' }).cookieSecure).toBe(true);
    expect(loadConfig({ HOST: '10.1.2.3', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: '1' }).cookieSecure).toBe(true);
  });

  it('treats empty variables as absent', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      port: 8080,
      database: { engine: 'sqlite' },
    });
  });

  it('lists every invalid variable with a clear message', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short',
        LOG_LEVEL: 'loud',
        COOKIE_SECURE: 'yes',
        RATE_LIMIT_LOGIN: '-1',
        RATE_LIMIT_SIGNUP: 'many',
        PUBLIC_ORIGIN: 'https://netwerkkaart.example/app',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'JWT_SECRET',
      'LOG_LEVEL',
      'COOKIE_SECURE',
      'RATE_LIMIT_LOGIN',
      'RATE_LIMIT_SIGNUP',
      'PUBLIC_ORIGIN',
    ]) {
      expect(message).toContain(name);
    }
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ RATE_LIMIT_LOGIN: '0' })).toThrow(/RATE_LIMIT_LOGIN/);
    expect(() => loadConfig({ RATE_LIMIT_SIGNUP: '0' })).toThrow(/RATE_LIMIT_SIGNUP/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'netwerkkaart.example' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('takes the test clock file of trusted recovery only outside production (decision 0026)', () => {
    expect(loadConfig({}).testClockFile).toBeNull();
    expect(loadConfig({ TEST_CLOCK_FILE: '/tmp/offset' }).testClockFile).toBe('/tmp/offset');
    expect(() => loadConfig({ TEST_CLOCK_FILE: '/tmp/offset', NODE_ENV: 'production' })).toThrow(
      /TEST_CLOCK_FILE/,
    );
  });
});

describe('the server secret without PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nk-secret-'));
  // loadRootSecret reads no table on SQLite or with JWT_SECRET; a real database all the same
  const db = secretsDb(openDatabase({ engine: 'sqlite', file: join(dir, 'db', 'x.sqlite') }));
  afterAll(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);

  it('is generated once into DATA_DIR/jwt-secret with mode 0600 and kept', async () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'data') });
    const first = await loadRootSecret(config, db, warn);
    expect(first.source).toBe('file');
    const file = join(dir, 'data', 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').length).toBeGreaterThanOrEqual(43);
    const second = await loadRootSecret(config, db, warn);
    expect(second.secret.equals(first.secret)).toBe(true);
    const keys = deriveKeys(first.secret);
    expect(keys.jwtKey.equals(keys.fakeSaltKey)).toBe(false);
    expect(keys.rateLimitKey.equals(keys.jwtKey)).toBe(false);
    expect(keys.rateLimitKey.equals(keys.fakeSaltKey)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('makes a file readable by others 0600 again and says so', async () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'data') });
    const before = await loadRootSecret(config, db, warn);
    const file = join(dir, 'data', 'jwt-secret');
    chmodSync(file, 0o644);
    const after = await loadRootSecret(config, db, warn);
    expect(after.secret.equals(before.secret)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([expect.stringContaining('0600')]);
  });

  it('comes from JWT_SECRET when set, without touching the data directory', async () => {
    const config = loadConfig({ DATA_DIR: join(dir, 'other'), JWT_SECRET: 'k'.repeat(32) });
    const root = await loadRootSecret(config, db, warn);
    expect(root).toEqual({ secret: Buffer.from('k'.repeat(32)), source: 'env' });
    expect(deriveKeys(root.secret).jwtKey).toHaveLength(32);
    expect(() => statSync(join(dir, 'other'))).toThrow();
  });
});

const databases = testDatabases();

describe.each(databases)('starting and stopping on $engine', (database) => {
  it('migrates an empty database, starts again without changes and flushes access counts on close', async () => {
    const target = await database.create();
    const first = await buildAppOn(target);
    await first.ready();
    const tables = await first.db.introspection.getTables();
    // each feature's migration adds its own tables; these are the ones of accounts, maps and membership
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'accounts',
        'login_challenges',
        'map_slots',
        'map_versions',
        'maps',
        'sessions',
        'slot_access',
        'map_log',
        'invites',
        'invite_requests',
        'map_cards',
        'slot_events',
        'server_secrets',
        'jwt_keys',
        'rate_limit_counters',
      ]),
    );
    expect(first.dbEngine).toBe(database.engine);
    const map = await createMap(first);
    expect(
      (await mapRequest(first, 'GET', `/api/maps/${map.mapId}`, map.capability)).statusCode,
    ).toBe(200);
    await first.close();

    const second = await buildAppOn(target);
    await second.ready();
    const counts = await second.db.selectFrom('slot_access').select('count').execute();
    expect(counts).toEqual([{ count: 1 }]);
    expect(
      (await mapRequest(second, 'GET', `/api/maps/${map.mapId}`, map.capability)).statusCode,
    ).toBe(200);
    await second.close();
  });
});
