import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { countersDb, deleteEndedCounters, postgresRateLimitStore } from './rate-limit-store.js';

const SWEEP_MS = 60_000;

/**
 * Rate limiting, off by default; routes switch it on in their config. On PostgreSQL the counters are
 * shared by every instance of the database (docs/decisions/0011); on SQLite they stay in memory.
 */
export default fp(
  async (fastify) => {
    if (fastify.dbEngine !== 'postgres') {
      await fastify.register(fastifyRateLimit, { global: false });
      return;
    }
    const db = countersDb(fastify.db);
    await fastify.register(fastifyRateLimit, {
      global: false,
      store: postgresRateLimitStore(db, fastify.secrets.rateLimitKey),
    });
    // every instance sweeps; deleting what another already deleted does no harm
    const timer = setInterval(() => {
      deleteEndedCounters(db).catch((error: unknown) => {
        fastify.log.warn({ err: error }, 'deleting ended rate-limit counters failed');
      });
    }, SWEEP_MS);
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'rate-limit', dependencies: ['db', 'secrets'] },
);

/** Sign-up's own bucket, per IP per hour: its 409 username_taken tells whether a name exists. */
export function signUpRateLimit(perHour: number): { max: number; timeWindow: number } {
  return { max: perHour, timeWindow: 60 * 60_000 };
}
