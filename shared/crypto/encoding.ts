// Byte and text helpers in plain JS (no libsodium), so validators can use them before loadSodium().
import { CryptoError } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

const encoder = new TextEncoder();
// fatal: invalid UTF-8 is an error, never silently replaced; ignoreBOM: keep a leading U+FEFF
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes → base64url (RFC 4648 §5) without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
    out += ALPHABET.charAt((n >> 6) & 63) + ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
    if (rest === 2) out += ALPHABET.charAt((n >> 6) & 63);
  }
  return out;
}

/**
 * Base64url without padding → bytes. Strict: rejects padding, other alphabets, whitespace and
 * non-zero trailing bits (so each byte string has exactly one text form). Throws CryptoError 'malformed'.
 */
export function fromBase64Url(text: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 === 1) {
    throw new CryptoError('malformed', 'invalid base64url');
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (DECODE[code] ?? -1) : -1;
    if (value < 0) throw new CryptoError('malformed', 'invalid base64url');
    acc = ((acc << 6) | value) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) throw new CryptoError('malformed', 'invalid base64url');
  return out;
}

/** True when `text` is canonical unpadded base64url (of exactly `expectedByteLength` bytes if given). */
export function isBase64Url(text: unknown, expectedByteLength?: number): text is string {
  if (typeof text !== 'string') return false;
  if (expectedByteLength !== undefined && text.length !== Math.ceil((expectedByteLength * 4) / 3)) {
    return false;
  }
  try {
    fromBase64Url(text);
    return true;
  } catch {
    return false;
  }
}

/** String → UTF-8 bytes. */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/** UTF-8 bytes → string; throws CryptoError 'malformed' on invalid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new CryptoError('malformed', 'invalid UTF-8');
  }
}

/** Concatenates byte arrays into a new array. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** True for an integer in 0 … 2^32 − 1. */
export function isU32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}

/** Unsigned 32-bit integer → 4 bytes, big-endian. Throws 'malformed' when out of range. */
export function u32ToBytes(value: number): Uint8Array {
  if (!isU32(value)) throw new CryptoError('malformed', 'not an unsigned 32-bit integer');
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, false);
  return out;
}

/** Reads a big-endian unsigned 32-bit integer at `offset`; throws 'malformed' past the end. */
export function readU32(bytes: Uint8Array, offset: number): number {
  if (offset < 0 || offset + 4 > bytes.length) throw new CryptoError('malformed', 'truncated');
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, false);
}

/** True when `value` is a Uint8Array of exactly `length` bytes. */
export function isBytes(value: unknown, length?: number): value is Uint8Array {
  return value instanceof Uint8Array && (length === undefined || value.length === length);
}

/** Throws CryptoError 'malformed' unless `value` is a Uint8Array (of exactly `length` bytes if given). */
export function expectBytes(value: unknown, what: string, length?: number): Uint8Array {
  if (!isBytes(value, length)) {
    const size = length === undefined ? '' : ` of ${length} bytes`;
    throw new CryptoError('malformed', `${what} must be a Uint8Array${size}`);
  }
  return value;
}
