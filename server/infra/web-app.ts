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
      setHeaders(reply, path) {
        const name = basename(path);
        if (!ALWAYS_REVALIDATE.has(name)) return;
        void reply.header('cache-control', 'no-cache');
        if (name === 'manifest.webmanifest')
          void reply.header('content-type', 'application/manifest+json; charset=utf-8');
      },
    });
  },
  { name: 'web-app' },
);
