// Strict checks for decrypted JSON: a key holder may still send nonsense, so shapes are never trusted.
// Messages name the path, never the value (values may be private).
import { CryptoError } from './errors.js';
import { isBase64Url, utf8Decode } from './encoding.js';

/** Throws CryptoError 'malformed' naming the path. */
export function fail(path: string, problem: string): never {
  throw new CryptoError('malformed', `${path}: ${problem}`);
}

/** UTF-8 JSON bytes → value; 'malformed' on invalid UTF-8 or JSON. */
export function parseJsonBytes(bytes: Uint8Array, path: string): unknown {
  const text = utf8Decode(bytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail(path, 'not JSON');
  }
}

/** A plain (JSON-like) object with any keys. */
export function expectPlainObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, 'not an object');
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return fail(path, 'not a plain object');
  return value as Record<string, unknown>; // checked just above: a plain non-array object
}

/** A plain object with all `required` keys and no keys beyond `required` and `optional`. */
export function expectObject(
  value: unknown,
  path: string,
  required: readonly string[],
  optional: readonly string[] = [],
): Record<string, unknown> {
  const record = expectPlainObject(value, path);
  for (const key of required) {
    if (!Object.hasOwn(record, key)) fail(path, `missing ${key}`);
  }
  for (const key of Object.keys(record)) {
    if (!required.includes(key) && !optional.includes(key)) fail(path, 'unexpected key');
  }
  return record;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A well-formed string of `min`…`max` Unicode code points. */
export function expectString(value: unknown, path: string, min: number, max: number): string {
  if (typeof value !== 'string') return fail(path, 'not a string');
  if (LONE_SURROGATE.test(value)) return fail(path, 'not well-formed Unicode');
  const length = [...value].length;
  if (length < min || length > max) return fail(path, `length must be ${min}…${max}`);
  return value;
}

/** An integer in `min`…`max`. */
export function expectInteger(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return fail(path, `must be an integer ${min}…${max}`);
  }
  return value;
}

export function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') return fail(path, 'not a boolean');
  return value;
}

/** An array of at most `maxLength` items. */
export function expectArray(value: unknown, path: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) return fail(path, 'not an array');
  if (value.length > maxLength) return fail(path, `more than ${maxLength} items`);
  return value;
}

/** One of the listed literal values. */
export function expectOneOf<T extends string | number>(
  value: unknown,
  path: string,
  options: readonly T[],
): T {
  const found = options.find((option) => option === value);
  if (found === undefined) return fail(path, 'not an allowed value');
  return found;
}

/** An array of distinct allowed values, in the given order. */
export function expectUniqueList<T extends string>(
  value: unknown,
  path: string,
  options: readonly T[],
): T[] {
  const items = expectArray(value, path, options.length).map((item, i) =>
    expectOneOf(item, `${path}[${i}]`, options),
  );
  if (new Set(items).size !== items.length) fail(path, 'duplicate value');
  return items;
}

/** Canonical base64url text of exactly `bytes` bytes. */
export function expectBase64Url(value: unknown, path: string, bytes: number): string {
  if (!isBase64Url(value, bytes)) return fail(path, `must be ${bytes} bytes base64url`);
  return value;
}
