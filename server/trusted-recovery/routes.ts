// /api/trusted-recovery: helpers she chose, the helper's side of a recovery, and the hand-over to her new device.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Id } from '../../shared/api/encoding.js';
import {
  AddHelperRequest,
  AddHelperResponse,
  HandoverSealRequest,
  HandoverStartRequest,
  HandoverStartResponse,
  HandoverState,
  HelperLookupRequest,
  HelperLookupResponse,
  HelpingDetail,
  StartRequest,
  TrustedOverview,
} from '../../shared/api/trusted-recovery.js';
import { accountOf } from '../infra/auth.js';
import { clockOf } from '../infra/clock.js';
import { BODY_ERRORS, errorResponses } from '../infra/responses.js';
import * as trusted from './service.js';

const NoContent = Type.Null();
const HelperParams = Type.Object({ helperId: Id }, { additionalProperties: false });
const HandoverParams = Type.Object({ handoverId: Id }, { additionalProperties: false });

/** The signed-in account's helpers and the people it helps. */
const signedIn: FastifyPluginAsyncTypebox = async (fastify) => {
  const now = clockOf(fastify.config);
  // looking up usernames tells which exist: as slow as login
  const rateLimit = { max: fastify.config.rateLimitLogin, timeWindow: 60_000 };
  fastify.addHook('onRequest', fastify.requireAccount);

  fastify.get(
    '/',
    { schema: { response: { 200: TrustedOverview, ...errorResponses(401, 500) } } },
    async (request) => trusted.overview(fastify.db, accountOf(request).accountId),
  );

  fastify.post(
    '/lookup',
    {
      config: { rateLimit },
      schema: {
        body: HelperLookupRequest,
        response: { 200: HelperLookupResponse, ...errorResponses(...BODY_ERRORS, 401, 404, 429) },
      },
    },
    async (request) =>
      trusted.lookupHelper(fastify.db, accountOf(request).accountId, request.body.username),
  );

  fastify.post(
    '/helpers',
    {
      config: { rateLimit },
      schema: {
        body: AddHelperRequest,
        response: { 201: AddHelperResponse, ...errorResponses(...BODY_ERRORS, 401, 404, 409, 429) },
      },
    },
    async (request, reply) => {
      const helperId = await trusted.addHelper(
        fastify.db,
        accountOf(request).accountId,
        request.body,
        now(),
      );
      return reply.code(201).send({ helperId });
    },
  );

  fastify.delete(
    '/helpers/:helperId',
    {
      schema: {
        params: HelperParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request, reply) => {
      await trusted.removeHelper(fastify.db, accountOf(request).accountId, request.params.helperId);
      return reply.code(204).send(null);
    },
  );

  fastify.post(
    '/helpers/:helperId/stop',
    {
      schema: {
        params: HelperParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request, reply) => {
      await trusted.stopRecovery(
        fastify.db,
        request.params.helperId,
        { accountId: accountOf(request).accountId },
        now(),
      );
      return reply.code(204).send(null);
    },
  );

  fastify.get(
    '/helping/:helperId',
    {
      schema: {
        params: HelperParams,
        response: { 200: HelpingDetail, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request) =>
      trusted.helpingDetail(
        fastify.db,
        accountOf(request).accountId,
        request.params.helperId,
        now(),
      ),
  );

  fastify.post(
    '/helping/:helperId/start',
    {
      schema: {
        params: HelperParams,
        body: StartRequest,
        response: { 204: NoContent, ...errorResponses(...BODY_ERRORS, 401, 404) },
      },
    },
    async (request, reply) => {
      await trusted.startRecovery(
        fastify.db,
        accountOf(request).accountId,
        request.params.helperId,
        request.body,
        now(),
      );
      return reply.code(204).send(null);
    },
  );

  fastify.delete(
    '/helping/:helperId/start',
    {
      schema: {
        params: HelperParams,
        response: { 204: NoContent, ...errorResponses(400, 401, 404, 500) },
      },
    },
    async (request, reply) => {
      await trusted.stopRecovery(
        fastify.db,
        request.params.helperId,
        { helperAccountId: accountOf(request).accountId },
        now(),
      );
      return reply.code(204).send(null);
    },
  );

  fastify.put(
    '/helping/:helperId/handover',
    {
      schema: {
        params: HelperParams,
        body: HandoverSealRequest,
        response: { 204: NoContent, ...errorResponses(...BODY_ERRORS, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await trusted.sealHandover(
        fastify.db,
        accountOf(request).accountId,
        request.params.helperId,
        request.body,
        now(),
      );
      return reply.code(204).send(null);
    },
  );
};

/** Her new device, not signed in: only a fresh box key goes up, only sealed data comes back. */
const handover: FastifyPluginAsyncTypebox = async (fastify) => {
  const now = clockOf(fastify.config);
  const rateLimit = { max: fastify.config.rateLimitLogin, timeWindow: 60_000 };

  fastify.post(
    '/',
    {
      config: { rateLimit },
      schema: {
        body: HandoverStartRequest,
        response: { 201: HandoverStartResponse, ...errorResponses(...BODY_ERRORS, 404, 429) },
      },
    },
    async (request, reply) => {
      const handoverId = await trusted.startHandover(
        fastify.db,
        request.body.username,
        request.body.boxPublicKey,
        now(),
      );
      return reply.code(201).send({ handoverId });
    },
  );

  fastify.get(
    '/:handoverId',
    {
      // her device asks every few seconds while her helper works
      config: { rateLimit: { ...rateLimit, max: rateLimit.max * 3 } },
      schema: {
        params: HandoverParams,
        response: { 200: HandoverState, ...errorResponses(400, 404, 429, 500) },
      },
    },
    async (request) => trusted.handoverState(fastify.db, request.params.handoverId),
  );
};

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(signedIn);
  await fastify.register(handover, { prefix: '/handover' });
};

export default routes;
