// Builds a SQLite file of many maps with many versions by direct inserts, for the scale benchmark.
// Every map's capability and id follow from its number, so the reader needs nothing but the count.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { pathToFileURL } from 'node:url';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../server/infra/config.js';
import { openDatabase } from '../../server/infra/db/connect.js';
import type { Database } from '../../server/infra/db/schema.js';

const MIN_BODY = 2 * 1024;
const MAX_BODY = 20 * 1024;
const POOL_BYTES = 64 * 1024 * 1024;
const ROWS_PER_TRANSACTION = 20_000;
const MINUTE = 60_000;

/** The schema of the code measured: this checkout's, or SCALE_CODE's for a "before" run. */
async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const root = process.env.SCALE_CODE ?? join(import.meta.dirname, '..', '..');
  const url = pathToFileURL(join(root, 'server/infra/db/migrate.ts')).href;
  const migrate = (await import(url)) as typeof import('../../server/infra/db/migrate.js');
  await migrate.migrateToLatest(db);
}

function derive(label: string, index: number, bytes: number): Buffer {
  return createHash('sha256').update(`${label}:${index}`).digest().subarray(0, bytes);
}

/** The id, capability (base64url) and slot id of map number `index`. */
export function scaleMap(index: number): { id: string; capability: string; slotId: string } {
  return {
    id: derive('scale-map', index, 16).toString('base64url'),
    capability: derive('scale-capability', index, 32).toString('base64url'),
    slotId: derive('scale-slot', index, 16).toString('base64url'),
  };
}

/** A small fast generator: the write order must be random, not cryptographic. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** Versions per map, the order of all writes (a map number each), and a body maker of 2–20 KB. */
function plan(maps: number, versions: number) {
  const random = xorshift(versions * 7919 + maps);
  // how many versions each map gets: one, then the rest spread at random
  const count = new Uint32Array(maps).fill(1);
  for (let i = maps; i < versions; i++) count[Math.floor(random() * maps)]!++;
  const order = new Uint32Array(versions);
  for (let m = 0, at = 0; m < maps; m++) for (let k = 0; k < count[m]!; k++) order[at++] = m;
  for (let i = versions - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const pool = randomBytes(POOL_BYTES);
  const bodyOf = () => {
    const size = MIN_BODY + Math.floor(random() * (MAX_BODY - MIN_BODY));
    const at = Math.floor(random() * (POOL_BYTES - size));
    return pool.subarray(at, at + size);
  };
  return { count, order, bodyOf };
}

/** The same data in a PostgreSQL database (for the cells beside SQLite), by plain inserts. */
export async function generatePostgresData(
  url: string,
  maps: number,
  versions: number,
): Promise<void> {
  const kysely = openDatabase({ engine: 'postgres', url });
  await migrateToLatest(kysely);
  await kysely.destroy();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    "select 1 from information_schema.columns where table_name = 'maps' and column_name = 'latest_body'",
  );
  const hasHead = rows.length > 0;
  const { count, order, bodyOf } = plan(maps, versions);
  const created = Math.floor(Date.now() / MINUTE) * MINUTE;
  const written = new Uint32Array(maps);
  await client.query('begin');
  for (let i = 0; i < versions; i++) {
    const m = order[i]!;
    const map = scaleMap(m);
    const version = ++written[m]!;
    if (version === 1) {
      const hash = createHash('sha256').update(Buffer.from(map.capability, 'base64url'));
      await client.query(
        'insert into maps (id, latest_version, created_at, creator_slot_id) values ($1, $2, $3, $4)',
        [map.id, count[m], created, map.slotId],
      );
      await client.query(
        `insert into map_slots (id, map_id, capability_hash, rights, key_bundle, created_at)
         values ($1, $2, $3, 'admin', $4, $5)`,
        [map.slotId, map.id, hash.digest(), randomBytes(200), created],
      );
    }
    const body = bodyOf();
    await client.query(
      'insert into map_versions (map_id, version, body, created_at) values ($1, $2, $3, $4)',
      [map.id, version, body, created],
    );
    if (hasHead && version === count[m])
      await client.query('update maps set latest_body = $1, latest_created_at = $2 where id = $3', [
        body,
        created,
        map.id,
      ]);
  }
  await client.query('commit');
  await client.end();
}

/**
 * Writes `maps` maps and `versions` versions in random order (the latest version of a map lands
 * wherever its last write happened, as in real use) into DATA_DIR/netwerkkaart.sqlite, whose schema
 * the current code's migrations make. Fills the head beside the map row when the schema has one.
 */
export async function generateScaleData(
  dataDir: string,
  maps: number,
  versions: number,
): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0' });
  if (config.database.engine !== 'sqlite') throw new Error('the scale data is SQLite only');
  const kysely = openDatabase(config.database);
  await migrateToLatest(kysely);
  await kysely.destroy();

  const file = join(dataDir, 'netwerkkaart.sqlite');
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const { count, order, bodyOf } = plan(maps, versions);
  const hasHead = (db.pragma('table_info(maps)') as { name: string }[]).some(
    (c) => c.name === 'latest_body',
  );
  const created = Math.floor(Date.now() / MINUTE) * MINUTE;
  const insertMap = db.prepare(
    'insert into maps (id, latest_version, created_at, creator_slot_id) values (?, ?, ?, ?)',
  );
  const insertSlot = db.prepare(
    `insert into map_slots (id, map_id, capability_hash, rights, key_bundle, created_at)
     values (?, ?, ?, 'admin', ?, ?)`,
  );
  const insertVersion = db.prepare(
    'insert into map_versions (map_id, version, body, created_at) values (?, ?, ?, ?)',
  );
  const setHead = hasHead
    ? db.prepare(
        'update maps set latest_body = ?, latest_created_at = ? where id = ? and latest_version = ?',
      )
    : undefined;
  const written = new Uint32Array(maps);
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const m = order[i]!;
      const map = scaleMap(m);
      const version = ++written[m]!;
      if (version === 1) {
        const hash = createHash('sha256').update(Buffer.from(map.capability, 'base64url'));
        insertMap.run(map.id, count[m], created, map.slotId);
        insertSlot.run(map.slotId, map.id, hash.digest(), randomBytes(200), created);
      }
      const body = bodyOf();
      insertVersion.run(map.id, version, body, created);
      if (version === count[m]) setHead?.run(body, created, map.id, version);
    }
  });
  for (let from = 0; from < versions; from += ROWS_PER_TRANSACTION) {
    batch(from, Math.min(versions, from + ROWS_PER_TRANSACTION));
    if (from % 200_000 === 0) console.log(`  ${from} / ${versions} versions written`);
  }
  db.pragma('journal_mode = WAL');
  db.close();
  return file;
}
