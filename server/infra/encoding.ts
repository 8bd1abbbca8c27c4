// Base64url on the server through Buffer (fast); schemas check the alphabet and length, this checks the ending.
import { ApiError } from './errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Decodes a schema-validated base64url string (the schema already checked the alphabet; scanning a
 * 1 MiB body twice costs more than the rest of a write). Answers 400 naming `field` when the length
 * or the unused bits of the last character make it non-canonical.
 */
export function decodeBase64Url(text: string, field: string): Buffer {
  if (!hasCanonicalEnding(text)) {
    throw new ApiError('invalid_request', `${field} must be canonical base64url without padding.`);
  }
  return Buffer.from(text, 'base64url');
}

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/** Alphabet, no impossible length, and zero unused bits in the last character. */
export function isCanonicalBase64Url(text: string): boolean {
  return /^[A-Za-z0-9_-]*$/.test(text) && hasCanonicalEnding(text);
}

function hasCanonicalEnding(text: string): boolean {
  const rest = text.length % 4;
  if (rest === 1) return false;
  if (rest === 0) return true;
  const last = ALPHABET.indexOf(text.charAt(text.length - 1));
  // 2 characters carry 1 byte (4 spare bits), 3 characters carry 2 bytes (2 spare bits)
  return last >= 0 && (last & (rest === 2 ? 0b1111 : 0b11)) === 0;
}
