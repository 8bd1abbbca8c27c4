// JWT signing keys with ids: the newest signs, older ones still verify until their tokens have expired.
import { randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_SECONDS } from '../../accounts/api.js';
import { keyId } from './keys.js';
import { deleteJwtKeys, insertJwtKey, listJwtKeys } from './repository.js';
import type { SecretsDb } from './schema.js';

export interface JwtKey {
  kid: string;
  key: Buffer;
  /** Milliseconds; the key derived from the server secret counts as made at 0. */
  createdAt: number;
}

/** How often an instance reads the keys again, so it signs with a new key within this time. */
export const RELOAD_MS = 60_000;
/** Tokens signed with a key live this long after a newer key appeared (plus slack for clocks). */
export const RETAIN_MS = ACCESS_TOKEN_SECONDS * 1000 + RELOAD_MS + 60_000;
/** An unknown key id reads the keys again at most this often, so made-up ids cannot flood the database. */
const UNKNOWN_KID_RELOAD_MS = 1_000;

/** The keys that still verify at `now`, newest first (ties by kid, the same order on every instance). */
export function liveKeys(keys: readonly JwtKey[], now: number): JwtKey[] {
  const newestFirst = [...keys].sort(
    (a, b) => b.createdAt - a.createdAt || (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0),
  );
  return newestFirst.filter((_, i) => {
    const successor = newestFirst[i - 1];
    return !successor || successor.createdAt + RETAIN_MS > now;
  });
}

/** Adds a random key that every instance signs with from its next reload; drops keys long retired. */
export async function rotateJwtKey(db: SecretsDb, now: number): Promise<JwtKey> {
  const key = randomBytes(32);
  const added: JwtKey = { kid: keyId(key), key, createdAt: now };
  await insertJwtKey(db, { kid: added.kid, key, created_at: now });
  const stored = (await listJwtKeys(db)).map(fromRow);
  const live = new Set(liveKeys(stored, now).map((k) => k.kid));
  await deleteJwtKeys(
    db,
    stored.filter((k) => !live.has(k.kid)).map((k) => k.kid),
  );
  return added;
}

/** The keys of one instance: the derived first key plus the rotated ones from the database. */
export class JwtKeyRing {
  private keys: JwtKey[];
  private loadedAt = 0;
  private reloading: Promise<void> | undefined;

  constructor(
    private readonly db: SecretsDb,
    private readonly firstKey: JwtKey,
  ) {
    this.keys = [firstKey];
  }

  /** Reads the rotated keys from the database. */
  async reload(): Promise<void> {
    const started = Date.now();
    const stored = (await listJwtKeys(this.db)).map(fromRow);
    this.keys = [this.firstKey, ...stored];
    this.loadedAt = started;
  }

  /** The key new tokens are signed with. */
  signing(now = Date.now()): JwtKey {
    const [newest] = liveKeys(this.keys, now);
    if (!newest) throw new Error('no JWT key');
    return newest;
  }

  /**
   * The key that verifies a token with this kid, or undefined when it is unknown or retired. A token
   * without kid was signed before keys had ids, with the first key.
   */
  async verifying(kid: string | undefined, now = Date.now()): Promise<JwtKey | undefined> {
    const id = kid ?? this.firstKey.kid;
    if (!this.keys.some((k) => k.kid === id)) await this.reloadForUnknownKid();
    return liveKeys(this.keys, now).find((k) => k.kid === id);
  }

  /** Another instance may already sign with a key rotated since our last read. */
  private reloadForUnknownKid(): Promise<void> {
    this.reloading ??= (async () => {
      const wait = this.loadedAt + UNKNOWN_KID_RELOAD_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.reload();
    })().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }
}

function fromRow(row: { kid: string; key: Buffer; created_at: number }): JwtKey {
  return { kid: row.kid, key: row.key, createdAt: row.created_at };
}
