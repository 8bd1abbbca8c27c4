// Keyring revisions become random (they counted every keyring write, and so the maps an account
// joined); devices holding an old revision merge once on their next write (decision 0022).
// Frozen once landed; valid on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

/** PostgreSQL numbers query parameters ($1), SQLite does not; compiling runs no query. */
function isPostgres(db: Kysely<any>): boolean {
  return sql`select ${1}`.compile(db).sql.includes('$1');
}

// 2^48 - 2: the revisions the server makes lie in 1 … 2^48 - 2
const SPAN = 281474976710654;

export async function up(db: Kysely<any>): Promise<void> {
  const random = isPostgres(db)
    ? sql`floor(random() * ${sql.lit(SPAN)})::bigint + 1`
    : sql`abs(random() % ${sql.lit(SPAN)}) + 1`;
  await db.updateTable('accounts').set({ keyring_revision: random }).execute();
}

export async function down(): Promise<void> {
  // a count cannot be recovered from a random number; the random revisions stay valid
}
