// Opens Kysely on SQLite (default) or PostgreSQL (DATABASE_URL) with the settings both need.
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './schema.js';
import { registerPostgresHotQueries } from './hot-query.js';

export type DatabaseEngine = DatabaseConfig['engine'];

const INT8_OID = 20;

export function openDatabase(config: DatabaseConfig): Kysely<Database> {
  if (config.engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      // bigint columns hold millisecond timestamps and counts, all far below 2^53
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? Number
            : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    registerPostgresHotQueries(db, pool);
    return db;
  }
  mkdirSync(dirname(config.file), { recursive: true, mode: 0o700 });
  const sqlite = new BetterSqlite3(config.file);
  // before WAL is on: SQLite gives the -wal and -shm files it creates later the database file's mode
  ownerOnly(config.file);
  sqlite.pragma('journal_mode = WAL');
  // files left by an earlier run (or an older version) keep their mode; tighten them too
  for (const suffix of ['-wal', '-shm']) ownerOnly(config.file + suffix);
  // FULL: an acknowledged write survives power loss, not just a process crash
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // deleted rows are overwritten with zeros, not left readable in free space (decision 0022)
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of pages instead of 2: with 10^5 maps the indexes stay in memory (decision 0029)
  sqlite.pragma('cache_size = -65536');
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
}

/** Mode 0600, whatever the umask or the directory's mode: the database is the family's metadata. */
function ownerOnly(file: string): void {
  if (existsSync(file)) chmodSync(file, 0o600);
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * better-sqlite3 reusing prepared statements by SQL text: Kysely prepares on every query, which costs
 * about as much as running a small one. Reuse is safe because better-sqlite3 runs each statement to
 * completion synchronously (we never stream rows).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql) => {
      let statement = cache.get(sql);
      if (!statement) {
        // queries with `in (…)` lists vary in text; a full cache simply starts over
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = sqlite.prepare(sql);
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
