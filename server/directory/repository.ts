// All Kysely code that writes the directory of services (import); search lives in search.ts.
import { sql, type Insertable } from 'kysely';
import type { DatabaseEngine } from '../infra/db/connect.js';
import type { PostcodeRange } from './text.js';
import type { DirectoryDb, DirectoryOrganisationsTable, DirectoryServicesTable } from './schema.js';

type Db = DirectoryDb;

export interface ExistingRow {
  id: number;
  hash: string;
}

/** Every organisation of a source by source id, with the hash of its stored content. */
export async function organisationsOfSource(
  db: Db,
  source: string,
): Promise<Map<string, ExistingRow>> {
  const rows = await db
    .selectFrom('directory_organisations')
    .select(['id', 'source_id', 'content_hash'])
    .where('source', '=', source)
    .execute();
  return new Map(rows.map((r) => [r.source_id, { id: r.id, hash: r.content_hash }]));
}

/** Every service of a source by source id, with the hash of its stored content. */
export async function servicesOfSource(db: Db, source: string): Promise<Map<string, ExistingRow>> {
  const rows = await db
    .selectFrom('directory_services')
    .select(['id', 'source_id', 'content_hash'])
    .where('source', '=', source)
    .execute();
  return new Map(rows.map((r) => [r.source_id, { id: r.id, hash: r.content_hash }]));
}

export type OrganisationValues = Omit<Insertable<DirectoryOrganisationsTable>, 'id'>;
export type ServiceValues = Omit<Insertable<DirectoryServicesTable>, 'id'>;

export async function insertOrganisation(db: Db, values: OrganisationValues): Promise<number> {
  const row = await db
    .insertInto('directory_organisations')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOrganisation(
  db: Db,
  id: number,
  values: OrganisationValues,
): Promise<void> {
  await db.updateTable('directory_organisations').set(values).where('id', '=', id).execute();
}

export async function insertService(db: Db, values: ServiceValues): Promise<number> {
  const row = await db
    .insertInto('directory_services')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateService(db: Db, id: number, values: ServiceValues): Promise<void> {
  await db.updateTable('directory_services').set(values).where('id', '=', id).execute();
  await db.deleteFrom('directory_service_languages').where('service_id', '=', id).execute();
  await db.deleteFrom('directory_service_areas').where('service_id', '=', id).execute();
}

export interface ServiceChildren {
  serviceId: number;
  languages: string[];
  municipalities: { name: string; key: string }[];
  postcodes: PostcodeRange[];
}

const CHUNK = 200;

/** Inserts the languages and areas of many services in a few statements. */
export async function insertServiceChildren(db: Db, children: ServiceChildren[]): Promise<void> {
  const languages = children.flatMap((c) =>
    c.languages.map((language) => ({ service_id: c.serviceId, language })),
  );
  const areas = children.flatMap((c) => [
    ...c.municipalities.map((m) => ({
      service_id: c.serviceId,
      municipality: m.name,
      municipality_key: m.key,
      pc_from: null,
      pc_to: null,
    })),
    ...c.postcodes.map((p) => ({
      service_id: c.serviceId,
      municipality: null,
      municipality_key: null,
      pc_from: p.from,
      pc_to: p.to,
    })),
  ]);
  for (let i = 0; i < languages.length; i += CHUNK) {
    await db
      .insertInto('directory_service_languages')
      .values(languages.slice(i, i + CHUNK))
      .execute();
  }
  for (let i = 0; i < areas.length; i += CHUNK) {
    await db
      .insertInto('directory_service_areas')
      .values(areas.slice(i, i + CHUNK))
      .execute();
  }
}

/** Row counts of the directory's tables (tests and the import script use them). */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const tables = [
    'directory_organisations',
    'directory_services',
    'directory_service_languages',
    'directory_service_areas',
  ] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * PostgreSQL plans from table statistics; right after a bulk import they say "empty" and the planner
 * picks nested loops that cost 50 ms a search. ANALYZE of these small tables takes milliseconds.
 */
export async function refreshStatistics(db: Db, engine: DatabaseEngine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`analyze directory_services, directory_service_areas, directory_service_languages, directory_organisations`.execute(
    db,
  );
}

/** True when no service has been imported yet. */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('directory_services').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
