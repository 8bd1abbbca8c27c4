import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/** Rate limiting, off by default; prelogin, login and refresh switch it on in their route config. */
export default fp(
  async (fastify) => {
    await fastify.register(fastifyRateLimit, { global: false });
  },
  { name: 'rate-limit' },
);
