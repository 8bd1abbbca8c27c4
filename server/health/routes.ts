import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { HealthResponse, type DegradedReason } from '../../shared/api/health.js';
import { errorResponses } from '../infra/responses.js';

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get(
    '/health',
    // degraded stays 200: a load balancer keeps routing to an instance that serves every request
    { schema: { response: { 200: HealthResponse, ...errorResponses(500) } } },
    async () => {
      await sql`select 1`.execute(fastify.db);
      const database = fastify.dbEngine;
      const reasons: DegradedReason[] = [];
      if (fastify.mapEvents.downSince() !== null) reasons.push('live_events_down');
      return reasons.length === 0
        ? { status: 'ok' as const, database }
        : { status: 'degraded' as const, database, reasons };
    },
  );
};

export default routes;
