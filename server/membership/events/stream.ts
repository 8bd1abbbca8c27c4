// GET /api/maps/:mapId/events: Server-Sent Events over a plain response (clients read it with fetch).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MapEventType } from '../../../shared/api/membership.js';
import { slotExists } from '../repository.js';
import { slotOf } from '../../infra/capability.js';

const HEARTBEAT_MS = 25_000;

/** Streams `event: <type>` with `data: {"mapId":…}` (ids only); a removed slot gets `removed` and the end. */
export function openEventStream(
  fastify: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const { mapId, slotId } = slotOf(request);
  const raw = reply.raw;
  reply.hijack();
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // proxies such as nginx would otherwise hold events back in a buffer
    'x-accel-buffering': 'no',
  });
  const data = JSON.stringify({ mapId });
  const send = (type: MapEventType) => raw.write(`event: ${type}\ndata: ${data}\n\n`);
  raw.write(': connected\n\n');

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    fastify.eventStreams.delete(raw);
    raw.end();
    request.log.info({ openStreams: fastify.eventStreams.size }, 'event stream closed');
  };
  const unsubscribe = fastify.mapEvents.subscribe(mapId, (type) => {
    if (type !== 'removed') {
      send(type);
      return;
    }
    // a removal names no slot (events carry ids of maps only): each stream checks its own slot
    void slotExists(fastify.db, mapId, slotId).then(
      (exists) => {
        if (ended) return;
        if (exists) {
          send('slots');
        } else {
          send('removed');
          end();
        }
      },
      (error: unknown) => request.log.warn({ err: error }, 'event stream slot check failed'),
    );
  });
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  fastify.eventStreams.add(raw);
  raw.on('close', end);
  // with the close line, tells an operator (and the multi-instance test) how many streams this instance holds
  request.log.info({ openStreams: fastify.eventStreams.size }, 'event stream opened');
}
