// The administrator guard: `Authorization: Admin <token>`; accounts' bearer tokens are never accepted here.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { directoryDb } from '../directory/api.js';
import { ApiError } from '../infra/errors.js';
import { verifyAdminToken } from './service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The administrator's name on routes behind the admin guard. */
    adminName: string | null;
  }
}

const ADMIN = /^Admin ([A-Za-z0-9_-]+)$/;

/** An onRequest hook: 401 unless the request carries a valid administrator token. */
export function adminGuard(fastify: FastifyInstance) {
  return async (request: FastifyRequest): Promise<void> => {
    const match = ADMIN.exec(request.headers.authorization ?? '');
    const name = match?.[1] ? await verifyAdminToken(directoryDb(fastify.db), match[1]) : undefined;
    if (name === undefined) {
      throw new ApiError(
        'unauthorized',
        'Administrator routes need a valid token: Authorization: Admin <token>.',
      );
    }
    request.adminName = name;
  };
}

/** The administrator of a route behind adminGuard. */
export function adminOf(request: FastifyRequest): string {
  if (request.adminName === null) throw new Error('route is missing the admin guard');
  return request.adminName;
}
