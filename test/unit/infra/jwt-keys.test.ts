// Which JWT keys verify when: the newest signs, each older one until its successor is RETAIN_MS old.
import { describe, expect, it } from 'vitest';
import { liveKeys, RETAIN_MS, type JwtKey } from '../../../server/infra/secrets/jwt-keys.js';
import { keyId } from '../../../server/infra/secrets/keys.js';

const key = (kid: string, createdAt: number): JwtKey => ({
  kid,
  key: Buffer.alloc(32, kid),
  createdAt,
});

describe('liveKeys', () => {
  const first = key('first', 0);
  const second = key('second', 1_000_000);
  const third = key('third', 1_000_000 + 2 * RETAIN_MS);

  it('keeps the only key forever', () => {
    expect(liveKeys([first], Number.MAX_SAFE_INTEGER)).toEqual([first]);
  });

  it('keeps an older key until its successor is RETAIN_MS old, newest first', () => {
    const now = second.createdAt + RETAIN_MS - 1;
    expect(liveKeys([first, second], now).map((k) => k.kid)).toEqual(['second', 'first']);
    expect(liveKeys([first, second], now + 1).map((k) => k.kid)).toEqual(['second']);
  });

  it('judges each key by its own successor, in any input order', () => {
    const now = third.createdAt + 1;
    expect(liveKeys([third, first, second], now).map((k) => k.kid)).toEqual(['third', 'second']);
  });

  it('orders keys made in the same millisecond by kid, the same on every instance', () => {
    const a = key('a', 5);
    const b = key('b', 5);
    expect(liveKeys([b, a], 5)[0]?.kid).toBe('a');
    expect(liveKeys([a, b], 5)[0]?.kid).toBe('a');
  });
});

describe('keyId', () => {
  it('is 12 base64url characters, the same for the same key and different for another', () => {
    const id = keyId(Buffer.alloc(32, 1));
    expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(keyId(Buffer.alloc(32, 1))).toBe(id);
    expect(keyId(Buffer.alloc(32, 2))).not.toBe(id);
  });
});
