// The recovery key as text a person can write down and type back: Crockford base32, groups of 4.
import { CryptoError } from './errors.js';
import { expectBytes } from './encoding.js';
import { SIZES } from './sodium.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a recovery code: 256 bits in 5-bit digits, the last 4 bits zero. */
export const RECOVERY_CODE_LENGTH = 52;

/** 32-byte recovery key → 52 upper-case Crockford base32 characters in groups of 4 joined by '-'. */
export function formatRecoveryCode(key: Uint8Array): string {
  expectBytes(key, 'recovery key', SIZES.key);
  let digits = '';
  let acc = 0;
  let bits = 0;
  for (const byte of key) {
    acc = ((acc << 8) | byte) & 0x1fff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      digits += ALPHABET.charAt((acc >> bits) & 31);
    }
  }
  digits += ALPHABET.charAt((acc << (5 - bits)) & 31); // 256 = 51·5 + 1: final bit, zero-filled
  return (digits.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * Recovery code text → 32-byte key. Case-insensitive; ignores spaces and dashes; reads I and L as 1
 * and O as 0 (Crockford). Throws CryptoError 'malformed' on other characters or a wrong length.
 */
export function parseRecoveryCode(text: string): Uint8Array {
  if (typeof text !== 'string') throw new CryptoError('malformed', 'recovery code must be text');
  const digits = text
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (digits.length !== RECOVERY_CODE_LENGTH) {
    throw new CryptoError(
      'malformed',
      `recovery code must have ${RECOVERY_CODE_LENGTH} characters`,
    );
  }
  const key = new Uint8Array(SIZES.key);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const char of digits) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new CryptoError('malformed', 'recovery code has an invalid character');
    acc = ((acc << 5) | value) & 0x1fff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      key[o++] = (acc >> bits) & 0xff;
    }
  }
  // the 4 fill bits must be zero, which also catches some typos in the last character
  if ((acc & ((1 << bits) - 1)) !== 0) {
    throw new CryptoError('malformed', 'recovery code has an invalid last character');
  }
  return key;
}
