import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { HealthResponse } from '../../shared/api/health.js';
import { errorResponses } from '../infra/responses.js';

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    { schema: { response: { 200: HealthResponse, ...errorResponses(500) } } },
    async () => {
      await sql`select 1`.execute(fastify.db);
      return { status: 'ok' as const, database: fastify.dbEngine };
    },
  );
};

export default routes;
