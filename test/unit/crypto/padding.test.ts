import { describe, it, expect } from 'vitest';
import { padmeLength, padmePad, padTo, unpad } from '../../../shared/crypto/padding.js';
import { expectCryptoError, sequence } from './fixtures.js';

describe('Padmé', () => {
  it('matches reference values', () => {
    const cases: Array<[number, number]> = [
      [0, 0],
      [1, 1],
      [2, 2],
      [9, 10],
      [33, 36],
      [100, 104],
      [1000, 1024],
      [1025, 1088],
      [65536, 65536],
      [70000, 71680],
    ];
    for (const [length, padded] of cases) expect(padmeLength(length), `L=${length}`).toBe(padded);
  });

  it('never shrinks, is monotonic, and costs at most 12 %', () => {
    let previous = 0;
    for (let length = 1; length < 20000; length += 7) {
      const padded = padmeLength(length);
      expect(padded).toBeGreaterThanOrEqual(length);
      expect(padded).toBeGreaterThanOrEqual(previous);
      expect(padded / length).toBeLessThanOrEqual(1.12);
      previous = padded;
    }
    expectCryptoError(() => padmeLength(-1), 'malformed');
  });
});

describe('ISO 7816-4 padding', () => {
  it('round-trips every length 0…300, including trailing zero bytes', () => {
    for (let length = 0; length <= 300; length++) {
      const plain = sequence(length);
      const padded = padmePad(plain);
      expect(padded.length).toBe(padmeLength(length + 1));
      expect(unpad(padded)).toEqual(plain);
    }
    expect(unpad(padmePad(new Uint8Array(5)))).toEqual(new Uint8Array(5));
  });

  it('rejects input without a marker', () => {
    expectCryptoError(() => unpad(new Uint8Array(8)), 'malformed');
    expectCryptoError(() => unpad(new Uint8Array(0)), 'malformed');
    expectCryptoError(() => unpad(Uint8Array.of(1, 2, 0x81, 0)), 'malformed');
    expectCryptoError(() => padTo(sequence(4), 4), 'malformed');
  });
});
