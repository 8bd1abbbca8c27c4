// All Kysely code for professionals' published profiles.
import { sql, type Selectable } from 'kysely';
import type { PostcodeRange } from './text.js';
import type { DirectoryDb, DirectoryProfessionalsTable } from './schema.js';

type Db = DirectoryDb;
export type ProfessionalRow = Selectable<DirectoryProfessionalsTable>;

export async function findProfile(db: Db, accountId: string): Promise<ProfessionalRow | undefined> {
  return db
    .selectFrom('directory_professionals')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/** Replaces the profile and its areas (one call inside a transaction). */
export async function saveProfile(
  db: Db,
  row: ProfessionalRow,
  areas: { municipalityKeys: string[]; postcodes: PostcodeRange[] },
): Promise<void> {
  await db.deleteFrom('directory_professionals').where('account_id', '=', row.account_id).execute();
  await db.insertInto('directory_professionals').values(row).execute();
  const rows = [
    ...areas.municipalityKeys.map((key) => ({
      account_id: row.account_id,
      municipality_key: key,
      pc_from: null,
      pc_to: null,
    })),
    ...areas.postcodes.map((p) => ({
      account_id: row.account_id,
      municipality_key: null,
      pc_from: p.from,
      pc_to: p.to,
    })),
  ];
  if (rows.length > 0) await db.insertInto('directory_professional_areas').values(rows).execute();
}

export async function deleteProfile(db: Db, accountId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('directory_professionals')
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export interface ProfessionalFilters {
  municipalityKey?: string;
  postcode?: number;
  /** Folded words; each must occur in the folded profile text. */
  terms: string[];
  limit: number;
  offset: number;
}

/** Published profiles matching place and words, by name; a small table, so LIKE is enough. */
export async function searchProfiles(
  db: Db,
  f: ProfessionalFilters,
): Promise<{ total: number; rows: ProfessionalRow[] }> {
  let query = db.selectFrom('directory_professionals as p');
  if (f.municipalityKey !== undefined) {
    const key = f.municipalityKey;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_professional_areas as a')
          .select('a.account_id')
          .whereRef('a.account_id', '=', 'p.account_id')
          .where('a.municipality_key', '=', key),
      ),
    );
  }
  if (f.postcode !== undefined) {
    const pc = f.postcode;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_professional_areas as a')
          .select('a.account_id')
          .whereRef('a.account_id', '=', 'p.account_id')
          .where('a.pc_from', '<=', pc)
          .where('a.pc_to', '>=', pc),
      ),
    );
  }
  for (const term of f.terms) {
    // search_text is folded with a space before each word: " term" finds word starts only
    query = query.where(sql<boolean>`(' ' || p.search_text) like ${`% ${term}%`}`);
  }
  const counted = await query
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (total === 0 || f.offset >= total) return { total, rows: [] };
  const rows = await query
    .selectAll('p')
    .orderBy('p.name')
    .orderBy('p.profile_id')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total, rows };
}
