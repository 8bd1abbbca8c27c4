// The product's server for the scale benchmark: on the data directory it is given, SQLite or (with
// SCALE_DATABASE_URL) PostgreSQL, from this checkout or from SCALE_CODE (a "before" measurement).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveParent } from './protocol.js';

const dataDir = process.argv[2] ?? '.';
const root = process.env.SCALE_CODE ?? join(import.meta.dirname, '..', '..');
const load = (path: string) => import(pathToFileURL(join(root, path)).href);
const { buildApp } = (await load('server/app.ts')) as typeof import('../../server/app.js');
const { loadConfig } = (await load(
  'server/infra/config.ts',
)) as typeof import('../../server/infra/config.js');
const config = loadConfig({
  DATA_DIR: dataDir,
  DATABASE_URL: process.env.SCALE_DATABASE_URL,
  LOG_LEVEL: 'warn',
  PORT: '0',
  STATIC_DIR: `${dataDir}/no-static`,
  RATE_LIMIT_LOGIN: '100000',
});
const started = Date.now();
const app = await buildApp(config);
await app.listen({ host: '127.0.0.1', port: 0 });
// the first start on data of older code runs its migrations: say how long that took
console.error(`scale server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
const address = app.server.address();
serveParent(typeof address === 'object' && address ? address.port : 0, () => app.close());
