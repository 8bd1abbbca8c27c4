import fp from 'fastify-plugin';
import { sweepExpired } from '../accounts/api.js';

const INTERVAL_MS = 10 * 60 * 1000;

/** Deletes expired login challenges and dead sessions every ten minutes. */
export default fp(
  async (fastify) => {
    const sweep = async () => {
      try {
        await sweepExpired(fastify.db, Date.now());
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
