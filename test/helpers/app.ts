// Builds the real app on a fresh test database; no mocks.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/infra/config.js';
import type { TestDatabase } from './databases.js';

export interface TestAppOptions {
  /** Extra environment variables (e.g. RATE_LIMIT_LOGIN, PUBLIC_ORIGIN). */
  env?: Record<string, string>;
  logStream?: DestinationStream;
  /** The server's clock for access end dates (test/helpers/clock.ts); default Date.now. */
  now?: () => number;
}

/** The app on a fresh database of `database.engine`, quiet logs, a rate limit no test trips by accident. */
export async function buildTestApp(
  database: TestDatabase,
  options: TestAppOptions = {},
): Promise<App> {
  return buildAppOn(await database.create(), options);
}

/** The app on a database made earlier by `database.create()`, e.g. to start a second time. */
export async function buildAppOn(
  { dataDir, databaseUrl }: { dataDir: string; databaseUrl: string | undefined },
  options: TestAppOptions = {},
): Promise<App> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: 'silent',
    STATIC_DIR: `${dataDir}/no-web-app`,
    RATE_LIMIT_LOGIN: '10000',
    RATE_LIMIT_SIGNUP: '10000',
    ...options.env,
  });
  if (options.now) config.now = options.now;
  return buildApp(config, options.logStream ? { logStream: options.logStream } : {});
}

/** The PostgreSQL one of `testDatabases()`: what several instances share. */
export function postgresOf(databases: TestDatabase[]): TestDatabase {
  const postgres = databases.find((d) => d.engine === 'postgres');
  if (!postgres) throw new Error('testDatabases() has no PostgreSQL');
  return postgres;
}

export interface Instances {
  apps: App[];
  databaseUrl: string | undefined;
  /** Closes every instance and removes their data directories. */
  close(): Promise<void>;
}

/**
 * `count` app instances started at the same moment on one fresh database, each with a data directory
 * of its own (as on separate machines), so nothing is shared but the database.
 */
export async function buildInstances(
  database: TestDatabase,
  count: number,
  options: TestAppOptions = {},
): Promise<Instances> {
  const { databaseUrl } = await database.create();
  const dirs = await Promise.all(
    Array.from({ length: count }, () => mkdtemp(join(tmpdir(), 'nk-instance-'))),
  );
  const apps = await Promise.all(
    dirs.map((dataDir) => buildAppOn({ dataDir, databaseUrl }, options)),
  );
  await Promise.all(apps.map((app) => app.ready()));
  return {
    apps,
    databaseUrl,
    close: async () => {
      await Promise.all(apps.map((app) => app.close()));
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}
