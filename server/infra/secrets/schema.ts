// Table interfaces of the shared secrets (migration 2026-11-23T0300-shared-state), joined with `withTables`.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export type ServerSecretsTable = {
  /** `root`: the secret every server key derives from. */
  name: string;
  secret: Buffer;
  created_at: number;
};

export type JwtKeysTable = {
  kid: string;
  /** HS256 key, 32 random bytes. */
  key: Buffer;
  created_at: number;
};

export type SecretTables = {
  server_secrets: ServerSecretsTable;
  jwt_keys: JwtKeysTable;
};

export type SecretsDb = Kysely<Database & SecretTables>;

/** The app's database seen with the secret tables too. */
export function secretsDb(db: Kysely<Database>): SecretsDb {
  return db.withTables<SecretTables>();
}
