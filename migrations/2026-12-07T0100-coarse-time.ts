// Stored times made as coarse as new writes keep them (decision 0022): account-side times to the
// UTC day (a session's expiry to the end of its day), map-side times to the minute.
// Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

const MINUTE = 60_000;
const DAY = 86_400_000;

async function floorTo(db: Kysely<any>, table: string, column: string, unit: number) {
  const ref = sql.ref(column);
  await db
    .updateTable(table)
    .set({ [column]: sql`${ref} - (${ref} % ${sql.lit(unit)})` })
    .where(column, 'is not', null)
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await floorTo(db, 'accounts', 'created_at', DAY);
  await floorTo(db, 'sessions', 'created_at', DAY);
  await floorTo(db, 'sessions', 'revoked_at', DAY);
  // never shorter than before: to the end of the day
  await db
    .updateTable('sessions')
    .set({ expires_at: sql`expires_at - (expires_at % ${sql.lit(DAY)}) + ${sql.lit(DAY)}` })
    .execute();
  await floorTo(db, 'directory_professionals', 'published_at', DAY);
  await floorTo(db, 'directory_professionals', 'updated_at', DAY);
  const minute: [string, string][] = [
    ['maps', 'created_at'],
    ['map_slots', 'created_at'],
    ['map_versions', 'created_at'],
    ['map_log', 'created_at'],
    ['map_cards', 'updated_at'],
    ['slot_events', 'at'],
    ['invites', 'created_at'],
    ['invites', 'used_at'],
    ['invites', 'withdrawn_at'],
    ['invite_requests', 'created_at'],
    ['invite_requests', 'answered_at'],
    ['invite_requests', 'collected_at'],
  ];
  for (const [table, column] of minute) await floorTo(db, table, column, MINUTE);
}

export async function down(): Promise<void> {
  // the finer times are gone by design
}
