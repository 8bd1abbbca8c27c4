// /api/directory: the sociale kaart. Searches carry only place, category, language and words, never a
// map or family id; the logger records the route pattern, not the query string (server/infra/logger.ts).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  ProfessionalProfileRequest,
  ProfessionalSearchQuery,
  ProfessionalSearchResponse,
  PublishedProfessional,
  ServiceSearchQuery,
  ServiceSearchResponse,
} from '../../shared/api/directory.js';
import * as professionals from './professionals.js';
import { isEmpty } from './repository.js';
import { directoryDb } from './schema.js';
import { searchServices } from './service.js';
import { accountOf } from '../infra/auth.js';
import { BODY_ERRORS, errorResponses } from '../infra/responses.js';

// generous for a person, slow for a scraper; answers are public data either way
const searchRateLimit = { max: 120, timeWindow: 60_000 };

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const db = directoryDb(fastify.db);

  // an operator who never imported a directory sees an empty sociale kaart and no reason why
  fastify.addHook('onReady', async () => {
    if (await isEmpty(db)) {
      fastify.log.info(
        'the sociale kaart is empty: npm run directory:import -- <file> (fictional demo data: scripts/demo-data/sociale-kaart-demo.json)',
      );
    }
  });

  fastify.get(
    '/services',
    {
      config: { rateLimit: searchRateLimit },
      schema: {
        querystring: ServiceSearchQuery,
        response: { 200: ServiceSearchResponse, ...errorResponses(400, 429, 500) },
      },
    },
    async (request) => searchServices(db, fastify.dbEngine, request.query),
  );

  fastify.get(
    '/professionals',
    {
      config: { rateLimit: searchRateLimit },
      schema: {
        querystring: ProfessionalSearchQuery,
        response: { 200: ProfessionalSearchResponse, ...errorResponses(400, 429, 500) },
      },
    },
    async (request) => professionals.searchProfessionals(db, request.query),
  );

  fastify.get(
    '/me',
    {
      onRequest: fastify.requireAccount,
      schema: { response: { 200: PublishedProfessional, ...errorResponses(401, 404, 500) } },
    },
    async (request) => professionals.getOwnProfile(db, accountOf(request).accountId),
  );

  fastify.put(
    '/me',
    {
      onRequest: fastify.requireAccount,
      schema: {
        body: ProfessionalProfileRequest,
        response: { 200: PublishedProfessional, ...errorResponses(...BODY_ERRORS, 401) },
      },
    },
    async (request) =>
      professionals.publishProfile(db, accountOf(request).accountId, request.body, Date.now()),
  );

  fastify.delete(
    '/me',
    {
      onRequest: fastify.requireAccount,
      schema: { response: { 204: Type.Null(), ...errorResponses(400, 401, 404, 500) } },
    },
    async (request, reply) => {
      await professionals.unpublishProfile(db, accountOf(request).accountId);
      return reply.code(204).send(null);
    },
  );
};

export default routes;
