// Stored times at the precision a feature needs, never finer (decision 0022): a millisecond
// on an account row next to one on a map row would say who joined which map.

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Start of the minute: map-side times (the parent's access log and history are per minute). */
export function minuteOf(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** Start of the UTC day: account-side times (sign-up, a session's start, its revocation). */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** End of the UTC day `ms` falls in: a session's expiry, so it is never cut short. */
export function endOfDay(ms: number): number {
  return dayOf(ms) + DAY_MS;
}
