import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Serves the built web app (STATIC_DIR); the 404 handler falls back to its index.html. */
export default fp<{ root: string }>(
  async (fastify, { root }) => {
    await fastify.register(fastifyStatic, { root, prefix: '/', wildcard: true });
  },
  { name: 'web-app' },
);
