// The server's one secret (JWT_SECRET or a generated file) and the keys derived from it.
import { createHmac, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from './config.js';

export interface Secrets {
  /** Signs access tokens (HS256). */
  jwtKey: Buffer;
  /** Keys the stable fake salts prelogin answers for unknown usernames. */
  fakeSaltKey: Buffer;
}

/** Reads JWT_SECRET or DATA_DIR/jwt-secret, creating that file (mode 0600) on first start. */
export async function loadSecrets(config: Config): Promise<Secrets> {
  const secret = config.jwtSecret ?? (await readOrCreateSecretFile(config.dataDir));
  // separate keys per purpose, so a token signature can never double as a salt or the other way round
  return {
    jwtKey: createHmac('sha256', secret).update('nk-jwt-v1').digest(),
    fakeSaltKey: createHmac('sha256', secret).update('nk-prelogin-salt-v1').digest(),
  };
}

async function readOrCreateSecretFile(dataDir: string): Promise<string> {
  const file = join(dataDir, 'jwt-secret');
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so two instances starting at once keep the first secret
    await writeFile(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // a file from an older version, or copied in by hand, may be readable by others
  if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  const secret = (await readFile(file, 'utf8')).trim();
  if (secret.length < 32) throw new Error(`${file} is too short; delete it to generate a new one`);
  return secret;
}
