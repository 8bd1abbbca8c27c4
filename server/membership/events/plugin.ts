import type { ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import { inProcessEvents, postgresEvents, type MapEvents } from './broadcaster.js';

declare module 'fastify' {
  interface FastifyInstance {
    mapEvents: MapEvents;
    /** Open Server-Sent Event streams; app.close() ends them so it never waits on one. */
    eventStreams: Set<ServerResponse>;
  }
}

/** Map events for live updates: in process on SQLite, LISTEN/NOTIFY on PostgreSQL. */
export default fp(
  async (fastify) => {
    const { database } = fastify.config;
    const events =
      database.engine === 'postgres'
        ? await postgresEvents(database.url, fastify.db, fastify.log)
        : inProcessEvents();
    const streams = new Set<ServerResponse>();
    fastify.decorate('mapEvents', events);
    fastify.decorate('eventStreams', streams);
    // before the server waits for open requests: an event stream never ends by itself
    fastify.addHook('preClose', async () => {
      for (const stream of streams) stream.end();
      streams.clear();
    });
    fastify.addHook('onClose', async () => {
      await events.close();
    });
  },
  { name: 'map-events', dependencies: ['db'] },
);
