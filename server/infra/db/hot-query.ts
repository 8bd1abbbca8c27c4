// The hottest queries on PostgreSQL go to the pool directly as named statements, so each connection
// parses and plans them once and later runs send only the statement's name and values (decision 0029).
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.js';

export interface HotQueries {
  /** Runs `text` as the prepared statement `name` ($1, $2 … parameters) and returns its rows. */
  query<Row>(name: string, text: string, values: unknown[]): Promise<Row[]>;
}

const registry = new WeakMap<object, HotQueries>();

/** Hot queries of `db` when it is a PostgreSQL pool's (a transaction or SQLite has none). */
export function hotQueries(db: Kysely<Database>): HotQueries | undefined {
  return registry.get(db);
}

/**
 * Results stay in text format: node-postgres reads every field of a data row as a UTF-8 string
 * (pg-protocol has no binary mode), so a binary `bytea` would arrive mangled. See docs/performance.md.
 */
export function registerPostgresHotQueries(db: Kysely<Database>, pool: pg.Pool): void {
  registry.set(db, {
    query: async <Row>(name: string, text: string, values: unknown[]) =>
      (await pool.query<Row & pg.QueryResultRow>({ name, text, values })).rows as Row[],
  });
}
