import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Serves the built web app (STATIC_DIR); the 404 handler falls back to its index.html. */
export default fp<{ root: string }>(
  async (fastify, { root }) => {
    await fastify.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: true,
      // The build writes .br and .gz beside each file (vite.config.ts): no compressing per request.
      preCompressed: true,
      setHeaders(reply, path) {
        // Files under assets/ carry a hash of their content in the name, so they never change.
        if (/[\\/]assets[\\/]/.test(path)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  },
  { name: 'web-app' },
);
