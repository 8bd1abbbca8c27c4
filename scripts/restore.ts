// npm run restore -- <file>: puts a backup in place as the SQLite database in DATA_DIR, after an
// integrity check. The server must be stopped: restore refuses while any process has the database open.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../server/infra/config.js';
import { BackupError, restoreSqlite } from './backup/sqlite.js';

const USAGE = 'usage: npm run restore -- <file>   (into DATA_DIR, default ./data; server stopped)';

try {
  const args = process.argv.slice(2);
  const backupFile = args[0];
  if (!backupFile || args.length > 1 || backupFile.startsWith('-')) throw new BackupError(USAGE);
  const config = loadConfig(process.env);
  if (config.database.engine !== 'sqlite') {
    throw new BackupError(
      'DATABASE_URL is set: restore PostgreSQL with pg_restore (see docs/deploy.md).',
    );
  }
  const result = await restoreSqlite(backupFile, config.database.file);
  console.log(
    `restored ${backupFile} to ${config.database.file}: integrity ok, ${result.maps} maps, ` +
      `${result.versions} versions, ${result.accounts} accounts; last migration ` +
      `${result.migrations.at(-1) ?? 'none'} (a newer server applies the rest when it starts)`,
  );
  if (result.replacedKeptAt) {
    console.log(`the database it replaced is kept at ${result.replacedKeptAt}`);
  }
  if (!config.jwtSecret && !existsSync(join(config.dataDir, 'jwt-secret'))) {
    console.log(
      `no ${join(config.dataDir, 'jwt-secret')}: copy the old one there before you start the server, ` +
        'or it makes a new one (everyone logs in again, and prelogin answers other fake salts)',
    );
  }
} catch (error) {
  console.error(
    error instanceof BackupError || error instanceof ConfigError ? error.message : error,
  );
  process.exitCode = 1;
}
