// npm run admin:create -- <name>: creates a directory administrator and prints its token ONCE.
// Only the token's SHA-256 is stored; a lost token means creating a new administrator.
import { AdminNameError, createAdmin } from '../server/admin/service.js';
import { ConfigError, loadConfig } from '../server/infra/config.js';
import { openDatabase } from '../server/infra/db/connect.js';
import { migrateToLatest } from '../server/infra/db/migrate.js';
import { directoryDb } from '../server/directory/schema.js';

const name = process.argv[2];
if (!name || process.argv.length > 3) {
  console.error('usage: npm run admin:create -- <name>');
  process.exitCode = 1;
} else {
  try {
    const db = openDatabase(loadConfig(process.env).database);
    try {
      await migrateToLatest(db);
      const token = await createAdmin(directoryDb(db), name, Date.now());
      console.log(`Administrator "${name}" created. Its token (shown only now; store it safely):`);
      console.log(token);
      console.log('Send it as the header: Authorization: Admin <token>');
    } finally {
      await db.destroy();
    }
  } catch (error) {
    console.error(
      error instanceof ConfigError || error instanceof AdminNameError ? error.message : error,
    );
    process.exitCode = 1;
  }
}
