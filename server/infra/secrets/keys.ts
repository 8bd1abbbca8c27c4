// Keys derived from the server secret, one per purpose, so no key can double as another.
import { createHash, createHmac } from 'node:crypto';

export interface DerivedKeys {
  /** The first JWT signing key (HS256); rotation adds random keys after it (jwt-keys.ts). */
  jwtKey: Buffer;
  /** Keys the stable fake salts prelogin answers for unknown usernames; never rotated. */
  fakeSaltKey: Buffer;
  /** Keys the hashes under which shared rate-limit counters are stored, so no IP address is stored. */
  rateLimitKey: Buffer;
}

export function deriveKeys(root: Buffer): DerivedKeys {
  const derive = (label: string) => createHmac('sha256', root).update(label).digest();
  return {
    jwtKey: derive('nk-jwt-v1'),
    fakeSaltKey: derive('nk-prelogin-salt-v1'),
    rateLimitKey: derive('nk-rate-limit-v1'),
  };
}

/** A JWT key's id: 12 base64url characters of its SHA-256, the same on every instance. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest().subarray(0, 9).toString('base64url');
}
