// The product's own server as in production (WAL, synchronous=FULL, logging at info to stdout, which the
// runner sends to /dev/null). Arguments: engine, data dir, database URL, and the checkout to run.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveParent } from './protocol.js';

const [
  engine = 'sqlite',
  dataDir = '.',
  databaseUrl = '',
  root = join(import.meta.dirname, '../..'),
] = process.argv.slice(2);
const load = (path: string) => import(pathToFileURL(join(root, path)).href);
const { buildApp } = (await load('server/app.ts')) as typeof import('../../server/app.js');
const { loadConfig } = (await load(
  'server/infra/config.ts',
)) as typeof import('../../server/infra/config.js');

// Map creation is rate limited per address; the bench makes its maps from one address at once.
const config = loadConfig({
  DATA_DIR: dataDir,
  ...(engine === 'postgres' ? { DATABASE_URL: databaseUrl } : {}),
  LOG_LEVEL: 'info',
  PORT: '0',
  STATIC_DIR: `${dataDir}/no-static`,
  RATE_LIMIT_LOGIN: '100000',
});
const app = await buildApp(config);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
serveParent(typeof address === 'object' && address ? address.port : 0, () => app.close());
