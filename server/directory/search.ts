// Search in the directory of services: one repository interface, full text by SQLite FTS5 or by
// PostgreSQL tsvector ('dutch', GIN); filters and paging are the same SQL on both.
import { sql, type RawBuilder } from 'kysely';
import type { DatabaseEngine } from '../infra/db/connect.js';
import type { DirectoryDb } from './schema.js';

export interface ServiceFilters {
  /** Folded municipality name to match exactly, or a PC4 to find inside a served range. */
  municipalityKey?: string;
  postcode?: number;
  category?: string;
  language?: string;
  /** Folded words; every word must match (as a prefix). */
  terms: string[];
  limit: number;
  offset: number;
}

export interface ServiceSearchRepository {
  /** Matching service ids, best first, and how many match in all. */
  search(filters: ServiceFilters): Promise<{ total: number; ids: number[] }>;
}

function filterConditions(f: ServiceFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (f.category !== undefined) conditions.push(sql`s.category = ${f.category}`);
  if (f.language !== undefined) {
    conditions.push(sql`exists (select 1 from directory_service_languages l
      where l.service_id = s.id and l.language = ${f.language})`);
  }
  if (f.municipalityKey !== undefined) {
    conditions.push(sql`exists (select 1 from directory_service_areas a
      where a.service_id = s.id and a.municipality_key = ${f.municipalityKey})`);
  }
  if (f.postcode !== undefined) {
    conditions.push(sql`exists (select 1 from directory_service_areas a
      where a.service_id = s.id and a.pc_from <= ${f.postcode} and a.pc_to >= ${f.postcode})`);
  }
  return conditions;
}

function where(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
}

async function run(
  db: DirectoryDb,
  from: RawBuilder<unknown>,
  conditions: RawBuilder<unknown>[],
  orderBy: RawBuilder<unknown>,
  f: ServiceFilters,
): Promise<{ total: number; ids: number[] }> {
  const counted = await sql<{ total: number | string }>`select count(*) as total ${from} ${where(
    conditions,
  )}`.execute(db);
  const total = Number(counted.rows[0]?.total ?? 0);
  if (total === 0 || f.offset >= total) return { total, ids: [] };
  const page = await sql<{ id: number | string }>`select s.id as id ${from} ${where(
    conditions,
  )} order by ${orderBy} limit ${f.limit} offset ${f.offset}`.execute(db);
  return { total, ids: page.rows.map((r) => Number(r.id)) };
}

/** FTS5 over the external-content table; bm25 weighs a match in the name ten times one elsewhere. */
function sqliteSearch(db: DirectoryDb): ServiceSearchRepository {
  return {
    search: (f) => {
      const conditions = filterConditions(f);
      if (f.terms.length === 0) {
        return run(db, sql`from directory_services s`, conditions, sql`s.name, s.id`, f);
      }
      // folded terms hold only letters and digits, so quoting them is all the escaping needed
      const match = f.terms.map((t) => `"${t}"*`).join(' ');
      return run(
        db,
        sql`from directory_services_fts join directory_services s on s.id = directory_services_fts.rowid`,
        [sql`directory_services_fts match ${match}`, ...conditions],
        sql`bm25(directory_services_fts, 10.0, 1.0), s.name, s.id`,
        f,
      );
    },
  };
}

/** tsvector (name weight A, the rest B) with a GIN index; ts_rank orders. */
function postgresSearch(db: DirectoryDb): ServiceSearchRepository {
  return {
    search: (f) => {
      const conditions = filterConditions(f);
      if (f.terms.length === 0) {
        return run(db, sql`from directory_services s`, conditions, sql`s.name, s.id`, f);
      }
      const query = f.terms.map((t) => `${t}:*`).join(' & ');
      const tsquery = sql`to_tsquery('dutch', ${query})`;
      return run(
        db,
        sql`from directory_services s`,
        [sql`s.search_vector @@ ${tsquery}`, ...conditions],
        sql`ts_rank(s.search_vector, ${tsquery}) desc, s.name, s.id`,
        f,
      );
    },
  };
}

export function serviceSearchRepository(
  db: DirectoryDb,
  engine: DatabaseEngine,
): ServiceSearchRepository {
  return engine === 'postgres' ? postgresSearch(db) : sqliteSearch(db);
}

/** The rows of the given services with their organisation, languages and areas, in `ids` order. */
export async function loadServices(db: DirectoryDb, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('directory_services as s')
    .leftJoin('directory_organisations as o', 'o.id', 's.organisation_id')
    .select([
      's.id',
      's.name',
      's.description',
      'o.name as organisation',
      's.category',
      's.roles',
      's.address',
      's.postcode',
      's.city',
      's.phone',
      's.website',
      's.email',
      's.opening_hours',
    ])
    .where('s.id', 'in', ids)
    .execute();
  const languages = await db
    .selectFrom('directory_service_languages')
    .select(['service_id', 'language'])
    .where('service_id', 'in', ids)
    .orderBy('language')
    .execute();
  const areas = await db
    .selectFrom('directory_service_areas')
    .select(['service_id', 'municipality', 'pc_from', 'pc_to'])
    .where('service_id', 'in', ids)
    .orderBy('pc_from')
    .execute();
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        row,
        languages: languages.filter((l) => Number(l.service_id) === id).map((l) => l.language),
        areas: areas.filter((a) => Number(a.service_id) === id),
      },
    ];
  });
}
