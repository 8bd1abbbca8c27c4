// /api/admin: directory administration, for administrators only (never a family's account).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminLogQuery,
  AdminLogResponse,
  directoryLimits,
  ImportReport,
  ImportRequest,
} from '../../shared/api/directory.js';
import { adminGuard, adminOf } from './auth.js';
import { logAction, readLog } from './service.js';
import { directoryDb, FileError, importDirectory } from '../directory/api.js';
import { ApiError } from '../infra/errors.js';
import { BODY_ERRORS, errorResponses } from '../infra/responses.js';

// a token is 256 random bits, so this only keeps a prober from loading the database
const rateLimit = { max: 60, timeWindow: 60_000 };

const routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.decorateRequest('adminName', null);
  fastify.addHook('onRequest', adminGuard(fastify));
  const db = directoryDb(fastify.db);

  fastify.post(
    '/directory/import',
    {
      bodyLimit: directoryLimits.importBodyBytes,
      config: { rateLimit },
      schema: {
        body: ImportRequest,
        response: { 200: ImportReport, ...errorResponses(...BODY_ERRORS, 401, 429) },
      },
    },
    async (request) => {
      const { format, source, data } = request.body;
      const dryRun = request.body.dryRun ?? false;
      const now = Date.now();
      let report: ImportReport;
      try {
        report = await importDirectory(db, {
          format,
          source,
          data,
          dryRun,
          now,
          engine: fastify.dbEngine,
        });
      } catch (error) {
        if (error instanceof FileError) {
          throw new ApiError('invalid_request', `The file cannot be imported: ${error.message}.`);
        }
        throw error;
      }
      await logAction(
        db,
        adminOf(request),
        dryRun ? 'directory.import.dry-run' : 'directory.import',
        {
          source,
          format,
          received: report.received,
          created: report.services.created,
          updated: report.services.updated,
          unchanged: report.services.unchanged,
          rejected: report.rejected.length,
        },
        now,
      );
      return report;
    },
  );

  fastify.get(
    '/log',
    {
      config: { rateLimit },
      schema: {
        querystring: AdminLogQuery,
        response: { 200: AdminLogResponse, ...errorResponses(400, 401, 429, 500) },
      },
    },
    async (request) => ({
      entries: await readLog(db, request.query.limit ?? 50, request.query.before),
    }),
  );
};

export default routes;
