// The wait between attempts to re-make the LISTEN connection.
import { describe, expect, it } from 'vitest';
import { backoffDelay, LISTEN_BACKOFF } from '../../../server/membership/events/backoff.js';

describe('backoffDelay', () => {
  it('doubles from 0.25 s up to a 5 s cap', () => {
    const waits = Array.from({ length: 8 }, (_, attempt) => backoffDelay(attempt));
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('stays at the cap however long it takes, and treats odd input as the first attempt', () => {
    expect(backoffDelay(1_000_000)).toBe(LISTEN_BACKOFF.capMs);
    expect(backoffDelay(Number.POSITIVE_INFINITY)).toBe(LISTEN_BACKOFF.capMs);
    expect(backoffDelay(-3)).toBe(LISTEN_BACKOFF.firstMs);
    expect(backoffDelay(Number.NaN)).toBe(LISTEN_BACKOFF.firstMs);
  });

  it('follows other settings', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, { firstMs: 100, capMs: 300 }))).toEqual([
      100, 200, 300, 300,
    ]);
  });
});
