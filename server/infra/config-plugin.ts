import fp from 'fastify-plugin';
import type { Config } from './config.js';
import type { Secrets } from './secrets.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    secrets: Secrets;
  }
}

/** Makes the validated configuration and derived secrets available to every plugin and route. */
export default fp<{ config: Config; secrets: Secrets }>(
  async (fastify, { config, secrets }) => {
    fastify.decorate('config', config);
    fastify.decorate('secrets', secrets);
  },
  { name: 'config' },
);
