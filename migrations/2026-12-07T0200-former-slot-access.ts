// The views of a slot that was removed or left, kept so the parent's history still shows them
// (slot_access goes with its slot). Keyed by map and slot like slot_events: nothing names an account.
// Frozen once landed; valid on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('former_slot_access')
    .addColumn('map_id', 'text', (c) => c.notNull().references('maps.id').onDelete('cascade'))
    .addColumn('slot_id', 'text', (c) => c.notNull())
    .addColumn('minute', 'bigint', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('former_slot_access_pk', ['slot_id', 'minute'])
    .execute();
  await db.schema
    .createIndex('former_slot_access_map')
    .on('former_slot_access')
    .column('map_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('former_slot_access').execute();
}
