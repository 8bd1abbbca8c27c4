// Membership: the hash-chained log, invites with their one join request, member cards and slot events.
// Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL numbers query parameters ($1), SQLite does not; compiling runs no query. */
function isPostgres(db: Kysely<any>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

export async function up(db: Kysely<any>): Promise<void> {
  const bytes = isPostgres(db) ? 'bytea' : 'blob';

  // the creator's slot stays admin; null for maps made before this migration
  await db.schema.alterTable('maps').addColumn('creator_slot_id', 'text').execute();

  await db.schema
    .createTable('map_log')
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('record', bytes, (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('map_log_pk', ['map_id', 'seq'])
    .execute();

  await db.schema
    .createTable('invites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('verify_public_key', bytes, (c) => c.notNull())
    .addColumn('box_public_key', bytes, (c) => c.notNull())
    .addColumn('sealed_info', bytes, (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('used_at', 'bigint')
    .addColumn('withdrawn_at', 'bigint')
    .execute();
  await db.schema.createIndex('invites_map_id').on('invites').column('map_id').execute();

  await db.schema
    .createTable('invite_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // unique: an invite takes exactly one request
    .addColumn('invite_id', 'text', (c) =>
      c.notNull().unique().references('invites.id').onDelete('cascade'),
    )
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('sealed_request', bytes, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sealed_answer', bytes)
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('collected_at', 'bigint')
    .addCheckConstraint(
      'invite_requests_status',
      sql`status in ('pending', 'approved', 'declined')`,
    )
    .execute();
  await db.schema
    .createIndex('invite_requests_map_id')
    .on('invite_requests')
    .column('map_id')
    .execute();

  await db.schema
    .createTable('map_cards')
    .addColumn('slot_id', 'text', (c) =>
      c.primaryKey().references('map_slots.id').onDelete('cascade'),
    )
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('card_version', 'bigint', (c) => c.notNull())
    .addColumn('body', bytes, (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('map_cards_map_id').on('map_cards').column('map_id').execute();

  // outlives the slot (no foreign key to it), so the parent still sees when a removed member joined
  await db.schema
    .createTable('slot_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('slot_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('rights', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addCheckConstraint('slot_events_type', sql`type in ('joined', 'rights', 'removed', 'left')`)
    .execute();
  await db.schema
    .createIndex('slot_events_map_id_at')
    .on('slot_events')
    .columns(['map_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['slot_events', 'map_cards', 'invite_requests', 'invites', 'map_log']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('maps').dropColumn('creator_slot_id').execute();
}
