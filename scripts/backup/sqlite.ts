// Backup and restore of the SQLite database with SQLite's online backup API (through better-sqlite3).
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { migrations } from '../../migrations/index.js';

/** A refusal with a sentence for the person running the command. */
export class BackupError extends Error {}

export interface DatabaseSummary {
  /** Migrations applied, in order. */
  migrations: string[];
  maps: number;
  versions: number;
  accounts: number;
  bytes: number;
}

// every remaining page in one step: one read transaction, so the copy is one consistent moment even
// while the server writes (a copy in many steps starts over after each write by another connection)
const ALL_PAGES = 0x7fffffff;

/** Copies the live database `source` into `target` (one file, checked), while a server may write. */
export async function backupSqlite(source: string, target: string): Promise<DatabaseSummary> {
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (resolve(source) === resolve(target)) {
    throw new BackupError('The backup file must not be the database itself.');
  }
  if (!existsSync(dirname(resolve(target)))) {
    throw new BackupError(`The folder ${dirname(resolve(target))} does not exist.`);
  }
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  const live = new BetterSqlite3(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(partial, { progress: () => ALL_PAGES });
  } finally {
    live.close();
  }
  try {
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    let summary: DatabaseSummary;
    try {
      // a backup is one self-contained file, without a -wal beside it
      copy.pragma('journal_mode = DELETE');
      summary = checkDatabase(copy, partial);
    } finally {
      copy.close();
    }
    syncFile(partial);
    renameSync(partial, target);
    syncFile(dirname(resolve(target)));
    return summary;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

export interface RestoreResult extends DatabaseSummary {
  /** Where the database that was replaced now is, if there was one. */
  replacedKeptAt: string | null;
}

/**
 * Puts the backup `backupFile` in place as `target` after checking it. Refuses while any process has
 * `target` open (a running server holds a shared lock on it); the old database is kept beside it.
 */
export async function restoreSqlite(backupFile: string, target: string): Promise<RestoreResult> {
  if (!existsSync(backupFile)) throw new BackupError(`There is no backup file at ${backupFile}.`);
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  // refuse before copying anything, and once more right before the swap
  if (existsSync(target)) ensureNotInUse(target);
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { force: true });
  try {
    const source = openChecked(backupFile, { readonly: true });
    try {
      await source.backup(partial, { progress: () => ALL_PAGES });
    } catch (error) {
      throw new BackupError(`${backupFile} is damaged: ${String(error)}.`);
    } finally {
      source.close();
    }
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    let summary: DatabaseSummary;
    try {
      summary = checkDatabase(copy, backupFile);
    } finally {
      copy.close();
    }
    syncFile(partial);
    if (existsSync(target)) ensureNotInUse(target);
    const replacedKeptAt = existsSync(target) ? moveAside(target) : null;
    renameSync(partial, target);
    syncFile(dirname(target));
    return { ...summary, replacedKeptAt };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function openChecked(file: string, options: { readonly: boolean }): BetterSqlite3.Database {
  try {
    return new BetterSqlite3(file, { ...options, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} is not a readable SQLite database (${String(error)}).`);
  }
}

/** Integrity check, then what the file holds; refuses a file that is not a Netwerkkaart database. */
function checkDatabase(db: BetterSqlite3.Database, file: string): DatabaseSummary {
  let problems: string[];
  try {
    const rows = db.prepare('pragma integrity_check').all() as { integrity_check: string }[];
    problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  } catch (error) {
    throw new BackupError(`${file} is damaged: ${String(error)}.`);
  }
  if (problems.length > 0) {
    throw new BackupError(`${file} is damaged: ${problems.slice(0, 5).join('; ')}.`);
  }
  const hasMigrations = db
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!hasMigrations) {
    // a plain copy of a running database misses what is still in its -wal file
    throw new BackupError(
      `${file} is not a Netwerkkaart database (or a plain copy without its -wal; use npm run backup).`,
    );
  }
  const applied = (
    db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
  ).map((row) => row.name);
  const unknown = applied.filter((name) => !(name in migrations));
  if (unknown.length > 0) {
    throw new BackupError(
      `${file} comes from a newer Netwerkkaart (migration ${unknown.join(', ')} is unknown here): upgrade first.`,
    );
  }
  const count = (table: string) =>
    (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const { page_count: pages } = db.prepare('select page_count from pragma_page_count()').get() as {
    page_count: number;
  };
  const { page_size: pageSize } = db.prepare('select page_size from pragma_page_size()').get() as {
    page_size: number;
  };
  return {
    migrations: applied,
    maps: count('maps'),
    versions: count('map_versions'),
    accounts: count('accounts'),
    bytes: pages * pageSize,
  };
}

/**
 * Throws unless no other process has `file` open. Every connection in WAL mode holds a shared lock on
 * the file while it is open, so an exclusive lock succeeds only when nobody else has it, idle or not.
 * Closing this connection also folds any leftover -wal (after a crash) into the file.
 */
function ensureNotInUse(file: string): void {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    throw new BackupError(`Cannot open ${file} to check it is not in use (${String(error)}).`);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('begin exclusive');
    db.exec('commit');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      throw new BackupError(
        `A running server (or another program) has ${file} open. Stop the server first, then restore.`,
      );
    }
    throw error;
  } finally {
    db.close();
  }
}

/** Renames the database (and a -wal left beside it) to `<name>.before-restore-<time>`. */
function moveAside(file: string): string {
  const aside = `${file}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  if (existsSync(`${file}-wal`)) renameSync(`${file}-wal`, `${aside}-wal`);
  // the shared-memory index belongs to the old file and is rebuilt on open
  rmSync(`${file}-shm`, { force: true });
  return aside;
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
