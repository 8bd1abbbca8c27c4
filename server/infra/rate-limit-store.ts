// A store for @fastify/rate-limit in PostgreSQL, so instances on one database count together.
import { createHmac } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema.js';

/** Table rate_limit_counters (migration 2026-11-23T0300-shared-state). */
export type RateLimitCountersTable = {
  /** Keyed hash of route and client address: no IP address is stored. */
  key: string;
  count: number;
  window_ends_at: number;
};

type CountersDb = Kysely<Database & { rate_limit_counters: RateLimitCountersTable }>;

/** The app's database seen with the counters' table too. */
export function countersDb(db: Kysely<Database>): CountersDb {
  return db.withTables<{ rate_limit_counters: RateLimitCountersTable }>();
}
type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

// the database's clock, so instances whose clocks differ agree on when a window ends
const NOW_MS = sql<number>`floor(extract(epoch from statement_timestamp()) * 1000)::bigint`;

/**
 * Fixed windows like the plugin's own in-memory store: the first request opens a window of
 * `timeWindow` ms, each request in it counts one, the first after it starts again at one.
 */
export function postgresRateLimitStore(db: CountersDb, hashKey: Buffer): FastifyRateLimitStoreCtor {
  class PostgresStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      sql<{ count: number; ttl: number }>`
        insert into rate_limit_counters as c (key, count, window_ends_at)
        values (${this.hash(key)}, 1, ${NOW_MS} + ${timeWindow})
        on conflict (key) do update set
          count = case when c.window_ends_at <= ${NOW_MS} then 1 else c.count + 1 end,
          window_ends_at = case
            when c.window_ends_at <= ${NOW_MS} then ${NOW_MS} + ${timeWindow}
            else c.window_ends_at end
        returning count, window_ends_at - ${NOW_MS} as ttl`
        .execute(db)
        .then(({ rows: [row] }) => {
          if (!row) throw new Error('rate-limit counter not written');
          callback(null, { current: row.count, ttl: Number(row.ttl) });
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    /** The plugin's `{ increment: false }` peek: the count without adding one. */
    read(key: string, callback: Callback): void {
      sql<{ count: number; ttl: number }>`
        select count, window_ends_at - ${NOW_MS} as ttl from rate_limit_counters
        where key = ${this.hash(key)} and window_ends_at > ${NOW_MS}`
        .execute(db)
        .then(({ rows: [row] }) => {
          callback(
            null,
            row ? { current: row.count, ttl: Number(row.ttl) } : { current: 0, ttl: 0 },
          );
        })
        .catch((error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error))),
        );
    }

    /** One store per route, as the plugin's Redis store does: each route counts on its own. */
    child(routeOptions: object): FastifyRateLimitStore {
      return new PostgresStore(routeOptions, `${this.prefix}${routeName(routeOptions)} `);
    }

    private hash(key: string): string {
      return createHmac('sha256', hashKey)
        .update(`${this.prefix}${key}`)
        .digest()
        .subarray(0, 16)
        .toString('base64url');
    }
  }
  return PostgresStore;
}

/** Deletes counters whose window has ended; answers how many. */
export async function deleteEndedCounters(db: CountersDb): Promise<number> {
  const result =
    await sql`delete from rate_limit_counters where window_ends_at <= ${NOW_MS}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** "METHOD url" of the route the plugin passes to child() (as `routeInfo`, which its types leave out). */
function routeName(options: object): string {
  const info: unknown = 'routeInfo' in options ? options.routeInfo : undefined;
  if (typeof info !== 'object' || info === null) return '';
  const method = 'method' in info ? String(info.method) : '';
  const url = 'url' in info ? String(info.url) : '';
  return `${method} ${url}`;
}
