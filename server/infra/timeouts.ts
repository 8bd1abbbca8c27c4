// How long a connection may take to send its request, sit idle, or wait for an answer (docs/security.md).
import { Socket } from 'node:net';
import fp from 'fastify-plugin';

/** No byte for this long while a request arrives: the connection is closed (a body that never comes). */
export const RECEIVE_IDLE_MS = 10_000;
/** Headers complete within this long of the request's first byte. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** The whole request, body included, within this long: a body sent a byte at a time ends too. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** Once the request is in: no byte either way for this long (a client that never reads its answer). */
export const ANSWER_IDLE_MS = 60_000;
/** Between requests on a kept-alive connection; longer than a proxy's usual 60 s, so the proxy closes first. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** Options for Fastify(): the Node HTTP server's timeouts, checked every 2 s instead of every 30 s. */
export const serverTimeouts = {
  connectionTimeout: RECEIVE_IDLE_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  http: { headersTimeout: HEADERS_TIMEOUT_MS, connectionsCheckingInterval: 2_000 },
} as const;

/**
 * The receive idle timeout is short, but a handler may be quiet for longer: an event stream between
 * heartbeats (25 s), a large directory import. Once the body is read, the socket gets ANSWER_IDLE_MS;
 * Node puts back its own timeouts for the next request on the connection.
 */
export default fp(
  async (fastify) => {
    fastify.addHook('preValidation', (request, _reply, done) => {
      const { socket } = request.raw;
      // requests made with inject() have no real socket
      if (socket instanceof Socket) socket.setTimeout(ANSWER_IDLE_MS);
      done();
    });
  },
  { name: 'timeouts' },
);
