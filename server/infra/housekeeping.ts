import fp from 'fastify-plugin';
import { deleteExpired } from '../accounts/repository.js';

const INTERVAL_MS = 10 * 60 * 1000;
// a revoked session stays a day, so a late refresh with its token still gets a clear 401
const KEEP_REVOKED_MS = 24 * 60 * 60 * 1000;

/** Deletes expired login challenges and dead sessions every ten minutes. */
export default fp(
  async (fastify) => {
    const sweep = async () => {
      try {
        await deleteExpired(fastify.db, Date.now(), KEEP_REVOKED_MS);
      } catch (error) {
        fastify.log.warn({ err: error }, 'housekeeping failed');
      }
    };
    const timer = setInterval(() => void sweep(), INTERVAL_MS);
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'housekeeping', dependencies: ['db'] },
);
