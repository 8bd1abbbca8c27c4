import { Type } from 'typebox';
import { base64UrlLength, limits } from './limits.js';
import { DAY_PATTERN } from '../time/day.js';

/** Unpadded base64url alphabet; the server also rejects non-canonical endings. */
export const BASE64URL_PATTERN = '^[A-Za-z0-9_-]*$';

/** A base64url string encoding exactly `bytes` bytes. */
export function Bytes(bytes: number, description?: string) {
  const length = base64UrlLength(bytes);
  return Type.String({
    minLength: length,
    maxLength: length,
    pattern: BASE64URL_PATTERN,
    description: description ?? `base64url of ${bytes} bytes`,
  });
}

/** A base64url string encoding between `min` and `max` bytes. */
export function BytesBetween(min: number, max: number, description?: string) {
  return Type.String({
    minLength: base64UrlLength(min),
    maxLength: base64UrlLength(max),
    pattern: BASE64URL_PATTERN,
    description: description ?? `base64url of ${min} to ${max} bytes`,
  });
}

/** A random 16-byte id as base64url (22 characters). */
export const Id = Bytes(limits.idBytes, 'id: base64url of 16 random bytes');

/** A calendar day, `YYYY-MM-DD` (UTC); the server checks it is a real date. */
export const AccessDay = Type.String({ pattern: DAY_PATTERN, description: 'a day, YYYY-MM-DD' });

/** Milliseconds since the Unix epoch. */
export const Timestamp = Type.Integer({
  minimum: 0,
  description: 'milliseconds since the Unix epoch',
});
