// /api/maps: map routes authorise by capability (Nk-Capability header), never by account token.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AccessLogResponse,
  CreateMapRequest,
  CreateMapResponse,
  MapParams,
  VersionsQuery,
  VersionsResponse,
} from '../../shared/api/maps.js';
import * as maps from './service.js';
import { slotOf } from '../infra/capability.js';
import { BODY_ERRORS, errorResponses, MAP_REQUEST_LIMIT } from '../infra/responses.js';
import versionRoutes from './version-routes.js';

// The Nk-Capability header (CapabilityHeaders in shared/api) is checked by the requireCapability hook,
// which runs before validation so a wrong capability costs no body parsing; no second check here.

/** Errors every capability route can answer: bad id or header, unknown map or capability. */
const GUARDED = [400, 404, 500] as const;

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const read = fastify.requireCapability('read');
  const admin = fastify.requireCapability('admin');
  // creating maps costs storage and needs no account: per IP, like login
  const rateLimit = { max: fastify.config.rateLimitLogin, timeWindow: 60_000 };

  fastify.post(
    '/',
    {
      bodyLimit: MAP_REQUEST_LIMIT,
      config: { rateLimit },
      schema: {
        body: CreateMapRequest,
        response: { 201: CreateMapResponse, ...errorResponses(...BODY_ERRORS, 409, 429) },
      },
    },
    async (request, reply) => {
      await maps.createMap(fastify.db, request.body, Date.now());
      return reply.code(201).send({ mapId: request.body.mapId, version: 1 });
    },
  );

  // read latest, read one, write: bytes, not JSON (their own body parser)
  await fastify.register(versionRoutes);

  fastify.get(
    '/:mapId/versions',
    {
      onRequest: read,
      schema: {
        params: MapParams,
        querystring: VersionsQuery,
        response: { 200: VersionsResponse, ...errorResponses(...GUARDED) },
      },
    },
    async (request) => ({
      versions: await maps.listVersions(
        fastify.db,
        slotOf(request).mapId,
        request.query.before,
        request.query.limit,
      ),
    }),
  );

  fastify.get(
    '/:mapId/access',
    {
      onRequest: admin,
      schema: {
        params: MapParams,
        response: { 200: AccessLogResponse, ...errorResponses(...GUARDED, 403) },
      },
    },
    async (request) => {
      // the parent asking for the log should see up to this very request
      await fastify.accessRecorder.flush();
      return maps.accessLog(fastify.db, slotOf(request).mapId, Date.now());
    },
  );

  fastify.delete(
    '/:mapId',
    {
      onRequest: admin,
      schema: {
        params: MapParams,
        response: { 204: Type.Null(), ...errorResponses(...GUARDED, 403) },
      },
    },
    async (request, reply) => {
      const { mapId } = slotOf(request);
      await maps.deleteMap(fastify.db, mapId);
      await fastify.mapEvents.publish(mapId, 'removed');
      return reply.code(204).send(null);
    },
  );
};

export default routes;
