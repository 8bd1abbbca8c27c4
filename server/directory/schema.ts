// Table interfaces of the directory, administrators and their log (migration 2026-11-22T0200-directory).
// Kept here, next to the feature, and joined onto the app's Database with `withTables`.
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../infra/db/schema.js';

export type DirectoryOrganisationsTable = {
  id: Generated<number>;
  source: string;
  source_id: string;
  name: string;
  description: string;
  website: string | null;
  email: string | null;
  content_hash: string;
  updated_at: number;
};

export type DirectoryServicesTable = {
  id: Generated<number>;
  source: string;
  source_id: string;
  organisation_id: number | null;
  name: string;
  description: string;
  category: string;
  /** JSON array of role names. */
  roles: string;
  address: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  website: string | null;
  email: string | null;
  opening_hours: string | null;
  search_name: string;
  search_text: string;
  content_hash: string;
  updated_at: number;
};

export type DirectoryServiceLanguagesTable = {
  service_id: number;
  language: string;
};

export type DirectoryServiceAreasTable = {
  service_id: number;
  municipality: string | null;
  municipality_key: string | null;
  pc_from: number | null;
  pc_to: number | null;
};

export type DirectoryProfessionalsTable = {
  account_id: string;
  profile_id: string;
  name: string;
  profession: string;
  organisation: string;
  area: string;
  how_to_reach: string;
  search_text: string;
  published_at: number;
  updated_at: number;
};

export type DirectoryProfessionalAreasTable = {
  account_id: string;
  municipality_key: string | null;
  pc_from: number | null;
  pc_to: number | null;
};

export type AdminsTable = {
  id: string;
  name: string;
  token_hash: Buffer;
  created_at: number;
};

export type AdminLogTable = {
  id: Generated<number>;
  admin: string;
  action: string;
  details: string;
  created_at: number;
};

export type DirectoryTables = {
  directory_organisations: DirectoryOrganisationsTable;
  directory_services: DirectoryServicesTable;
  directory_service_languages: DirectoryServiceLanguagesTable;
  directory_service_areas: DirectoryServiceAreasTable;
  directory_professionals: DirectoryProfessionalsTable;
  directory_professional_areas: DirectoryProfessionalAreasTable;
  admins: AdminsTable;
  admin_log: AdminLogTable;
};

export type DirectoryDb = Kysely<Database & DirectoryTables>;

/** The app's database seen with the directory's tables too. */
export function directoryDb(db: Kysely<Database>): DirectoryDb {
  return db.withTables<DirectoryTables>();
}
