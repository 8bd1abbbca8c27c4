// The server's timeouts over real TCP: a body that never comes is cut off, slow but moving requests and
// event streams are not. SQLite only: timeouts live in the HTTP server, the engine plays no part.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { RECEIVE_IDLE_MS } from '../../../server/infra/timeouts.js';
import { buildTestApp } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { createMap } from '../../helpers/maps.js';

const [sqlite] = testDatabases();
/** The ceiling; the receive idle timeout aims at a third of it. */
const CUT_OFF_CEILING_MS = 30_000;

interface Raw {
  socket: Socket;
  /** Everything the server sent so far. */
  received(): string;
  /** Resolves with the ms from connecting to the server closing the connection. */
  closed: Promise<number>;
  isClosed(): boolean;
}

function open(port: number): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const started = Date.now();
    let text = '';
    let closedAt: number | null = null;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<number>((done) =>
      socket.on('close', () => {
        closedAt = Date.now();
        done(closedAt - started);
      }),
    );
    socket.once('connect', () =>
      resolve({ socket, received: () => text, closed, isClosed: () => closedAt !== null }),
    );
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, up to `ms`. */
async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(50);
}

/** Resolves with the close time, or null when the connection is still open after `ms`. */
function closedWithin(raw: Raw, ms: number): Promise<number | null> {
  return Promise.race([raw.closed, sleep(ms).then(() => null)]);
}

describe.concurrent('timeouts over TCP', () => {
  let app: App;
  let port: number;
  beforeAll(async () => {
    app = await buildTestApp(sqlite!);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    port = address.port;
  });
  afterAll(async () => {
    await app.close();
  });

  it('closes a connection that declares a body and never sends it', async () => {
    const raw = await open(port);
    raw.socket.write(
      'POST /api/accounts/prelogin HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n',
    );
    const elapsed = await closedWithin(raw, CUT_OFF_CEILING_MS + 5_000);
    expect(elapsed, 'connection still open').not.toBeNull();
    expect(elapsed).toBeLessThan(CUT_OFF_CEILING_MS);
    // the idle timeout closed it, not an early answer
    expect(elapsed).toBeGreaterThanOrEqual(RECEIVE_IDLE_MS - 500);
    expect(raw.received()).toBe('');
  });

  it('closes a connection that sends nothing', async () => {
    const raw = await open(port);
    const elapsed = await closedWithin(raw, CUT_OFF_CEILING_MS + 5_000);
    expect(elapsed, 'connection still open').not.toBeNull();
    expect(elapsed).toBeLessThan(CUT_OFF_CEILING_MS);
  });

  it('closes a connection whose headers never end, even when bytes keep coming', async () => {
    const raw = await open(port);
    raw.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let n = 0;
    const drip = setInterval(() => {
      if (!raw.isClosed()) raw.socket.write(`X-Slow-${n++}: a\r\n`);
    }, 2_000);
    const elapsed = await closedWithin(raw, CUT_OFF_CEILING_MS + 5_000);
    clearInterval(drip);
    expect(elapsed, 'connection still open').not.toBeNull();
    expect(elapsed).toBeLessThan(CUT_OFF_CEILING_MS);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('lets a slow body that keeps moving finish after the idle timeout', async () => {
    const raw = await open(port);
    const body = JSON.stringify({ username: 'langzaam' });
    raw.socket.write(
      'POST /api/accounts/prelogin HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const chunks = body.match(/.{1,5}/g) ?? [];
    const started = Date.now();
    for (const chunk of chunks) {
      await sleep(RECEIVE_IDLE_MS / 4);
      raw.socket.write(chunk);
    }
    await raw.closed;
    expect(Date.now() - started).toBeGreaterThan(RECEIVE_IDLE_MS);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('keeps an idle kept-alive connection past the receive idle timeout', async () => {
    const raw = await open(port);
    const get = 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    raw.socket.write(get);
    await until(() => raw.received().includes('"status"'), 5_000);
    await sleep(RECEIVE_IDLE_MS + 2_000);
    expect(raw.isClosed()).toBe(false);
    raw.socket.write(get);
    await until(() => raw.received().split('HTTP/1.1 200').length === 3, 5_000);
    expect(raw.received().split('HTTP/1.1 200')).toHaveLength(3);
    raw.socket.destroy();
  });

  it('keeps an event stream open longer than the body timeouts, and it still carries events', async () => {
    const map = await createMap(app);
    const raw = await open(port);
    raw.socket.write(
      `GET /api/maps/${map.mapId}/events HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
        `Nk-Capability: ${map.capability}\r\nAccept: text/event-stream\r\n\r\n`,
    );
    await until(() => raw.received().includes(': connected'), 5_000);
    expect(raw.received()).toMatch(/^HTTP\/1\.1 200 /);
    expect(await closedWithin(raw, RECEIVE_IDLE_MS + 5_000)).toBeNull();
    await app.mapEvents.publish(map.mapId, 'version');
    await until(() => raw.received().includes('event: version'), 5_000);
    expect(raw.received()).toContain('event: version');
    raw.socket.destroy();
  });
});
