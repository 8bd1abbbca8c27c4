import fp from 'fastify-plugin';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  // the crypto worker and the service worker (sw.js), both from this origin only
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self)',
  'cross-origin-opener-policy': 'same-origin',
};

/** Security headers on every response, errors and static files included. */
export default fp(
  async (fastify) => {
    // set first thing, so error answers, 404s and static files carry them too
    fastify.addHook('onRequest', (request, reply, done) => {
      reply.headers(HEADERS);
      // API answers are per user and often secret; no cache (browser or proxy) may keep them
      if (request.url.startsWith('/api/') || request.url === '/api') {
        reply.header('cache-control', 'no-store');
      }
      done();
    });
  },
  { name: 'security-headers' },
);
