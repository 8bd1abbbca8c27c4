// Access for a time (decision 0030): the last day a slot's capability works, as the start of that UTC
// day in ms; null is open-ended. A day, never finer (decision 0022). Frozen once landed; valid on
// SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('map_slots').addColumn('access_until', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('map_slots').dropColumn('access_until').execute();
}
