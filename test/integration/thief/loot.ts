// What the thief takes and how she reads it: the SQLite file with its -wal and -shm as they lie on
// disk, or a PostgreSQL dump with the system columns (xmin, ctid) and the raw heap pages
// (pageinspect), dead row versions included.
import BetterSqlite3 from 'better-sqlite3';
import { copyFile, mkdtemp, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** One stored row as the thief sees it. */
export interface Row {
  table: string;
  /** Place in the table's storage order (rowid, or ctid on PostgreSQL). */
  position: number;
  /** PostgreSQL: the writing transaction's id. */
  xmin?: number;
  values: Record<string, unknown>;
}

/** One write the thief can place in time: a WAL commit or a heap tuple version, with its order. */
export interface Write {
  order: number;
  /** The raw bytes written (a changed page region, or a tuple's data). */
  bytes: string;
}

export interface Loot {
  rows: Row[];
  writes: Write[];
  /** Every byte of the stolen files (or raw pages), for searching old ciphertexts. */
  raw: Buffer;
  walBytes?: number;
}

export const TABLES = [
  'accounts',
  'sessions',
  'directory_professionals',
  'maps',
  'map_slots',
  'map_versions',
  'map_log',
  'map_cards',
  'slot_events',
  'slot_access',
  'invites',
  'invite_requests',
] as const;

/** Copies the three files while the server runs, then reads the copy (opening it replays the WAL). */
export async function stealSqlite(file: string): Promise<Loot> {
  const dir = await mkdtemp(join(tmpdir(), 'nk-thief-'));
  const copy = join(dir, 'stolen.sqlite');
  const parts: Buffer[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(file + suffix)) continue;
    await copyFile(file + suffix, copy + suffix);
    parts.push(await readFile(copy + suffix));
  }
  const walBytes = existsSync(copy + '-wal') ? (await stat(copy + '-wal')).size : 0;
  const mainFile = await readFile(copy);
  const wal = walBytes > 0 ? await readFile(copy + '-wal') : Buffer.alloc(0);
  const writes = walWrites(mainFile, wal);
  const db = new BetterSqlite3(copy, { readonly: true });
  const rows: Row[] = [];
  for (const table of TABLES) {
    const found = db.prepare(`select rowid as nk_rowid, * from ${table} order by rowid`).all();
    found.forEach((values, position) =>
      rows.push({ table, position, values: values as Record<string, unknown> }),
    );
  }
  db.close();
  return { rows, writes, raw: Buffer.concat(parts), walBytes };
}

/**
 * Replays the WAL frame by frame (every frame, old generations too): each commit is one write, and
 * what it wrote is the bytes that differ from the page's previous image.
 */
function walWrites(mainFile: Buffer, wal: Buffer): Write[] {
  if (wal.length < 32) return [];
  const pageSize = wal.readUInt32BE(8);
  const previous = new Map<number, Buffer>();
  const writes: Write[] = [];
  let pending: string[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const pageNo = wal.readUInt32BE(at);
    const commit = wal.readUInt32BE(at + 4);
    const page = wal.subarray(at + 24, at + 24 + pageSize);
    const before =
      previous.get(pageNo) ?? mainFile.subarray((pageNo - 1) * pageSize, pageNo * pageSize);
    pending.push(changedRegions(before, page));
    previous.set(pageNo, page);
    if (commit !== 0) {
      writes.push({ order: writes.length, bytes: pending.join('|') });
      pending = [];
    }
  }
  return writes;
}

/** The bytes that changed, widened to 64 bytes before each change so a row's id is included. */
function changedRegions(before: Buffer, after: Buffer): string {
  const out: string[] = [];
  let i = 0;
  while (i < after.length) {
    if (before[i] === after[i]) {
      i++;
      continue;
    }
    const start = i;
    while (i < after.length && before[i] !== after[i]) i++;
    out.push(after.subarray(Math.max(0, start - 64), i).toString('latin1'));
  }
  return out.join('|');
}

/** A "pg_dump" with xmin and ctid of every live row, and every heap tuple of the raw pages. */
export async function stealPostgres(url: string): Promise<Loot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists pageinspect');
    const rows: Row[] = [];
    for (const table of TABLES) {
      const found = await client.query(
        `select xmin::text as nk_xmin, ctid::text as nk_ctid, * from ${table} order by ctid`,
      );
      found.rows.forEach((values: Record<string, unknown>, position) =>
        rows.push({ table, position, xmin: Number(values['nk_xmin']), values }),
      );
    }
    const writes: Write[] = [];
    const pages: Buffer[] = [];
    const relations = await client.query<{ oid: number; relkind: string }>(
      `select c.oid::int as oid, c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 't') and n.nspname in ('public', 'pg_toast')
         and (n.nspname = 'public' or c.oid in (
           select t.reltoastrelid from pg_class t join pg_namespace tn on tn.oid = t.relnamespace
           where tn.nspname = 'public'))`,
    );
    for (const { oid, relkind } of relations.rows) {
      const size = await client.query<{ blocks: number }>(
        `select (pg_relation_size(${oid}) / current_setting('block_size')::int)::int as blocks`,
      );
      for (let block = 0; block < (size.rows[0]?.blocks ?? 0); block++) {
        const page = await client.query<{ page: Buffer }>(
          `select get_raw_page(${oid}::regclass::text, ${block}) as page`,
        );
        pages.push(page.rows[0]!.page);
        if (relkind !== 'r') continue;
        const tuples = await client.query<{ xmin: string | null; data: Buffer | null }>(
          `select t_xmin::text as xmin, t_data as data
           from heap_page_items(get_raw_page(${oid}::regclass::text, ${block}))`,
        );
        for (const tuple of tuples.rows) {
          if (tuple.xmin === null || tuple.data === null) continue;
          writes.push({ order: Number(tuple.xmin), bytes: tuple.data.toString('latin1') });
        }
      }
    }
    return { rows, writes, raw: Buffer.concat(pages) };
  } finally {
    await client.end();
  }
}
