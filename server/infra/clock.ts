// The clock of waiting periods: Date.now(), moved by TEST_CLOCK_FILE in tests only (decision 0026).
import { readFileSync } from 'node:fs';
import type { Config } from './config.js';

/** A clock; with `testClockFile` the file's number of milliseconds is added (a missing file adds 0). */
export function clockOf(config: Pick<Config, 'testClockFile'>): () => number {
  const file = config.testClockFile;
  if (file === null) return () => Date.now();
  return () => {
    let offset: number;
    try {
      offset = Number(readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      offset = 0;
    }
    return Date.now() + offset;
  };
}
