// The baseline: the least this stack can do for a map version. Bare Fastify serving and writing the raw
// bytes with a version check (ETag / If-Match) and nothing else: no JSON, no validation, no capability,
// no logging. `sqlite` (better-sqlite3) or `postgres` (pg, one statement per request).
import Fastify, { type FastifyReply } from 'fastify';
import { serveParent } from './protocol.js';
import { openBareStore } from './bare-store.js';

const [engine = 'sqlite', dataDir = '.', databaseUrl = ''] = process.argv.slice(2);
const store = await openBareStore(engine, dataDir, databaseUrl);

const tag = (version: number) => `"v${version}"`;
const app = Fastify({ logger: false });
app.addContentTypeParser(
  'application/octet-stream',
  { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
  (_request, body, done) => done(null, body),
);

function conflict(reply: FastifyReply, latest: number | null): FastifyReply {
  if (latest === null) return reply.code(404).send();
  return reply.code(409).header('etag', tag(latest)).send();
}

app.get<{ Params: { mapId: string } }>('/bare/maps/:mapId', async (request, reply) => {
  const row = await store.latest(request.params.mapId);
  if (!row) return reply.code(404).send();
  return reply.header('etag', tag(row.version)).type('application/octet-stream').send(row.body);
});

app.put<{ Params: { mapId: string }; Body: Buffer }>(
  '/bare/maps/:mapId',
  async (request, reply) => {
    const base = Number(/^"v(\d+)"$/.exec(request.headers['if-match'] ?? '')?.[1] ?? NaN);
    if (!Number.isSafeInteger(base)) return reply.code(400).send();
    const { mapId } = request.params;
    if (await store.write(mapId, base, request.body)) {
      return reply
        .code(204)
        .header('etag', tag(base + 1))
        .send();
    }
    return conflict(reply, await store.latestVersion(mapId));
  },
);

app.post<{ Params: { mapId: string }; Body: Buffer }>(
  '/bare/maps/:mapId',
  async (request, reply) => {
    await store.create(request.params.mapId, request.body);
    return reply.code(201).header('etag', tag(1)).send();
  },
);

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
serveParent(typeof address === 'object' && address ? address.port : 0, async () => {
  await app.close();
  await store.close();
});
