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
import type { Config } from './config.js';
import { createLogger } from './logger.js';
import accessRecorder from './plugins/access-recorder.js';
import auth from './plugins/auth.js';
import capability from './plugins/capability.js';
import configPlugin from './plugins/config.js';
import db from './plugins/db.js';
import errors from './plugins/errors.js';
import mapEvents from './plugins/events.js';
import housekeeping from './plugins/housekeeping.js';
import rateLimit from './plugins/rate-limit.js';
import securityHeaders from './plugins/security-headers.js';
import webApp from './plugins/web-app.js';
import accountRoutes from './routes/accounts/index.js';
import directoryRoutes from './routes/directory/index.js';
import healthRoutes from './routes/health/index.js';
import inviteRoutes from './routes/invites/index.js';
import mapInviteRoutes from './routes/invites/map-invites.js';
import mapRoutes from './routes/maps/index.js';
import membershipRoutes from './routes/membership/index.js';
import { loadSecrets, type Secrets } from './secrets.js';
import { validatorCompiler } from './validation.js';

export interface AppOptions {
  config: Config;
  secrets: Secrets;
}

/** Default body limit; routes that carry a keyring or a map version raise theirs. */
const BODY_LIMIT = 64 * 1024;

const app: FastifyPluginAsync<AppOptions> = async (fastify, { config, secrets }) => {
  await loadSodium();
  await fastify.register(configPlugin, { config, secrets });
  const webAppRoot = existsSync(config.staticDir) && statSync(config.staticDir).isDirectory();

  await fastify.register(errors, { webApp: webAppRoot });
  await fastify.register(securityHeaders);
  await fastify.register(rateLimit);
  await fastify.register(db);
  await fastify.register(accessRecorder);
  await fastify.register(housekeeping);
  await fastify.register(auth);
  await fastify.register(capability);
  await fastify.register(mapEvents);
  if (webAppRoot) await fastify.register(webApp, { root: config.staticDir });

  await fastify.register(healthRoutes, { prefix: '/api' });
  await fastify.register(accountRoutes, { prefix: '/api' });
  await fastify.register(directoryRoutes, { prefix: '/api' });
  await fastify.register(mapRoutes, { prefix: '/api/maps' });
  await fastify.register(membershipRoutes, { prefix: '/api/maps' });
  await fastify.register(mapInviteRoutes, { prefix: '/api/maps' });
  await fastify.register(inviteRoutes, { prefix: '/api/invites' });
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
  const secrets = await loadSecrets(config);
  const fastify = Fastify({
    loggerInstance: createLogger(config.logLevel, options.logStream) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    // request ids are ours; a client-chosen id could be used to forge log lines
    requestIdHeader: false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  fastify.setValidatorCompiler(validatorCompiler);
  acceptJsonOnly(fastify);
  await fastify.register(appPlugin, { config, secrets });
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
