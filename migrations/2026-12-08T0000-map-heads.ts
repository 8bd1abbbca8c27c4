// Each map's latest version (its head) beside the map row, so reading a map touches no page of an
// older version (decision 0029); map_versions keeps every version, the latest too, for the history.
// Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL numbers query parameters ($1), SQLite does not; compiling runs no query. */
function isPostgres(db: Kysely<any>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .alterTable('maps')
    .addColumn('latest_body', postgres ? 'bytea' : 'blob')
    .execute();
  await db.schema.alterTable('maps').addColumn('latest_created_at', 'bigint').execute();
  if (postgres) {
    // ciphertext does not compress: store it out of line without trying
    await sql`alter table maps alter column latest_body set storage external`.execute(db);
    await sql`alter table map_versions alter column body set storage external`.execute(db);
    await sql`
      update maps m set latest_body = v.body, latest_created_at = v.created_at
      from map_versions v where v.map_id = m.id and v.version = m.latest_version`.execute(db);
  } else {
    await sql`
      update maps set
        latest_body = (select v.body from map_versions v
          where v.map_id = maps.id and v.version = maps.latest_version),
        latest_created_at = (select v.created_at from map_versions v
          where v.map_id = maps.id and v.version = maps.latest_version)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('maps').dropColumn('latest_created_at').execute();
  await db.schema.alterTable('maps').dropColumn('latest_body').execute();
}
