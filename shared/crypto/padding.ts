// Ciphertext sizes fall in Padmé buckets so the server learns little from a length.
import { CryptoError } from './errors.js';

/**
 * Padmé (Nikitin et al., PETS 2019): the bucket length for `length` bytes; at most ~12 % overhead
 * and only O(log log L) bits of the length stay visible. Lengths up to 2^32 − 1.
 */
export function padmeLength(length: number): number {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) {
    throw new CryptoError('malformed', 'length out of range');
  }
  if (length < 2) return length;
  const e = 31 - Math.clz32(length); // floor(log2 length)
  const s = 32 - Math.clz32(e); // floor(log2 e) + 1
  const step = 2 ** (e - s);
  return Math.ceil(length / step) * step;
}

/** ISO/IEC 7816-4 padding: `plain`, then 0x80, then zeros up to `targetLength` bytes. */
export function padTo(plain: Uint8Array, targetLength: number): Uint8Array {
  if (targetLength < plain.length + 1)
    throw new CryptoError('malformed', 'padding target too small');
  const out = new Uint8Array(targetLength);
  out.set(plain);
  out[plain.length] = 0x80;
  return out;
}

/** Removes ISO/IEC 7816-4 padding; throws 'malformed' without a 0x80 marker after the zeros. */
export function unpad(padded: Uint8Array): Uint8Array {
  // runs only on authenticated plaintext, so the variable time is no padding oracle
  let i = padded.length - 1;
  while (i >= 0 && padded[i] === 0) i--;
  if (i < 0 || padded[i] !== 0x80) throw new CryptoError('malformed', 'bad padding');
  return padded.slice(0, i);
}

/** ISO/IEC 7816-4 padding to the Padmé bucket of `plain.length + 1` (room for the marker). */
export function padmePad(plain: Uint8Array): Uint8Array {
  return padTo(plain, padmeLength(plain.length + 1));
}
