// Runs the migrations listed in migrations/index.ts (an explicit list works from tsx and from dist/).
import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import type { Database } from './schema.js';
import { migrations } from '../../../migrations/index.js';

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
