// The test-only server clock (Config.now, decision 0030): tests move it to see access end.

export interface TestClock {
  /** Pass as `now` (buildTestApp) or set on `config.now`. */
  readonly now: () => number;
  set(ms: number): void;
  /** Moves the clock `days` whole days on. */
  advanceDays(days: number): void;
}

/** A clock that starts at `start` (default: the real time now) and moves only when told. */
export function testClock(start = Date.now()): TestClock {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advanceDays: (days) => {
      current += days * 24 * 60 * 60 * 1000;
    },
  };
}
