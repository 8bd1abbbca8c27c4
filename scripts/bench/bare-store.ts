// The baseline's storage: one table of versions, the latest found by its primary key, on either engine.
import Database from 'better-sqlite3';
import pg from 'pg';

export interface BareStore {
  latest(mapId: string): Promise<{ version: number; body: Buffer } | undefined>;
  latestVersion(mapId: string): Promise<number | null>;
  /** Stores version base + 1 if the map is at `base`; false otherwise. */
  write(mapId: string, base: number, body: Buffer): Promise<boolean>;
  create(mapId: string, body: Buffer): Promise<void>;
  close(): Promise<void>;
}

const TABLE =
  'create table if not exists versions (map_id text, version integer, body %BLOB%, primary key (map_id, version))';

export async function openBareStore(
  engine: string,
  dataDir: string,
  databaseUrl: string,
): Promise<BareStore> {
  return engine === 'postgres' ? openPostgres(databaseUrl) : openSqlite(dataDir);
}

function openSqlite(dataDir: string): BareStore {
  const db = new Database(`${dataDir}/bare.sqlite`);
  // as the product runs: WAL, and every commit on disk before it is acknowledged
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(TABLE.replace('%BLOB%', 'blob'));
  const latest = db.prepare(
    'select version, body from versions where map_id = ? order by version desc limit 1',
  );
  const insert = db.prepare('insert into versions (map_id, version, body) values (?, ?, ?)');
  const write = db.transaction((mapId: string, base: number, body: Buffer) => {
    const row = latest.get(mapId) as { version: number } | undefined;
    if (row?.version !== base) return false;
    insert.run(mapId, base + 1, body);
    return true;
  });
  return {
    latest: async (mapId) => latest.get(mapId) as { version: number; body: Buffer } | undefined,
    latestVersion: async (mapId) =>
      (latest.get(mapId) as { version: number } | undefined)?.version ?? null,
    write: async (mapId, base, body) => write(mapId, base, body),
    create: async (mapId, body) => void insert.run(mapId, 1, body),
    close: async () => void db.close(),
  };
}

async function openPostgres(url: string): Promise<BareStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await pool.query(TABLE.replace('%BLOB%', 'bytea'));
  const latest = {
    name: 'latest',
    text: 'select version, body from versions where map_id = $1 order by version desc limit 1',
  };
  // check and insert in one statement; the primary key stops a second writer on the same base
  const write = {
    name: 'write',
    text: `insert into versions (map_id, version, body)
      select $1, $2::int + 1, $3
      where (select max(version) from versions where map_id = $1) = $2::int
      on conflict do nothing`,
  };
  return {
    latest: async (mapId) => (await pool.query({ ...latest, values: [mapId] })).rows[0],
    latestVersion: async (mapId) =>
      ((await pool.query({ ...latest, values: [mapId] })).rows[0]?.version as number) ?? null,
    write: async (mapId, base, body) =>
      ((await pool.query({ ...write, values: [mapId, base, body] })).rowCount ?? 0) > 0,
    create: async (mapId, body) =>
      void (await pool.query('insert into versions values ($1, 1, $2)', [mapId, body])),
    close: () => pool.end(),
  };
}
