// Sociale kaart: public directory of services (with full-text search), professionals' opt-in profiles,
// administrators and their action log. Plain tables: none of this is family data.
// Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL numbers query parameters ($1), SQLite does not; compiling runs no query. */
function isPostgres(db: Kysely<any>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const bytes = postgres ? 'bytea' : 'blob';
  // an integer key on both engines: SQLite's FTS5 external-content table addresses rows by it
  const serial = postgres ? 'bigserial' : 'integer';

  await db.schema
    .createTable('directory_organisations')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('directory_organisations_source', ['source', 'source_id'])
    .execute();

  let services = db.schema
    .createTable('directory_services')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'bigint', (c) =>
      c.references('directory_organisations.id').onDelete('set null'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull()) // JSON array of role names
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('city', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('email', 'text')
    .addColumn('opening_hours', 'text')
    // folded (lower case, no diacritics) text the full-text index is built from
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('directory_services_source', ['source', 'source_id']);
  if (postgres) {
    services = services.addColumn('search_vector', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('dutch', search_name), 'A') || setweight(to_tsvector('dutch', search_text), 'B')`,
        )
        .stored(),
    );
  }
  await services.execute();
  await db.schema
    .createIndex('directory_services_category')
    .on('directory_services')
    .column('category')
    .execute();

  if (postgres) {
    await sql`create index directory_services_search on directory_services using gin (search_vector)`.execute(
      db,
    );
  } else {
    await sql`create virtual table directory_services_fts using fts5(
      search_name, search_text,
      content='directory_services', content_rowid='id',
      tokenize='unicode61 remove_diacritics 2'
    )`.execute(db);
    // the external-content index follows the table through triggers, whoever writes it
    await sql`create trigger directory_services_fts_insert after insert on directory_services begin
      insert into directory_services_fts(rowid, search_name, search_text)
        values (new.id, new.search_name, new.search_text);
    end`.execute(db);
    await sql`create trigger directory_services_fts_delete after delete on directory_services begin
      insert into directory_services_fts(directory_services_fts, rowid, search_name, search_text)
        values ('delete', old.id, old.search_name, old.search_text);
    end`.execute(db);
    await sql`create trigger directory_services_fts_update after update of search_name, search_text on directory_services begin
      insert into directory_services_fts(directory_services_fts, rowid, search_name, search_text)
        values ('delete', old.id, old.search_name, old.search_text);
      insert into directory_services_fts(rowid, search_name, search_text)
        values (new.id, new.search_name, new.search_text);
    end`.execute(db);
  }

  await db.schema
    .createTable('directory_service_languages')
    .addColumn('service_id', 'bigint', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('language', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_service_languages_pk', ['service_id', 'language'])
    .execute();
  await db.schema
    .createIndex('directory_service_languages_language')
    .on('directory_service_languages')
    .columns(['language', 'service_id'])
    .execute();

  // one row per municipality (municipality_key set) or per PC4 range (pc_from…pc_to set)
  await db.schema
    .createTable('directory_service_areas')
    .addColumn('service_id', 'bigint', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('municipality', 'text')
    .addColumn('municipality_key', 'text')
    .addColumn('pc_from', 'integer')
    .addColumn('pc_to', 'integer')
    .execute();
  await db.schema
    .createIndex('directory_service_areas_service')
    .on('directory_service_areas')
    .column('service_id')
    .execute();
  await db.schema
    .createIndex('directory_service_areas_municipality')
    .on('directory_service_areas')
    .columns(['municipality_key', 'service_id'])
    .execute();
  await db.schema
    .createIndex('directory_service_areas_postcode')
    .on('directory_service_areas')
    .columns(['pc_from', 'pc_to'])
    .execute();

  await db.schema
    .createTable('directory_professionals')
    .addColumn('account_id', 'text', (c) =>
      c.primaryKey().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('profile_id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('profession', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('how_to_reach', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('directory_professional_areas')
    .addColumn('account_id', 'text', (c) =>
      c.notNull().references('directory_professionals.account_id').onDelete('cascade'),
    )
    .addColumn('municipality_key', 'text')
    .addColumn('pc_from', 'integer')
    .addColumn('pc_to', 'integer')
    .execute();
  await db.schema
    .createIndex('directory_professional_areas_account')
    .on('directory_professional_areas')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('admins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('token_hash', bytes, (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('admin_log')
    .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('admin', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull()) // JSON: counts and names, never personal data
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table if exists directory_services_fts`.execute(db);
  for (const table of [
    'admin_log',
    'admins',
    'directory_professional_areas',
    'directory_professionals',
    'directory_service_areas',
    'directory_service_languages',
    'directory_services',
    'directory_organisations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
