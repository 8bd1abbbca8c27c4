// Counts map accesses per (slot, minute) in memory and writes them in one transaction per flush.
// Why: a database write inside every read would cost an fsync per read (synchronous=FULL); see decision 0002.
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../infra/db/schema.js';
import { addAccessCounts, existingSlotIds } from './repository.js';

const MINUTE_MS = 60_000;
const BATCH = 500;

interface Pending {
  slotId: string;
  minute: number;
  count: number;
}

export class AccessRecorder {
  #pending = new Map<string, Pending>();
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Counts one access by `slotId` at `at` (ms); never touches the database. */
  record(slotId: string, at: number = Date.now()): void {
    const minute = at - (at % MINUTE_MS);
    const key = `${slotId}|${minute}`;
    const entry = this.#pending.get(key);
    if (entry) entry.count++;
    else this.#pending.set(key, { slotId, minute, count: 1 });
  }

  /** Writes everything counted so far; flushes never overlap. Never throws. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(() => this.#write());
    return this.#flushing;
  }

  async #write(): Promise<void> {
    if (this.#pending.size === 0) return;
    const entries = [...this.#pending.values()];
    this.#pending = new Map();
    try {
      await this.db.transaction().execute(async (trx) => {
        for (let i = 0; i < entries.length; i += BATCH) {
          const batch = entries.slice(i, i + BATCH);
          // slots of a map deleted since the access are gone; their counts go with them
          const live = await existingSlotIds(trx, [...new Set(batch.map((e) => e.slotId))]);
          await addAccessCounts(
            trx,
            batch
              .filter((e) => live.has(e.slotId))
              .map((e) => ({ slot_id: e.slotId, minute: e.minute, count: e.count })),
          );
        }
      });
    } catch (error) {
      // access counts are a log for the parent, not map data: losing one second of them is acceptable
      this.log.warn({ err: error, entries: entries.length }, 'could not write access counts');
    }
  }
}
