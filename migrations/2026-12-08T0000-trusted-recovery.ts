// Trusted helpers (decision 0026): per helper a sealed share, the server's share and the trusted wrap,
// plus the state of one recovery (start, hand-over). Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL numbers query parameters ($1), SQLite does not; compiling runs no query. */
function isPostgres(db: Kysely<any>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

export async function up(db: Kysely<any>): Promise<void> {
  const bytes = isPostgres(db) ? 'bytea' : 'blob';
  await db.schema
    .createTable('trusted_helpers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('helper_account_id', 'text', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('wait_days', 'integer', (c) => c.notNull())
    .addColumn('sealed_share', bytes, (c) => c.notNull())
    .addColumn('server_share', bytes, (c) => c.notNull())
    .addColumn('trust_login_public_key', bytes, (c) => c.notNull())
    .addColumn('trust_wrapped_account_key', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('started_at', 'bigint')
    .addColumn('start_signed_at', 'bigint')
    .addColumn('start_signature', bytes)
    .addColumn('handover_id', 'text')
    .addColumn('handover_box_key', bytes)
    .addColumn('handover_sealed', bytes)
    .addColumn('handover_at', 'bigint')
    .addUniqueConstraint('trusted_helpers_pair', ['account_id', 'helper_account_id'])
    .execute();
  await db.schema
    .createIndex('trusted_helpers_helper')
    .on('trusted_helpers')
    .column('helper_account_id')
    .execute();
  await db.schema
    .createIndex('trusted_helpers_handover')
    .on('trusted_helpers')
    .column('handover_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('trusted_helpers').execute();
}
