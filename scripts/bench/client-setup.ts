// What the client benchmark needs before it measures: the web app built as `npm run build` builds it,
// the real server on loopback (SQLite), and a map with 30 members made by real devices (the crypto
// worker's own handlers in Node, as the integration tests use them), so the browser only measures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { buildApp, type App } from '../../server/app.js';
import { loadConfig } from '../../server/infra/config.js';
import { DEVICE_PASSPHRASE, Device, joinByInvite } from '../../test/helpers/account-device.js';

export interface BenchServer {
  readonly url: string;
  readonly app: App;
  close(): Promise<void>;
}

/** Builds the client with vite.config.ts (Brotli and gzip included) into a temporary folder. */
export async function buildClient(): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'nk-bench-client-'));
  await build({
    configFile: resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true },
  });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startServer(clientDir: string): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nk-bench-client-data-'));
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    STATIC_DIR: clientDir,
    LOG_LEVEL: process.env['BENCH_LOG'] ?? 'warn',
    RATE_LIMIT_LOGIN: '1000',
    RATE_LIMIT_SIGNUP: '1000',
  });
  const app = await buildApp(config, {
    logStream: {
      write: (line: string) => {
        if (process.env['BENCH_LOG']) process.stderr.write(line);
      },
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const OWNER = 'bench-ouder';
export const PASSPHRASE = DEVICE_PASSPHRASE;
export const MEMBERS_TITLE = 'Dertig mensen doen mee';

/** The owner's account and a map with `count` members (professionals), each joined by invite. */
export async function mapWithMembers(app: App, count: number): Promise<string> {
  const owner = await Device.register(app, OWNER);
  const mapId = await owner.createMap(MEMBERS_TITLE);
  for (let i = 1; i <= count; i++) {
    const joiner = await Device.register(app, `bench-lid-${String(i).padStart(2, '0')}`);
    await joinByInvite(owner, mapId, joiner, 'professional');
  }
  return mapId;
}
