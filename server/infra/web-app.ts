import { basename } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * Files a browser must ask about again on every load: the service worker (else an old one keeps
 * serving an old app), the manifest and the page that names the hashed assets (decision 0025).
 */
const ALWAYS_REVALIDATE = new Set(['sw.js', 'manifest.webmanifest', 'index.html']);

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
        // a precompressed copy is sent under the name of the file it was made from
        const name = basename(path).replace(/\.(br|gz)$/, '');
        if (!ALWAYS_REVALIDATE.has(name)) return;
        void reply.header('cache-control', 'no-cache');
        if (name === 'manifest.webmanifest')
          void reply.header('content-type', 'application/manifest+json; charset=utf-8');
      },
    });
  },
  { name: 'web-app' },
);
