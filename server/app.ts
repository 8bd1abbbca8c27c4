// The Fastify app as a plugin tree: config, then infrastructure plugins, then routes. No listen here.
import { existsSync, statSync } from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import fp from 'fastify-plugin';
import type { DestinationStream } from 'pino';
import { loadSodium } from '../shared/crypto/index.js';
import type { Config } from './infra/config.js';
import { createLogger } from './infra/logger.js';
import { RequestLog } from './infra/request-log.js';
import accessRecorder from './maps/access-recorder-plugin.js';
import auth from './infra/auth.js';
import capability from './infra/capability.js';
import configPlugin from './infra/config-plugin.js';
import db from './infra/db/plugin.js';
import errors from './infra/error-handler.js';
import mapEvents from './membership/events/plugin.js';
import housekeeping from './infra/housekeeping.js';
import rateLimit from './infra/rate-limit.js';
import secrets from './infra/secrets/plugin.js';
import securityHeaders from './infra/security-headers.js';
import settle from './infra/settle.js';
import timeouts, { serverTimeouts } from './infra/timeouts.js';
import webApp from './infra/web-app.js';
import accountRoutes from './accounts/routes.js';
import adminRoutes from './admin/routes.js';
import directoryRoutes from './directory/routes.js';
import healthRoutes from './health/routes.js';
import inviteRoutes from './invites/routes.js';
import trustedRecoveryRoutes from './trusted-recovery/routes.js';
import mapInviteRoutes from './invites/map-routes.js';
import mapRoutes from './maps/routes.js';
import membershipRoutes from './membership/routes.js';
import { validatorCompiler } from './infra/validation.js';

export interface AppOptions {
  config: Config;
}

/** Default body limit; routes that carry a keyring or a map version raise theirs. */
const BODY_LIMIT = 64 * 1024;

const app: FastifyPluginAsync<AppOptions> = async (fastify, { config }) => {
  await loadSodium();
  await fastify.register(configPlugin, { config });
  const webAppRoot = existsSync(config.staticDir) && statSync(config.staticDir).isDirectory();

  await fastify.register(errors, { webApp: webAppRoot });
  await fastify.register(securityHeaders);
  await fastify.register(timeouts);
  await fastify.register(db);
  // the secrets and the rate-limit counters live in the database all instances share
  await fastify.register(secrets);
  await fastify.register(rateLimit);
  await fastify.register(accessRecorder);
  await fastify.register(housekeeping);
  await fastify.register(settle);
  await fastify.register(auth);
  await fastify.register(capability);
  await fastify.register(mapEvents);
  if (webAppRoot) await fastify.register(webApp, { root: config.staticDir });

  await fastify.register(healthRoutes, { prefix: '/api' });
  await fastify.register(accountRoutes, { prefix: '/api' });
  await fastify.register(directoryRoutes, { prefix: '/api/directory' });
  await fastify.register(adminRoutes, { prefix: '/api/admin' });
  await fastify.register(mapRoutes, { prefix: '/api/maps' });
  await fastify.register(membershipRoutes, { prefix: '/api/maps' });
  await fastify.register(mapInviteRoutes, { prefix: '/api/maps' });
  await fastify.register(inviteRoutes, { prefix: '/api/invites' });
  await fastify.register(trustedRecoveryRoutes, { prefix: '/api/trusted-recovery' });
};

const appPlugin = fp(app, { name: 'netwerkkaart' });
export default appPlugin;

/** The app instance: routes typed through TypeBox schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface BuildOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logStream?: DestinationStream;
}

/** Builds the app (not yet listening); `await app.ready()` or `listen()` to start it. */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const fastify = Fastify({
    loggerInstance: createLogger(config.logLevel, options.logStream) as FastifyBaseLogger,
    // map reads and writes log failures and a sample only (server/infra/request-log.ts)
    logController: new RequestLog(),
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    ...serverTimeouts,
    // request ids are ours; a client-chosen id could be used to forge log lines
    requestIdHeader: false,
    // the db plugin runs migrations; on a large database one can take minutes (decision 0029)
    pluginTimeout: 30 * 60_000,
  }).withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(validatorCompiler);
  acceptJsonOnly(fastify);
  await fastify.register(appPlugin, { config });
  return fastify;
}

/** JSON is the only request body type; an empty JSON body counts as no body. */
function acceptJsonOnly(fastify: App): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    parseJson(request, text, done);
  });
}
