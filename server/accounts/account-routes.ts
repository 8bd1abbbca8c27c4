// /api/account: the signed-in account (bearer token of a live session).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Account,
  ChallengeResponse,
  DeleteAccountRequest,
  KeyringUpdateRequest,
  KeyringUpdateResponse,
  PassphraseChangeRequest,
} from '../../shared/api/accounts.js';
import * as accounts from './service.js';
import { accountOf } from '../infra/auth.js';
import { BODY_ERRORS, errorResponses, KEYRING_REQUEST_LIMIT } from '../infra/responses.js';

const NoContent = Type.Null();

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.addHook('onRequest', fastify.requireAccount);

  fastify.get(
    '/',
    { schema: { response: { 200: Account, ...errorResponses(401, 500) } } },
    async (request) => accounts.getAccount(fastify.db, accountOf(request).accountId),
  );

  fastify.put(
    '/keyring',
    {
      bodyLimit: KEYRING_REQUEST_LIMIT,
      schema: {
        body: KeyringUpdateRequest,
        response: { 200: KeyringUpdateResponse, ...errorResponses(...BODY_ERRORS, 401, 409) },
      },
    },
    async (request) => ({
      keyringRevision: await accounts.updateKeyring(
        fastify.db,
        accountOf(request).accountId,
        request.body.baseRevision,
        request.body.keyring,
      ),
    }),
  );

  fastify.post(
    '/challenge',
    { schema: { response: { 200: ChallengeResponse, ...errorResponses(400, 401, 500) } } },
    async () => accounts.issueAccountChallenge(fastify.db, Date.now()),
  );

  fastify.put(
    '/passphrase',
    {
      schema: {
        body: PassphraseChangeRequest,
        response: { 204: NoContent, ...errorResponses(...BODY_ERRORS, 401, 403) },
      },
    },
    async (request, reply) => {
      await accounts.changePassphrase(fastify.db, accountOf(request), request.body, Date.now());
      return reply.code(204).send(null);
    },
  );

  fastify.delete(
    '/',
    {
      schema: {
        body: DeleteAccountRequest,
        response: { 204: NoContent, ...errorResponses(...BODY_ERRORS, 401, 403) },
      },
    },
    async (request, reply) => {
      await accounts.deleteAccount(
        fastify.db,
        accountOf(request).accountId,
        request.body.proof,
        Date.now(),
      );
      fastify.clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );
};

export default routes;
