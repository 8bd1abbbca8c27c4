// How long to wait before the next attempt to re-make a lost connection.

export interface Backoff {
  /** The first wait, in ms. */
  readonly firstMs: number;
  /** No wait is longer than this, in ms. */
  readonly capMs: number;
}

/** 0.25 s, 0.5 s, 1 s, 2 s, 4 s, then 5 s for as long as it takes. */
export const LISTEN_BACKOFF: Backoff = { firstMs: 250, capMs: 5000 };

/** The wait in ms before attempt `attempt` (0 for the first retry): doubling from firstMs, at most capMs. */
export function backoffDelay(attempt: number, backoff: Backoff = LISTEN_BACKOFF): number {
  // past 2^30 the product only grows towards the cap; this also keeps it finite
  const doublings = Number.isNaN(attempt) ? 0 : Math.min(Math.max(0, Math.floor(attempt)), 30);
  return Math.min(backoff.capMs, backoff.firstMs * 2 ** doublings);
}
