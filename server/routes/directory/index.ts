import type { FastifyPluginAsync } from 'fastify';
import adminRoutes from '../admin/index.js';
import directory from './directory.js';

/** The sociale kaart: /api/directory (public search, professionals' profiles) and /api/admin. */
const routes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(directory, { prefix: '/directory' });
  await fastify.register(adminRoutes, { prefix: '/admin' });
};

export default routes;
