// The short code parent and joiner compare aloud, so a swapped key in a join request is noticed.
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes, isBase64Url, utf8Encode } from './encoding.js';
import { blake2b, SIZES } from './sodium.js';

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * Six digits as `"123 456"`: BLAKE2b-256(`nk1|safety-code|<inviteId>|` ‖ lower key ‖ higher key), its
 * first 6 bytes as a big-endian integer mod 10^6. The two 32-byte Ed25519 keys are sorted, so both devices
 * get the same code whichever way round they pass them. Throws CryptoError 'malformed' on bad input.
 */
export function safetyCode(
  parentSignPublicKey: Uint8Array,
  joinerSignPublicKey: Uint8Array,
  inviteId: string,
): string {
  expectBytes(parentSignPublicKey, 'parent sign key', SIZES.signPublicKey);
  expectBytes(joinerSignPublicKey, 'joiner sign key', SIZES.signPublicKey);
  if (!isBase64Url(inviteId, 16)) throw new CryptoError('malformed', 'invite id must be 16 bytes');
  const [low, high] =
    compareBytes(parentSignPublicKey, joinerSignPublicKey) <= 0
      ? [parentSignPublicKey, joinerSignPublicKey]
      : [joinerSignPublicKey, parentSignPublicKey];
  const hash = blake2b(concatBytes(utf8Encode(`nk1|safety-code|${inviteId}|`), low, high));
  // 48 bits fit a JavaScript number exactly; mod 10^6 leaves a bias below 2^-28
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + (hash[i] ?? 0);
  const digits = String(value % 1_000_000).padStart(6, '0');
  return `${digits.slice(0, 3)} ${digits.slice(3)}`;
}
