// npm run backup -- <file>: a consistent copy of the SQLite database in DATA_DIR, also while the server
// runs and writes. PostgreSQL: use pg_dump (docs/deploy.md).
import { ConfigError, loadConfig } from '../server/infra/config.js';
import { BackupError, backupSqlite } from './backup/sqlite.js';

const USAGE = 'usage: npm run backup -- <file>   (the SQLite database in DATA_DIR, default ./data)';

try {
  const args = process.argv.slice(2);
  const target = args[0];
  if (!target || args.length > 1 || target.startsWith('-')) throw new BackupError(USAGE);
  const config = loadConfig(process.env);
  if (config.database.engine !== 'sqlite') {
    throw new BackupError(
      'DATABASE_URL is set: back up PostgreSQL with pg_dump (see docs/deploy.md).',
    );
  }
  const started = performance.now();
  const summary = await backupSqlite(config.database.file, target);
  console.log(
    `backed up ${config.database.file} to ${target} in ${(performance.now() - started).toFixed(0)} ms: ` +
      `integrity ok, ${summary.maps} maps, ${summary.versions} versions, ${summary.accounts} accounts, ` +
      `${(summary.bytes / 1024 / 1024).toFixed(1)} MiB`,
  );
  console.log(
    `keep ${config.dataDir}/jwt-secret safe as well (unless you set JWT_SECRET): it is not in the backup`,
  );
} catch (error) {
  console.error(
    error instanceof BackupError || error instanceof ConfigError ? error.message : error,
  );
  process.exitCode = 1;
}
