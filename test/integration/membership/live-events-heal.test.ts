// Two instances on one PostgreSQL database: when one instance's LISTEN connection is cut, it says
// so on /api/health, still delivers its own writes, heals by itself and tells its streams to resync.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { App } from '../../../server/app.js';
import { buildAppOn } from '../../helpers/app.js';
import { POSTGRES_ADMIN_URL, testDatabases } from '../../helpers/databases.js';
import { openEventStream, type EventStreamReader } from '../../helpers/event-stream.js';
import { createMap, writeMap, type TestMap } from '../../helpers/maps.js';

const postgres = testDatabases().find((database) => database.engine === 'postgres');

async function admin<T extends pg.QueryResultRow>(text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Ends the instance's LISTEN backend the way an operator or a failover would. */
async function terminateListener(app: App): Promise<void> {
  const rows = await admin<{ done: boolean }>(
    'select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1',
    [app.mapEvents.listenerName],
  );
  expect(rows).toEqual([{ done: true }]);
}

async function health(app: App) {
  const response = await app.inject({ method: 'GET', url: '/api/health' });
  expect(response.statusCode).toBe(200);
  return response.json<Record<string, unknown>>();
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(postgres)('live events that heal, two instances on PostgreSQL', () => {
  let one: App;
  let two: App;
  let addressTwo: string;
  let databaseName: string;
  const streams: EventStreamReader[] = [];
  let version = 1;

  beforeAll(async () => {
    if (!postgres) return;
    const made = await postgres.create();
    databaseName = new URL(made.databaseUrl ?? '').pathname.slice(1);
    one = await buildAppOn(made);
    two = await buildAppOn(made);
    await one.ready();
    addressTwo = await two.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await admin(`alter database ${databaseName} with allow_connections true`);
    await one?.close();
    await two?.close();
  });

  /** A new version of `map` through `app` (the server never looks inside the body). */
  async function write(app: App, map: TestMap): Promise<void> {
    const put = await writeMap(
      app,
      `/api/maps/${map.mapId}`,
      map.capability,
      version,
      randomBytes(512),
    );
    expect(put.statusCode, put.body).toBe(204);
    version += 1;
  }

  async function streamOnTwo(map: TestMap): Promise<EventStreamReader> {
    const stream = await openEventStream(addressTwo, map.mapId, map.capability);
    streams.push(stream);
    return stream;
  }

  it('a plain pg_terminate_backend heals within 10 s: the stream gets resync, then events again', async () => {
    version = 1;
    const map = await createMap(one);
    const stream = await streamOnTwo(map);
    await write(one, map);
    await stream.waitFor('version');
    expect(await health(two)).toEqual({ status: 'ok', database: 'postgres' });

    await terminateListener(two);
    const resync = await stream.waitFor('resync', { timeoutMs: 10_000 });
    await write(one, map);
    await stream.waitFor('version', { from: resync, timeoutMs: 10_000 });
    expect(await health(two)).toEqual({ status: 'ok', database: 'postgres' });
    expect(await health(one)).toEqual({ status: 'ok', database: 'postgres' });
  });

  it('while the database refuses a new LISTEN connection: degraded with its reason, own writes still live', async () => {
    version = 1;
    const map = await createMap(one);
    const stream = await streamOnTwo(map);
    // both pools keep the idle connection this leaves them, so requests still work while blocked
    await health(one);
    await health(two);

    await admin(`alter database ${databaseName} with allow_connections false`);
    await terminateListener(two);
    const degraded = await until(
      () => health(two),
      (body) => body.status !== 'ok',
      5000,
    );
    expect(degraded).toEqual({
      status: 'degraded',
      database: 'postgres',
      reasons: ['live_events_down'],
    });
    expect(await health(one)).toEqual({ status: 'ok', database: 'postgres' });

    // a write through the cut instance reaches its own stream at once
    const before = stream.names.length;
    await write(two, map);
    await stream.waitFor('version', { from: before, timeoutMs: 2000 });
    // a write through the other one cannot arrive: resync covers it
    await write(one, map);
    // a retry or two fails while blocked; the instance stays degraded
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await health(two)).status).toBe('degraded');
    expect(stream.names.slice(before)).toEqual(['version']);

    await admin(`alter database ${databaseName} with allow_connections true`);
    const healedAt = Date.now();
    const resync = await stream.waitFor('resync', { from: before, timeoutMs: 10_000 });
    expect(Date.now() - healedAt).toBeLessThan(10_000);
    expect(await health(two)).toEqual({ status: 'ok', database: 'postgres' });
    await write(one, map);
    await stream.waitFor('version', { from: resync, timeoutMs: 10_000 });
  });
});
