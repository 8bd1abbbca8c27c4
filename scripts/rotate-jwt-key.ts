// npm run secrets:rotate-jwt: a new JWT signing key for every instance of the configured database.
// Instances sign with it within a minute; tokens signed with the old key keep working until they expire.
import { ConfigError, loadConfig } from '../server/infra/config.js';
import { openDatabase } from '../server/infra/db/connect.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';
import { RELOAD_MS, RETAIN_MS, rotateJwtKey } from '../server/infra/secrets/jwt-keys.js';
import { secretsDb } from '../server/infra/secrets/schema.js';

try {
  const db = openDatabase(loadConfig(process.env).database);
  try {
    await migrateToLatest(db);
    const { kid } = await rotateJwtKey(secretsDb(db), Date.now());
    console.log(`New JWT signing key ${kid}.`);
    console.log(
      `Running servers sign with it within ${RELOAD_MS / 1000} s; the previous key keeps verifying for ${RETAIN_MS / 60_000} minutes, so nobody is signed out.`,
    );
  } finally {
    await db.destroy();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
