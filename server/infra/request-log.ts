// Request log lines: every route as fastify writes them, except map reads and writes (decision 0027).
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A map version route: logged only on failure, and one success in SAMPLE_EVERY. */
    hotPath?: boolean;
  }
}

/** Route config of the map version routes (read latest, read one, write). */
export const HOT_PATH = { hotPath: true } as const;

/** One successful hot-path request in this many is logged, with `sampled` saying so. */
export const SAMPLE_EVERY = 100;

/**
 * Two lines of JSON per map read cost as much as the database call (issue 15's profile: 40–55 µs per
 * read, 180–250 µs per write at info). On the hot path a success writes nothing but every hundredth
 * line; a failure (4xx or 5xx) always writes its line. Other routes log as fastify does.
 */
export class RequestLog extends LogController {
  #successes = 0;

  override incomingRequest(request: FastifyRequest, reply: FastifyReply): void {
    if (request.routeOptions.config.hotPath === true) return;
    super.incomingRequest(request, reply);
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (request.routeOptions.config.hotPath !== true) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const failed = error !== null && error !== undefined;
    if (!failed && reply.statusCode < 400) {
      this.#successes = (this.#successes + 1) % SAMPLE_EVERY;
      if (this.#successes !== 0) return;
    }
    // the route is named here, as the skipped "incoming request" line would have named it
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (failed) reply.log.error({ ...line, err: error }, 'request errored');
    else if (reply.statusCode >= 400) reply.log.info(line, 'request completed');
    else reply.log.info({ ...line, sampled: SAMPLE_EVERY }, 'request completed');
  }
}
