// pino options: no bodies, no secrets, no IP addresses (docs/security.md promises all three).
import { pino, type DestinationStream, type Logger } from 'pino';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LogLevel } from './config.js';

/** Header paths censored should any log line ever carry headers. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["nk-capability"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["nk-capability"]',
  'headers["set-cookie"]',
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    serializers: {
      // the route pattern, not the URL: a map id next to a login time would link an account to a map
      req: (request: FastifyRequest) => ({
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
      }),
      res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
