// The one server secret every key derives from: JWT_SECRET, else shared in PostgreSQL, else a file for SQLite.
import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { insertSecretIfAbsent } from './repository.js';
import type { SecretsDb } from './schema.js';

export type RootSource = 'env' | 'database' | 'file';

export interface RootSecret {
  secret: Buffer;
  source: RootSource;
}

const FILE_NAME = 'jwt-secret';

/**
 * JWT_SECRET when set. Otherwise, on PostgreSQL one row all instances share (the first start writes
 * it); on SQLite DATA_DIR/jwt-secret (mode 0600), as before. `warn` hears about a file mode we fixed.
 */
export async function loadRootSecret(
  config: Config,
  db: SecretsDb,
  warn: (message: string) => void,
): Promise<RootSecret> {
  if (config.jwtSecret) return { secret: Buffer.from(config.jwtSecret, 'utf8'), source: 'env' };
  if (config.database.engine === 'postgres') {
    // an instance that ran with a secret file before keeps its tokens and fake salts valid
    const candidate = (await readSecretFile(config.dataDir, warn)) ?? randomBytes(32);
    return {
      secret: await insertSecretIfAbsent(db, 'root', candidate, Date.now()),
      source: 'database',
    };
  }
  return { secret: await readOrCreateSecretFile(config.dataDir, warn), source: 'file' };
}

async function readOrCreateSecretFile(
  dataDir: string,
  warn: (message: string) => void,
): Promise<Buffer> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so two processes starting at once keep the first secret
    await writeFile(join(dataDir, FILE_NAME), randomBytes(32).toString('base64url'), {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = await readSecretFile(dataDir, warn);
  if (!secret) throw new Error(`${join(dataDir, FILE_NAME)} could not be read`);
  return secret;
}

/** The file's secret (as the UTF-8 bytes of its text, as it always was used), or undefined without one. */
async function readSecretFile(
  dataDir: string,
  warn: (message: string) => void,
): Promise<Buffer | undefined> {
  const file = join(dataDir, FILE_NAME);
  let text: string;
  try {
    text = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.length < 32) throw new Error(`${file} is too short; delete it to generate a new one`);
  // a copied or restored file may have lost its mode; only the server's user may read the secret
  if (((await stat(file)).mode & 0o077) !== 0) {
    await chmod(file, 0o600);
    warn(`${file} was readable by others; its mode is now 0600`);
  }
  return Buffer.from(text, 'utf8');
}
