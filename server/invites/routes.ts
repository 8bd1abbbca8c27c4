// /api/invites/:inviteId: the joiner's side. No account token and no capability: the invite secret's proof.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CollectAnswerQuery,
  CollectAnswerRequest,
  CollectAnswerResponse,
  InviteChallengeResponse,
  InviteInfoResponse,
  InviteParams,
  JoinRequestRequest,
  JoinRequestResponse,
} from '../../shared/api/invites.js';
import * as invites from './join-service.js';
import { answerWaiter, endHeldAnswersOnClose } from './answer-wait.js';
import { BODY_ERRORS, errorResponses } from '../infra/responses.js';

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  // invite ids come from a secret, but a prober could still try ids: slow every invite route down
  const rateLimit = { max: fastify.config.rateLimitLogin, timeWindow: 60_000 };
  endHeldAnswersOnClose(fastify);

  fastify.get(
    '/:inviteId',
    {
      config: { rateLimit },
      schema: {
        params: InviteParams,
        response: { 200: InviteInfoResponse, ...errorResponses(400, 404, 410, 429, 500) },
      },
    },
    async (request) => invites.inviteInfo(fastify.db, request.params.inviteId, Date.now()),
  );

  fastify.post(
    '/:inviteId/requests',
    {
      config: { rateLimit },
      schema: {
        params: InviteParams,
        body: JoinRequestRequest,
        response: {
          201: JoinRequestResponse,
          ...errorResponses(...BODY_ERRORS, 403, 404, 410, 429),
        },
      },
    },
    async (request, reply) => {
      const requestId = await invites.postRequest(
        fastify.db,
        request.params.inviteId,
        request.body,
        Date.now(),
      );
      return reply.code(201).send({ requestId });
    },
  );

  fastify.post(
    '/:inviteId/challenge',
    {
      config: { rateLimit },
      schema: {
        params: InviteParams,
        response: { 200: InviteChallengeResponse, ...errorResponses(400, 404, 429, 500) },
      },
    },
    async (request) => invites.answerChallenge(fastify.db, request.params.inviteId, Date.now()),
  );

  fastify.post(
    '/:inviteId/answer',
    {
      config: { rateLimit },
      schema: {
        params: InviteParams,
        querystring: CollectAnswerQuery,
        body: CollectAnswerRequest,
        response: {
          200: CollectAnswerResponse,
          202: CollectAnswerResponse,
          ...errorResponses(...BODY_ERRORS, 403, 404, 410, 429),
        },
      },
    },
    async (request, reply) => {
      const waitMs = (request.query.wait ?? 0) * 1000;
      const answer = await invites.collectAnswer(
        fastify.db,
        request.params.inviteId,
        request.body,
        Date.now(),
        waitMs > 0 ? answerWaiter(fastify, request, waitMs) : undefined,
      );
      return reply.code(answer.status === 'pending' ? 202 : 200).send(answer);
    },
  );
};

export default routes;
