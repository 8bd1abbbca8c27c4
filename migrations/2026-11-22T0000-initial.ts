// Initial schema: accounts and sessions, maps with capability slots, versions and per-minute access counts.
// Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL numbers query parameters ($1), SQLite does not; compiling runs no query. */
function isPostgres(db: Kysely<any>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

export async function up(db: Kysely<any>): Promise<void> {
  const bytes = isPostgres(db) ? 'bytea' : 'blob';

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('kdf_salt', bytes, (c) => c.notNull())
    .addColumn('kdf_ops', 'integer', (c) => c.notNull())
    .addColumn('kdf_mem', 'bigint', (c) => c.notNull())
    .addColumn('login_public_key', bytes, (c) => c.notNull())
    .addColumn('recovery_public_key', bytes, (c) => c.notNull())
    .addColumn('sign_public_key', bytes, (c) => c.notNull())
    .addColumn('box_public_key', bytes, (c) => c.notNull())
    .addColumn('wrapped_account_key', bytes, (c) => c.notNull())
    .addColumn('recovery_wrapped_account_key', bytes, (c) => c.notNull())
    .addColumn('keyring', bytes, (c) => c.notNull())
    .addColumn('keyring_revision', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('challenge', bytes, (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_challenges_expires_at')
    .on('login_challenges')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('refresh_hash', bytes, (c) => c.notNull().unique())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('revoked_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_account_id').on('sessions').column('account_id').execute();

  await db.schema
    .createTable('maps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('latest_version', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('map_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('capability_hash', bytes, (c) => c.notNull().unique())
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('key_bundle', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('map_slots_rights', sql`rights in ('read', 'write', 'admin')`)
    .execute();
  await db.schema.createIndex('map_slots_map_id').on('map_slots').column('map_id').execute();

  await db.schema
    .createTable('map_versions')
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('body', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('map_versions_pk', ['map_id', 'version'])
    .execute();

  await db.schema
    .createTable('slot_access')
    .addColumn('slot_id', 'text', (c) => c.notNull().references('map_slots.id').onDelete('cascade'))
    .addColumn('minute', 'bigint', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('slot_access_pk', ['slot_id', 'minute'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'slot_access',
    'map_versions',
    'map_slots',
    'maps',
    'sessions',
    'login_challenges',
    'accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
