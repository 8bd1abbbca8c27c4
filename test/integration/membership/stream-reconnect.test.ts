// The client's event stream (client/api/events.ts) when its server instance dies: it reconnects to
// the next instance on the same address and says `resync`, so the screens read again what they show.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { followStream } from '../../../client/api/events.js';
import { ApiClient } from '../../../client/api/transport.js';
import type { MapEventType } from '../../../shared/api/membership.js';
import { buildAppOn } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { createMap, writeMap, type TestMap } from '../../helpers/maps.js';

const databases = testDatabases();

describe.each(databases)('the client stream after its instance dies, on $engine', (database) => {
  let made: Awaited<ReturnType<typeof database.create>>;
  let app: App;
  let port: number;
  const abort = new AbortController();

  beforeAll(async () => {
    made = await database.create();
    app = await buildAppOn(made);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    port = address.port;
  });
  afterAll(async () => {
    abort.abort();
    await app.close();
  });

  async function write(through: App, map: TestMap, baseVersion: number): Promise<void> {
    const put = await writeMap(
      through,
      `/api/maps/${map.mapId}`,
      map.capability,
      baseVersion,
      randomBytes(256),
    );
    expect(put.statusCode, put.body).toBe(204);
  }

  it('reconnects to a fresh instance on the same address and asks for a resync', async () => {
    const map = await createMap(app);
    const names: MapEventType[] = [];
    let wake = (): void => undefined;
    const next = (name: MapEventType, from: number, timeoutMs = 15_000) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${name}: ${names.join(', ')}`)),
          timeoutMs,
        );
        wake = () => {
          const index = names.indexOf(name, from);
          if (index < 0) return;
          clearTimeout(timer);
          resolve(index);
        };
        wake();
      });
    const transport = new ApiClient(`http://127.0.0.1:${port}/api`, { remember: false });
    void followStream(
      transport,
      map.mapId,
      map.capability,
      (name) => {
        names.push(name);
        wake();
      },
      abort.signal,
    );
    // the first open is no resync: the screen has just loaded
    await expect.poll(() => app.eventStreams.size).toBe(1);
    await write(app, map, 1);
    await next('version', 0);
    expect(names).toEqual(['version']);

    // the instance dies; a write lands on the next one before it takes the address
    await app.close();
    app = await buildAppOn(made);
    await app.ready();
    await write(app, map, 2);
    await app.listen({ port, host: '127.0.0.1' });
    const resync = await next('resync', 1);
    expect(names.slice(1, resync)).toEqual([]);

    await write(app, map, 3);
    await next('version', resync);
  });
});
