// Deletes what nobody can use any more, on a timer, one instance at a time.
import fp from 'fastify-plugin';
import { sql, type Kysely } from 'kysely';
import { sweepExpired } from '../accounts/api.js';
import { sweepEndedInvites } from '../invites/api.js';
import { sweepTrustedRecovery } from '../trusted-recovery/service.js';
import type { DatabaseEngine } from './db/connect.js';
import type { Database } from './db/schema.js';

const INTERVAL_MS = 10 * 60 * 1000;
// soon after start too, so a server that is restarted often still sweeps
const FIRST_SWEEP_MS = 60 * 1000;
/** PostgreSQL advisory lock key of the sweep ("nk" and 1); no other lock may use it. */
export const SWEEP_LOCK_KEY = 0x6e6b_0001;

export interface SweepReport {
  challenges: number;
  sessions: number;
  invites: number;
  /** Trusted recoveries and hand-overs dropped (decision 0026). */
  trustedRecovery: number;
}

/**
 * One sweep in one transaction. On PostgreSQL it first takes a transaction advisory lock without
 * waiting: while another instance sweeps, this one does nothing and returns null.
 */
export async function sweep(
  db: Kysely<Database>,
  engine: DatabaseEngine,
  now: number,
): Promise<SweepReport | null> {
  return db.transaction().execute(async (trx) => {
    if (engine === 'postgres') {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}::bigint) as locked`.execute(trx);
      if (rows[0]?.locked !== true) return null;
    }
    const accounts = await sweepExpired(trx, now);
    const invites = await sweepEndedInvites(trx, now);
    const trustedRecovery = await sweepTrustedRecovery(trx, now);
    return { ...accounts, invites, trustedRecovery };
  });
}

/** Sweeps a minute after start and then every ten minutes; the timers never keep the process alive. */
export default fp(
  async (fastify) => {
    let running: Promise<void> = Promise.resolve();
    const sweepOnce = async () => {
      try {
        const report = await sweep(fastify.db, fastify.dbEngine, Date.now());
        if (
          report &&
          report.challenges + report.sessions + report.invites + report.trustedRecovery > 0
        ) {
          fastify.log.info({ swept: report }, 'housekeeping');
        }
      } catch (error) {
        fastify.log.warn({ err: error }, 'housekeeping failed');
      }
    };
    const run = () => {
      running = running.then(sweepOnce);
    };
    const first = setTimeout(run, FIRST_SWEEP_MS);
    const timer = setInterval(run, INTERVAL_MS);
    first.unref();
    timer.unref();
    fastify.addHook('onClose', async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    });
  },
  { name: 'housekeeping', dependencies: ['db'] },
);
