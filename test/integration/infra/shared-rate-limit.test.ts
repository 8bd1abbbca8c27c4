// Two instances on one PostgreSQL count rate limits together, and answer as one instance does.
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../../server/app.js';
import { countersDb, deleteEndedCounters } from '../../../server/infra/rate-limit-store.js';
import { buildInstances, buildTestApp, postgresOf, type Instances } from '../../helpers/app.js';
import { testDatabases } from '../../helpers/databases.js';
import { expectError } from '../../helpers/http.js';

const databases = testDatabases();
const LIMIT = 4;
const env = { RATE_LIMIT_LOGIN: String(LIMIT) };

const login = (app: App, remoteAddress: string) =>
  app.inject({
    method: 'POST',
    url: '/api/accounts/login',
    remoteAddress,
    payload: {
      username: 'iemand',
      challengeId: 'AAAAAAAAAAAAAAAAAAAAAA',
      method: 'passphrase',
      signature: 'A'.repeat(86),
    },
  });

/** Sends until the first 429 (at most 3 × LIMIT): the answers before it and the 429 itself. */
async function untilLimited(send: (i: number) => Promise<LightMyRequestResponse>) {
  const allowed: LightMyRequestResponse[] = [];
  for (let i = 0; i < 3 * LIMIT; i++) {
    const response = await send(i);
    if (response.statusCode === 429) return { allowed, limited: response };
    allowed.push(response);
  }
  throw new Error('never limited');
}

/** What a client sees of a 429: status, body and the headers that matter. */
function answerOf(response: LightMyRequestResponse) {
  const h = response.headers;
  return {
    status: response.statusCode,
    body: response.json<unknown>(),
    limit: h['x-ratelimit-limit'],
    remaining: h['x-ratelimit-remaining'],
    retryAfterSet: Number(h['retry-after']) > 0 && Number(h['retry-after']) <= 60,
    resetSet: Number(h['x-ratelimit-reset']) > 0 && Number(h['x-ratelimit-reset']) <= 60,
    cacheControl: h['cache-control'],
    contentType: h['content-type'],
  };
}

describe('rate limits across instances', () => {
  let instances: Instances;
  let one: App;
  let two: App;
  let inMemory: App;
  beforeAll(async () => {
    instances = await buildInstances(postgresOf(databases), 2, { env });
    [one, two] = instances.apps as [App, App];
    const sqlite = databases.find((d) => d.engine === 'sqlite');
    if (!sqlite) throw new Error('no SQLite');
    inMemory = await buildTestApp(sqlite, { env });
    await inMemory.ready();
  });
  afterAll(async () => {
    await instances.close();
    await inMemory.close();
  });

  it('is reached after the same number of requests spread over two instances as on one', async () => {
    const single = await untilLimited(() => login(one, '10.9.0.1'));
    const spread = await untilLimited((i) => login(i % 2 === 0 ? one : two, '10.9.0.2'));
    const memory = await untilLimited(() => login(inMemory, '10.9.0.3'));
    for (const run of [single, spread, memory]) {
      expect(run.allowed).toHaveLength(LIMIT);
      for (const response of run.allowed) expectError(response, 401, 'login_failed');
      expectError(run.limited, 429, 'too_many_requests');
    }
    // the count goes down across both instances, as on one
    expect(spread.allowed.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(
      single.allowed.map((r) => r.headers['x-ratelimit-remaining']),
    );
    expect(single.allowed.map((r) => r.headers['x-ratelimit-remaining'])).toEqual([
      '3',
      '2',
      '1',
      '0',
    ]);
    // the same answer as the in-memory store on SQLite gives
    expect(answerOf(spread.limited)).toEqual(answerOf(memory.limited));
    expect(answerOf(single.limited)).toEqual(answerOf(memory.limited));
    expect(answerOf(memory.limited)).toMatchObject({
      limit: String(LIMIT),
      remaining: '0',
      retryAfterSet: true,
      resetSet: true,
      cacheControl: 'no-store',
    });
  });

  it('lets exactly the limit through when requests race on both instances', async () => {
    const responses = await Promise.all(
      Array.from({ length: 3 * LIMIT }, (_, i) => login(i % 2 === 0 ? one : two, '10.9.0.5')),
    );
    expect(responses.filter((r) => r.statusCode !== 429)).toHaveLength(LIMIT);
  });

  it('counts each route and each address on its own', async () => {
    await untilLimited((i) => login(i % 2 === 0 ? one : two, '10.9.0.6'));
    const prelogin = await two.inject({
      method: 'POST',
      url: '/api/accounts/prelogin',
      remoteAddress: '10.9.0.6',
      payload: { username: 'iemand' },
    });
    expect(prelogin.statusCode).toBe(200);
    expectError(await login(one, '10.9.0.7'), 401, 'login_failed');
    // health is not limited at all
    for (let i = 0; i < LIMIT + 2; i++) {
      const health = await one.inject({
        method: 'GET',
        url: '/api/health',
        remoteAddress: '10.9.0.6',
      });
      expect(health.statusCode).toBe(200);
    }
  });

  it('stores no address, starts again when the window has ended and deletes ended counters', async () => {
    const db = countersDb(one.db);
    await untilLimited((i) => login(i % 2 === 0 ? one : two, '10.9.0.8'));
    const keys = (await db.selectFrom('rate_limit_counters').select('key').execute()).map(
      (r) => r.key,
    );
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);

    // a minute passing, on the database's clock: every window ends now
    await sql`update rate_limit_counters set window_ends_at = window_ends_at - 60000`.execute(db);
    const again = await login(two, '10.9.0.8');
    expectError(again, 401, 'login_failed');
    expect(again.headers['x-ratelimit-remaining']).toBe(String(LIMIT - 1));

    // the counter just opened stays; every other one has ended and goes
    const deleted = await deleteEndedCounters(db);
    expect(deleted).toBe(keys.length - 1);
    expect(await db.selectFrom('rate_limit_counters').select('key').execute()).toHaveLength(1);
  });
});
