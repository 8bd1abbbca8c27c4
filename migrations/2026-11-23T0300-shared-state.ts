// What instances on one database share: the server secret, the JWT signing keys and rate-limit counters.
// Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL numbers query parameters ($1), SQLite does not; compiling runs no query. */
function isPostgres(db: Kysely<any>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const bytes = postgres ? 'bytea' : 'blob';

  // one row `root` when the server made its own secret (PostgreSQL without JWT_SECRET)
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // keys made by rotation; the first key is derived from the server secret and not stored
  await db.schema
    .createTable('jwt_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('key', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // counters live a minute: not worth the write-ahead log, and lost counters after a crash are harmless
  let counters = db.schema.createTable('rate_limit_counters');
  if (postgres) counters = counters.modifyFront(sql`unlogged`);
  await counters
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_limit_counters_window_ends_at')
    .on('rate_limit_counters')
    .column('window_ends_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['rate_limit_counters', 'jwt_keys', 'server_secrets']) {
    await db.schema.dropTable(table).execute();
  }
}
