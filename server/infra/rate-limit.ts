import fastifyRateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/** Rate limiting, off by default; prelogin, login and refresh switch it on in their route config. */
export default fp(
  async (fastify) => {
    await fastify.register(fastifyRateLimit, { global: false });
  },
  { name: 'rate-limit' },
);

/** Sign-up's own bucket, per IP per hour: its 409 username_taken tells whether a name exists. */
export function signUpRateLimit(perHour: number): { max: number; timeWindow: number } {
  return { max: perHour, timeWindow: 60 * 60_000 };
}
