import fastifyJwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  ACCESS_TOKEN_SECONDS,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  SESSION_LIFETIME_MS,
  UNTIL_CLOSE_COOKIE,
  sessionIsActive,
} from '../accounts/api.js';
import { ApiError } from './errors.js';

/** The account and session an access token speaks for. */
export interface AuthenticatedAccount {
  accountId: string;
  sessionId: string;
}

interface AccessTokenPayload {
  sub: string;
  sid: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenPayload;
    user: AccessTokenPayload;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: 401 unless a valid bearer token of a live session is present. */
    requireAccount: (request: FastifyRequest) => Promise<void>;
    issueAccessToken: (account: AuthenticatedAccount) => string;
    /** The bearer token's account without checking the session (logout accepts it); undefined if invalid. */
    readAccessToken: (request: FastifyRequest) => Promise<AuthenticatedAccount | undefined>;
    /** Only under /api/accounts and /api/account, where the cookie plugin is registered. */
    setRefreshCookie: (reply: FastifyReply, token: string, persistent?: boolean) => void;
    clearRefreshCookie: (reply: FastifyReply) => void;
  }
  interface FastifyRequest {
    account: AuthenticatedAccount | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

/**
 * Access tokens (JWT, 15 minutes, signed with the newest key of the shared ring and naming it as kid)
 * checked against revocable sessions, and the refresh cookie.
 */
export default fp(
  async (fastify) => {
    const keys = fastify.secrets.jwtKeys;
    await fastify.register(fastifyJwt, {
      // every call passes its own key (with its kid); this one is only the plugin's required default
      secret: keys.signing().key,
      sign: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_SECONDS }, // @fastify/jwt reads numbers as seconds
      verify: { algorithms: ['HS256'] },
    });
    fastify.decorateRequest('account', null);

    const invalid = () => new ApiError('unauthorized', 'The access token is not valid.');

    const verify = async (request: FastifyRequest): Promise<AuthenticatedAccount> => {
      const match = BEARER.exec(request.headers.authorization ?? '');
      if (!match?.[1]) {
        throw new ApiError(
          'unauthorized',
          'Sign in first: send the access token as a bearer token.',
        );
      }
      const token = match[1];
      let kid: unknown;
      try {
        kid = fastify.jwt.decode<{ header: { kid?: unknown } }>(token, { complete: true })?.header
          .kid;
      } catch {
        throw invalid();
      }
      if (kid !== undefined && typeof kid !== 'string') throw invalid();
      // a retired or unknown key fails like a wrong signature
      const key = await keys.verifying(kid);
      if (!key) throw invalid();
      let payload: unknown;
      try {
        payload = fastify.jwt.verify(token, { key: key.key });
      } catch (error) {
        const expired = (error as { code?: unknown }).code === 'FAST_JWT_EXPIRED';
        throw expired
          ? new ApiError('session_expired', 'The access token has expired; refresh it.')
          : invalid();
      }
      const { sub, sid } = (payload ?? {}) as Partial<AccessTokenPayload>;
      if (typeof sub !== 'string' || typeof sid !== 'string') throw invalid();
      return { accountId: sub, sessionId: sid };
    };

    fastify.decorate('requireAccount', async (request: FastifyRequest) => {
      const account = await verify(request);
      // a logout or passphrase change must end the session now, not when the token expires
      if (!(await sessionIsActive(fastify.db, account.accountId, account.sessionId, Date.now()))) {
        throw new ApiError('session_expired', 'This session has ended; sign in again.');
      }
      request.account = account;
    });

    fastify.decorate('readAccessToken', async (request: FastifyRequest) => {
      try {
        return await verify(request);
      } catch {
        return undefined;
      }
    });

    fastify.decorate('issueAccessToken', ({ accountId, sessionId }: AuthenticatedAccount) => {
      const { kid, key } = keys.signing();
      return fastify.jwt.sign({ sub: accountId, sid: sessionId }, { key, kid });
    });

    const cookieOptions = {
      path: REFRESH_COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: fastify.config.cookieSecure,
    } as const;
    fastify.decorate(
      'setRefreshCookie',
      (reply: FastifyReply, token: string, persistent = true) => {
        if (persistent) {
          reply.setCookie(REFRESH_COOKIE, token, {
            ...cookieOptions,
            maxAge: SESSION_LIFETIME_MS / 1000,
          });
          reply.clearCookie(UNTIL_CLOSE_COOKIE, cookieOptions);
          return;
        }
        // not her own device (decision 0024): both cookies go when the browser closes
        reply.setCookie(REFRESH_COOKIE, token, cookieOptions);
        reply.setCookie(UNTIL_CLOSE_COOKIE, '1', cookieOptions);
      },
    );
    fastify.decorate('clearRefreshCookie', (reply: FastifyReply) => {
      reply.clearCookie(REFRESH_COOKIE, cookieOptions);
      reply.clearCookie(UNTIL_CLOSE_COOKIE, cookieOptions);
    });
  },
  { name: 'auth', dependencies: ['config', 'db', 'secrets'] },
);

/** The authenticated account of a route behind requireAccount. */
export function accountOf(request: FastifyRequest): AuthenticatedAccount {
  if (!request.account) throw new Error('route is missing the requireAccount hook');
  return request.account;
}
