// npm run directory:import -- <file> [--format hsds|csv] [--source name] [--dry-run]
// Imports a directory file into the configured database (DATA_DIR or DATABASE_URL) in one transaction,
// prints the report and logs the action as administrator "cli".
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { logAction } from '../server/admin/service.js';
import { ConfigError, loadConfig } from '../server/infra/config.js';
import { openDatabase } from '../server/infra/db/connect.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';
import { FileError, importDirectory } from '../server/directory/import.js';
import { directoryDb } from '../server/directory/schema.js';

class UsageError extends Error {}

const USAGE =
  'usage: npm run directory:import -- <file> [--format hsds|csv] [--source name] [--dry-run]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      source: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(USAGE);
  const format = values.format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'hsds');
  if (format !== 'hsds' && format !== 'csv') throw new UsageError('--format must be hsds or csv');
  const source =
    values.source ??
    basename(file, extname(file))
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '');
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(source)) {
    throw new UsageError('--source: 1–64 lower-case letters, digits, ".", "-" or "_"');
  }
  const dryRun = values['dry-run'] ?? false;
  const text = await readFile(file, 'utf8');

  const config = loadConfig(process.env);
  const db = openDatabase(config.database);
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const report = await importDirectory(directoryDb(db), {
      format,
      source,
      data: text,
      dryRun,
      now: Date.now(),
      engine: config.database.engine,
    });
    const ms = performance.now() - started;
    await logAction(
      directoryDb(db),
      'cli',
      dryRun ? 'directory.import.dry-run' : 'directory.import',
      {
        source,
        format,
        received: report.received,
        created: report.services.created,
        updated: report.services.updated,
        unchanged: report.services.unchanged,
        rejected: report.rejected.length,
      },
      Date.now(),
    );
    console.log(JSON.stringify(report, null, 2));
    console.log(
      `${dryRun ? 'dry run: would import' : 'imported'} ${report.received - report.rejected.length} of ${report.received} services from ${file} as source "${source}" in ${ms.toFixed(0)} ms; ${report.rejected.length} rejected`,
    );
    if (report.rejected.length > 0) process.exitCode = 2;
  } finally {
    await db.destroy();
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof UsageError || error instanceof FileError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
