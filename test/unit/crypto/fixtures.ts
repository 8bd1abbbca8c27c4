// Shared test helpers: byte fixtures and a typed-error assertion.
import { expect } from 'vitest';
import { isCryptoError, type CryptoErrorCode } from '../../../shared/crypto/index.js';

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
export const fromHex = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'hex'));

/** Bytes start, start+1, … (mod 256). */
export function sequence(length: number, start = 0): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);
}

/** A copy of `bytes` with the byte at `index` XORed with 0x01. */
export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

/** Asserts that `run` throws a CryptoError with this code. */
export function expectCryptoError(run: () => unknown, code: CryptoErrorCode): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isCryptoError(caught), `expected CryptoError '${code}', got ${String(caught)}`).toBe(true);
  if (isCryptoError(caught)) expect(caught.code).toBe(code);
}
