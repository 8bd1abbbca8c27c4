// /api/accounts: sign-up and everything that starts or ends a session (the refresh cookie's path).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  LoginRequest,
  LoginResponse,
  PreloginRequest,
  PreloginResponse,
  RegisterRequest,
  RegisterResponse,
  TokenResponse,
} from '../../shared/api/accounts.js';
import * as accounts from './service.js';
import * as sessions from './sessions.js';
import { ACCESS_TOKEN_SECONDS, REFRESH_COOKIE, UNTIL_CLOSE_COOKIE } from './tokens.js';
import { ApiError } from '../infra/errors.js';
import { signUpRateLimit } from '../infra/rate-limit.js';
import { sameOriginOnly } from '../infra/same-origin.js';
import { BODY_ERRORS, errorResponses, KEYRING_REQUEST_LIMIT } from '../infra/responses.js';

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  // guessing passphrases or refresh tokens must be slow; per IP, kept in memory only
  const rateLimit = { max: fastify.config.rateLimitLogin, timeWindow: 60_000 };
  // the browser adds the refresh cookie to every request here, whichever site makes it
  fastify.addHook('onRequest', sameOriginOnly(fastify.config.publicOrigin));

  fastify.post(
    '/',
    {
      bodyLimit: KEYRING_REQUEST_LIMIT,
      // a bucket of its own, per hour: 409 username_taken tells whether a name exists
      config: { rateLimit: signUpRateLimit(fastify.config.rateLimitSignUp) },
      schema: {
        body: RegisterRequest,
        response: { 201: RegisterResponse, ...errorResponses(...BODY_ERRORS, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const accountId = await accounts.register(fastify.db, request.body, Date.now());
      return reply.code(201).send({ accountId });
    },
  );

  fastify.post(
    '/prelogin',
    {
      config: { rateLimit },
      schema: {
        body: PreloginRequest,
        response: { 200: PreloginResponse, ...errorResponses(...BODY_ERRORS, 403, 429) },
      },
    },
    async (request) =>
      accounts.prelogin(fastify.db, fastify.secrets.fakeSaltKey, request.body.username, Date.now()),
  );

  fastify.post(
    '/login',
    {
      config: { rateLimit },
      schema: {
        body: LoginRequest,
        response: { 200: LoginResponse, ...errorResponses(...BODY_ERRORS, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const session = await accounts.login(fastify.db, request.body, Date.now());
      // remember: false leaves the device's refresh cookie (its own user's) alone
      if (request.body.remember !== false)
        fastify.setRefreshCookie(reply, session.refreshToken, request.body.stay !== false);
      return {
        accessToken: fastify.issueAccessToken({
          accountId: session.account.accountId,
          sessionId: session.sessionId,
        }),
        expiresIn: ACCESS_TOKEN_SECONDS,
        account: session.account,
      };
    },
  );

  fastify.post(
    '/refresh',
    {
      config: { rateLimit },
      schema: { response: { 200: TokenResponse, ...errorResponses(400, 401, 403, 429, 500) } },
    },
    async (request, reply) => {
      const outcome = await sessions.refresh(
        fastify.db,
        request.cookies[REFRESH_COOKIE],
        Date.now(),
      );
      if (!outcome.ok) {
        if (outcome.reused) request.log.warn('spent refresh token presented; session revoked');
        fastify.clearRefreshCookie(reply);
        throw new ApiError('session_expired', 'This session has ended; sign in again.');
      }
      fastify.setRefreshCookie(
        reply,
        outcome.refreshToken,
        request.cookies[UNTIL_CLOSE_COOKIE] === undefined,
      );
      return {
        accessToken: fastify.issueAccessToken(outcome),
        expiresIn: ACCESS_TOKEN_SECONDS,
      };
    },
  );

  fastify.post(
    '/logout',
    { schema: { response: { 204: Type.Null(), ...errorResponses(400, 403, 500) } } },
    async (request, reply) => {
      await sessions.logout(
        fastify.db,
        request.cookies[REFRESH_COOKIE],
        await fastify.readAccessToken(request),
        Date.now(),
      );
      fastify.clearRefreshCookie(reply);
      return reply.code(204).send(null);
    },
  );
};

export default routes;
