// Builds the real app on a fresh test database; no mocks.
import type { DestinationStream } from 'pino';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/infra/config.js';
import type { TestDatabase } from './databases.js';

export interface TestAppOptions {
  /** Extra environment variables (e.g. RATE_LIMIT_LOGIN, PUBLIC_ORIGIN). */
  env?: Record<string, string>;
  logStream?: DestinationStream;
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
  return buildApp(config, options.logStream ? { logStream: options.logStream } : {});
}
