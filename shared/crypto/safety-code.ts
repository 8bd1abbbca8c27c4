// The code parent and joiner compare aloud, so a swapped key in a join request is noticed.
import type { KdfCost } from './account.js';
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes, isBase64Url, utf8Encode } from './encoding.js';
import type { InviteKeys } from './invite.js';
import { argon2id, blake2bKeyed, SIZES } from './sodium.js';

/** Argon2id cost of one code: ~30 ms on a device, so 10^12 guesses cost centuries of CPU. */
export const SAFETY_CODE_KDF: KdfCost = { opsLimit: 2, memLimit: 8 * 1024 * 1024 };
// 16 ASCII bytes, the Argon2id salt; fixed, because the keyed hash before it is already unique
const SAFETY_CODE_SALT = utf8Encode('nk1|safety-code2');
const GROUPS = 3;
const GROUP_DIGITS = 4;
const GROUP_BYTES = 6;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

/**
 * Twelve digits as `"1234 5678 9012"`. mac = BLAKE2b-256 keyed by the invite's safetyKey over
 * `nk1|safety-code|2|<inviteId>|` ‖ lower key ‖ higher key; then Argon2id13(18 bytes, mac, salt
 * `nk1|safety-code2`, SAFETY_CODE_KDF); each group is 6 of those bytes as a big-endian integer mod 10^4.
 * Without the invite secret nobody can compute it; with it, each guess costs one Argon2id run. The two
 * 32-byte Ed25519 keys are sorted, so the order of the arguments does not matter. Throws 'malformed'.
 */
export function safetyCode(
  invite: Pick<InviteKeys, 'inviteId' | 'safetyKey'>,
  parentSignPublicKey: Uint8Array,
  joinerSignPublicKey: Uint8Array,
): string {
  expectBytes(parentSignPublicKey, 'parent sign key', SIZES.signPublicKey);
  expectBytes(joinerSignPublicKey, 'joiner sign key', SIZES.signPublicKey);
  expectBytes(invite.safetyKey, 'safety key', SIZES.key);
  const { inviteId } = invite;
  if (!isBase64Url(inviteId, 16)) throw new CryptoError('malformed', 'invite id must be 16 bytes');
  const [low, high] =
    compareBytes(parentSignPublicKey, joinerSignPublicKey) <= 0
      ? [parentSignPublicKey, joinerSignPublicKey]
      : [joinerSignPublicKey, parentSignPublicKey];
  const label = utf8Encode(`nk1|safety-code|2|${inviteId}|`);
  const mac = blake2bKeyed(concatBytes(label, low, high), invite.safetyKey);
  const { opsLimit, memLimit } = SAFETY_CODE_KDF;
  const bytes = argon2id(GROUPS * GROUP_BYTES, mac, SAFETY_CODE_SALT, opsLimit, memLimit);
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    // 48 bits fit a JavaScript number exactly; mod 10^4 leaves a bias below 2^-34
    let value = 0;
    for (let i = 0; i < GROUP_BYTES; i++) value = value * 256 + (bytes[g * GROUP_BYTES + i] ?? 0);
    groups.push(String(value % 10 ** GROUP_DIGITS).padStart(GROUP_DIGITS, '0'));
  }
  return groups.join(' ');
}
