// npm run migrate: brings the configured database (DATA_DIR or DATABASE_URL) to the latest migration.
import { ConfigError, loadConfig } from '../server/infra/config.js';
import { openDatabase } from '../server/infra/db/connect.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';

try {
  const config = loadConfig(process.env);
  const db = openDatabase(config.database);
  try {
    const { results } = await migrateToLatest(db);
    const applied = (results ?? []).filter((r) => r.status === 'Success');
    for (const r of applied) console.log(`applied ${r.migrationName}`);
    console.log(
      applied.length ? 'database is up to date' : 'nothing to do: database is up to date',
    );
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
