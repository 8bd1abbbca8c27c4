import { createHash } from 'node:crypto';
import { describe, it, expect, beforeAll } from 'vitest';
import {
  capabilityHash,
  fromBase64Url,
  isBase64Url,
  loadSodium,
  newCapability,
  newId,
} from '../../../shared/crypto/index.js';
import { expectCryptoError, hex } from './fixtures.js';

describe('ids and capabilities', () => {
  beforeAll(loadSodium);

  it('capabilityHash is SHA-256 (known vector and Node’s hash)', () => {
    expect(hex(capabilityHash(new Uint8Array(32)))).toBe(
      '66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925',
    );
    const capability = newCapability();
    expect(hex(capabilityHash(capability))).toBe(
      createHash('sha256').update(capability).digest('hex'),
    );
  });

  it('capabilityHash rejects other lengths with malformed', () => {
    expectCryptoError(() => capabilityHash(new Uint8Array(31)), 'malformed');
    expectCryptoError(() => capabilityHash(new Uint8Array(33)), 'malformed');
    expectCryptoError(() => capabilityHash('abc' as unknown as Uint8Array), 'malformed');
  });

  it('newId is 16 random bytes as 22 base64url characters; capabilities are 32 random bytes', () => {
    const ids = new Set(Array.from({ length: 100 }, () => newId()));
    expect(ids.size).toBe(100);
    for (const id of ids) {
      expect(id).toHaveLength(22);
      expect(isBase64Url(id, 16)).toBe(true);
      expect(fromBase64Url(id)).toHaveLength(16);
    }
    expect(newCapability()).toHaveLength(32);
    expect(hex(newCapability())).not.toBe(hex(newCapability()));
  });
});
