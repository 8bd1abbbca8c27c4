import { describe, it, expect, beforeAll } from 'vitest';
import {
  formatRecoveryCode,
  loadSodium,
  newRecoveryKey,
  parseRecoveryCode,
  RECOVERY_CODE_LENGTH,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, hex, sequence } from './fixtures.js';

const VECTOR = '000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFG';

/** Independent Crockford base32 via BigInt: 256 bits shifted left by 4 fill bits. */
function referenceCode(key: Uint8Array): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let n = BigInt(`0x${hex(key)}`) << 4n;
  let digits = '';
  for (let i = 0; i < 52; i++) {
    digits = alphabet.charAt(Number(n & 31n)) + digits;
    n >>= 5n;
  }
  return digits;
}

describe('recovery code', () => {
  beforeAll(loadSodium);

  it('formats a fixed key as the fixed vector', () => {
    expect(formatRecoveryCode(sequence(32))).toBe(VECTOR);
    expect(VECTOR.replaceAll('-', '')).toBe(referenceCode(sequence(32)));
    expect(formatRecoveryCode(new Uint8Array(32).fill(0xff))).toBe(`${'ZZZZ-'.repeat(12)}ZZZG`);
  });

  it('has 52 characters in 13 groups of 4 and round-trips random keys', () => {
    for (let i = 0; i < 50; i++) {
      const key = newRecoveryKey();
      const code = formatRecoveryCode(key);
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){12}$/);
      expect(code.replaceAll('-', '')).toHaveLength(RECOVERY_CODE_LENGTH);
      expect(code.replaceAll('-', '')).toBe(referenceCode(key));
      expect(parseRecoveryCode(code)).toEqual(key);
    }
  });

  it('reads codes as people type them: any case, spaces, no dashes, I/L for 1, O for 0', () => {
    const key = sequence(32);
    const typed = [
      VECTOR.toLowerCase(),
      VECTOR.replaceAll('-', ' '),
      VECTOR.replaceAll('-', ''),
      ` ${VECTOR.replaceAll('-', '  -  ')}\n`,
      VECTOR.replaceAll('0', 'o').replaceAll('1', 'l'),
      VECTOR.replaceAll('0', 'O').replaceAll('1', 'I').toLowerCase(),
    ];
    for (const text of typed) expect(parseRecoveryCode(text)).toEqual(key);
  });

  it('rejects wrong length, foreign characters and non-zero fill bits with malformed', () => {
    expectCryptoError(() => parseRecoveryCode(VECTOR.slice(0, -1)), 'malformed');
    expectCryptoError(() => parseRecoveryCode(`${VECTOR}0`), 'malformed');
    expectCryptoError(() => parseRecoveryCode(''), 'malformed');
    expectCryptoError(() => parseRecoveryCode(VECTOR.replace('G', 'U')), 'malformed');
    expectCryptoError(() => parseRecoveryCode(VECTOR.replace('G', '*')), 'malformed');
    // last digit G = 10000b: one data bit, four zero fill bits; H = 10001b sets a fill bit
    expectCryptoError(() => parseRecoveryCode(`${VECTOR.slice(0, -1)}H`), 'malformed');
    expectCryptoError(() => formatRecoveryCode(sequence(31)), 'malformed');
  });
});
