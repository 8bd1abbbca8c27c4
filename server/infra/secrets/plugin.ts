import fp from 'fastify-plugin';
import { deriveKeys, keyId } from './keys.js';
import { JwtKeyRing, RELOAD_MS } from './jwt-keys.js';
import { loadRootSecret } from './root.js';
import { secretsDb } from './schema.js';

export interface Secrets {
  /** Signs and verifies access tokens (HS256, with a kid). */
  jwtKeys: JwtKeyRing;
  /** Keys the stable fake salts prelogin answers for unknown usernames. */
  fakeSaltKey: Buffer;
  /** Keys the hashed client addresses of shared rate-limit counters. */
  rateLimitKey: Buffer;
}

declare module 'fastify' {
  interface FastifyInstance {
    secrets: Secrets;
  }
}

/** The server secret and its keys, the same on every instance of one database (docs/security.md). */
export default fp(
  async (fastify) => {
    const db = secretsDb(fastify.db);
    const root = await loadRootSecret(fastify.config, db, (message) => fastify.log.warn(message));
    const { jwtKey, fakeSaltKey, rateLimitKey } = deriveKeys(root.secret);
    const jwtKeys = new JwtKeyRing(db, { kid: keyId(jwtKey), key: jwtKey, createdAt: 0 });
    await jwtKeys.reload();
    fastify.log.info({ source: root.source, kid: jwtKeys.signing().kid }, 'secrets loaded');
    fastify.decorate('secrets', { jwtKeys, fakeSaltKey, rateLimitKey });

    // picks up a key rotated by `npm run secrets:rotate-jwt` while we run
    const timer = setInterval(() => {
      jwtKeys.reload().catch((error: unknown) => {
        fastify.log.warn({ err: error }, 'reading the JWT keys failed');
      });
    }, RELOAD_MS);
    timer.unref();
    fastify.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'secrets', dependencies: ['config', 'db'] },
);
