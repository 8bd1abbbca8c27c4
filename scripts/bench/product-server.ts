// The product's own server, configured as in production (SQLite, WAL, synchronous=FULL), logging at warn.
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/infra/config.js';
import { serveParent } from './protocol.js';

const dataDir = process.argv[2] ?? '.';
// Map creation is rate limited per address; the bench makes its 100 maps from one address at once.
const config = loadConfig({
  DATA_DIR: dataDir,
  LOG_LEVEL: 'warn',
  PORT: '0',
  STATIC_DIR: `${dataDir}/no-static`,
  RATE_LIMIT_LOGIN: '100000',
});
const app = await buildApp(config);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
serveParent(typeof address === 'object' && address ? address.port : 0, () => app.close());
