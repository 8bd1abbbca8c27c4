// The baseline: bare Fastify + better-sqlite3 serving and writing the same bytes, with no auth, schema or logging.
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { serveParent } from './protocol.js';

const dataDir = process.argv[2] ?? '.';
const db = new Database(`${dataDir}/bare.sqlite`);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(
  'create table if not exists versions (map_id text, version integer, body blob, primary key (map_id, version))',
);
const latest = db.prepare(
  'select version, body from versions where map_id = ? order by version desc limit 1',
);
const insert = db.prepare('insert into versions (map_id, version, body) values (?, ?, ?)');
const writeVersion = db.transaction((mapId: string, baseVersion: number, body: Buffer) => {
  const row = latest.get(mapId) as { version: number } | undefined;
  if ((row?.version ?? 0) !== baseVersion) return null;
  insert.run(mapId, baseVersion + 1, body);
  return baseVersion + 1;
});

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
app.get<{ Params: { mapId: string } }>('/bare/maps/:mapId', async (request, reply) => {
  const row = latest.get(request.params.mapId) as { version: number; body: Buffer } | undefined;
  if (!row) return reply.code(404).send({ error: 'not found' });
  return {
    mapId: request.params.mapId,
    version: row.version,
    body: row.body.toString('base64url'),
  };
});
app.put<{ Params: { mapId: string }; Body: { baseVersion: number; body: string } }>(
  '/bare/maps/:mapId',
  async (request, reply) => {
    const body = Buffer.from(request.body.body, 'base64url');
    const version = writeVersion(request.params.mapId, request.body.baseVersion, body);
    if (version === null) {
      const latestVersion = (latest.get(request.params.mapId) as { version: number }).version;
      return reply.code(409).send({ error: 'conflict', latestVersion });
    }
    return { version };
  },
);
app.post<{ Params: { mapId: string }; Body: { body: string } }>(
  '/bare/maps/:mapId',
  async (request) => {
    insert.run(request.params.mapId, 1, Buffer.from(request.body.body, 'base64url'));
    return { version: 1 };
  },
);

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
serveParent(typeof address === 'object' && address ? address.port : 0, async () => {
  await app.close();
  db.close();
});
