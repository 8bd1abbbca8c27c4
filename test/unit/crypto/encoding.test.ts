import { describe, it, expect } from 'vitest';
import {
  concatBytes,
  fromBase64Url,
  isBase64Url,
  readU32,
  toBase64Url,
  u32ToBytes,
  utf8Decode,
  utf8Encode,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, sequence } from './fixtures.js';

describe('base64url', () => {
  it('matches Node’s base64url for every length 0…70 and round-trips', () => {
    for (let length = 0; length <= 70; length++) {
      const bytes = sequence(length, length * 7);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('encodes the RFC 4648 vectors without padding', () => {
    const cases = ['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy'];
    cases.forEach((expected, i) =>
      expect(toBase64Url(utf8Encode('foobar'.slice(0, i)))).toBe(expected),
    );
    expect(toBase64Url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
  });

  it('rejects padding, other alphabets, whitespace, bad lengths and non-canonical text', () => {
    for (const bad of [
      'A',
      'AA==',
      'Zg=',
      'A+B/',
      'AB',
      'Zh',
      ' AAA',
      'AA A',
      'AAAA\n',
      'é',
      'AAAAA',
    ]) {
      expectCryptoError(() => fromBase64Url(bad), 'malformed');
    }
    expectCryptoError(() => fromBase64Url(42 as unknown as string), 'malformed');
  });

  it('isBase64Url checks form and decoded length', () => {
    const id = toBase64Url(sequence(16));
    expect(id).toHaveLength(22);
    expect(isBase64Url(id)).toBe(true);
    expect(isBase64Url(id, 16)).toBe(true);
    expect(isBase64Url(id, 32)).toBe(false);
    expect(isBase64Url(`${id}=`)).toBe(false);
    expect(isBase64Url('A')).toBe(false);
    expect(isBase64Url(undefined)).toBe(false);
    expect(isBase64Url('', 0)).toBe(true);
  });
});

describe('text and integers', () => {
  it('UTF-8 round-trips, keeps a BOM, and rejects invalid bytes', () => {
    const text = '\uFEFFKraamzorg – Zoë 👶';
    expect(utf8Decode(utf8Encode(text))).toBe(text);
    expectCryptoError(() => utf8Decode(Uint8Array.of(0xff, 0xfe)), 'malformed');
    expectCryptoError(() => utf8Decode(Uint8Array.of(0xc3)), 'malformed');
  });

  it('u32 big-endian helpers', () => {
    expect([...u32ToBytes(0x01020304)]).toEqual([1, 2, 3, 4]);
    expect([...u32ToBytes(0xffffffff)]).toEqual([255, 255, 255, 255]);
    expect(readU32(Uint8Array.of(9, 0, 0, 1, 0), 1)).toBe(256);
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN])
      expectCryptoError(() => u32ToBytes(bad), 'malformed');
    expectCryptoError(() => readU32(Uint8Array.of(1, 2, 3), 0), 'malformed');
    // a view into a larger buffer reads its own bytes
    expect(readU32(sequence(8).subarray(2), 0)).toBe(0x02030405);
  });

  it('concatBytes', () => {
    expect([...concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3))]).toEqual([
      1, 2, 3,
    ]);
    expect(concatBytes()).toHaveLength(0);
  });
});
