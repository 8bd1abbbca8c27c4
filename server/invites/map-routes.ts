// /api/maps/:mapId/invites and …/requests: the parent's side of invites (admin capability).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ApproveRequestRequest,
  ApproveRequestResponse,
  CreateInviteRequest,
  CreateInviteResponse,
  InvitesResponse,
  MapInviteParams,
  MapRequestParams,
} from '../../shared/api/invites.js';
import { MapParams } from '../../shared/api/maps.js';
import * as invites from './service.js';
import { slotOf } from '../infra/capability.js';
import { errorResponses, MAP_REQUEST_LIMIT } from '../infra/responses.js';

const GUARDED = [400, 403, 404, 500] as const;
const WRITING = [...GUARDED, 413, 415] as const;

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const admin = fastify.requireCapability('admin');

  fastify.post(
    '/:mapId/invites',
    {
      onRequest: admin,
      schema: {
        params: MapParams,
        body: CreateInviteRequest,
        response: { 201: CreateInviteResponse, ...errorResponses(...WRITING, 409) },
      },
    },
    async (request, reply) => {
      await invites.createInvite(fastify.db, slotOf(request).mapId, request.body, Date.now());
      return reply
        .code(201)
        .send({ inviteId: request.body.inviteId, expiresAt: request.body.expiresAt });
    },
  );

  fastify.get(
    '/:mapId/invites',
    {
      onRequest: admin,
      schema: {
        params: MapParams,
        response: { 200: InvitesResponse, ...errorResponses(...GUARDED) },
      },
    },
    async (request) => invites.listInvites(fastify.db, slotOf(request).mapId, Date.now()),
  );

  fastify.delete(
    '/:mapId/invites/:inviteId',
    {
      onRequest: admin,
      schema: {
        params: MapInviteParams,
        response: { 204: Type.Null(), ...errorResponses(...GUARDED, 410) },
      },
    },
    async (request, reply) => {
      const { mapId } = slotOf(request);
      await invites.withdraw(fastify.db, mapId, request.params.inviteId, Date.now());
      // a joiner waiting for her answer (POST /api/invites/:id/answer?wait) hears it at once
      await fastify.mapEvents.publish(mapId, 'slots');
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/:mapId/requests/:requestId/approve',
    {
      onRequest: admin,
      bodyLimit: MAP_REQUEST_LIMIT,
      schema: {
        params: MapRequestParams,
        body: ApproveRequestRequest,
        response: { 200: ApproveRequestResponse, ...errorResponses(...WRITING, 409, 410) },
      },
    },
    async (request) => {
      const { mapId } = slotOf(request);
      const answer = await invites.approve(
        fastify.db,
        mapId,
        request.params.requestId,
        request.body,
        Date.now(),
      );
      await fastify.mapEvents.publish(mapId, 'log');
      await fastify.mapEvents.publish(mapId, 'slots');
      return answer;
    },
  );

  fastify.post(
    '/:mapId/requests/:requestId/decline',
    {
      onRequest: admin,
      schema: {
        params: MapRequestParams,
        response: { 204: Type.Null(), ...errorResponses(...GUARDED, 409) },
      },
    },
    async (request, reply) => {
      const { mapId } = slotOf(request);
      await invites.decline(fastify.db, mapId, request.params.requestId, Date.now());
      await fastify.mapEvents.publish(mapId, 'slots');
      return reply.code(204).send(null);
    },
  );
};

export default routes;
