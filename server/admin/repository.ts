// All Kysely code for administrators and their action log.
import type { AdminLogTable, DirectoryDb } from '../directory/api.js';
import type { Selectable } from 'kysely';

type Db = DirectoryDb;

export async function insertAdmin(
  db: Db,
  admin: { id: string; name: string; token_hash: Buffer; created_at: number },
): Promise<void> {
  await db.insertInto('admins').values(admin).execute();
}

export async function findAdminByTokenHash(
  db: Db,
  tokenHash: Buffer,
): Promise<{ name: string; token_hash: Buffer } | undefined> {
  return db
    .selectFrom('admins')
    .select(['name', 'token_hash'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function insertLogEntry(
  db: Db,
  entry: { admin: string; action: string; details: string; created_at: number },
): Promise<void> {
  await db.insertInto('admin_log').values(entry).execute();
}

/** Newest first; `before` pages back by id. */
export async function listLog(
  db: Db,
  limit: number,
  before: number | undefined,
): Promise<Selectable<AdminLogTable>[]> {
  let query = db.selectFrom('admin_log').selectAll().orderBy('id', 'desc').limit(limit);
  if (before !== undefined) query = query.where('id', '<', before);
  return query.execute();
}
