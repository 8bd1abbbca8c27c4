// Starts the real server (buildApp) on 127.0.0.1, a free port, a fresh SQLite data dir and the built client.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { buildApp, type App } from '../../../server/app.js';
import { loadConfig, type Config } from '../../../server/infra/config.js';

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  readonly url: string;
  readonly config: Config;
  /** The SQLite database file (the -wal file sits beside it). */
  readonly databaseFile: string;
  /** Every log line the server wrote, as written. */
  readonly logs: string[];
  readonly app: App;
  close(): Promise<void>;
  /** Closes (if still open) and deletes the data dir. */
  dispose(): Promise<void>;
}

/** `env`: extra variables, e.g. TEST_CLOCK_FILE for a test that moves past a waiting period. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nk-e2e-data-'));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: inject('clientDir'),
    LOG_LEVEL: 'info',
    // One browser logs in several times a minute during a test run.
    RATE_LIMIT_LOGIN: '1000',
    RATE_LIMIT_SIGNUP: '1000',
    ...env,
  });
  if (config.database.engine !== 'sqlite') throw new Error('e2e tests expect SQLite');
  const databaseFile = config.database.file;
  const logs: string[] = [];
  const app = await buildApp(config, {
    logStream: {
      write(line: string) {
        logs.push(line);
      },
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await app.close();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    config,
    databaseFile,
    logs,
    app,
    close,
    async dispose() {
      await close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
