// All Kysely code of the shared secrets.
import type { SecretsDb } from './schema.js';

/** Stores `secret` under `name` unless a row is there already; the stored one wins either way. */
export async function insertSecretIfAbsent(
  db: SecretsDb,
  name: string,
  secret: Buffer,
  now: number,
): Promise<Buffer> {
  await db
    .insertInto('server_secrets')
    .values({ name, secret, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_secrets')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.secret;
}

export async function listJwtKeys(
  db: SecretsDb,
): Promise<{ kid: string; key: Buffer; created_at: number }[]> {
  return db.selectFrom('jwt_keys').select(['kid', 'key', 'created_at']).execute();
}

export async function insertJwtKey(
  db: SecretsDb,
  row: { kid: string; key: Buffer; created_at: number },
): Promise<void> {
  await db.insertInto('jwt_keys').values(row).execute();
}

export async function deleteJwtKeys(db: SecretsDb, kids: string[]): Promise<void> {
  if (kids.length === 0) return;
  await db.deleteFrom('jwt_keys').where('kid', 'in', kids).execute();
}
