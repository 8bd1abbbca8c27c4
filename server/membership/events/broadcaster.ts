// Map events to open Server-Sent Event streams: in process, or across instances through PostgreSQL NOTIFY.
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { MAP_EVENT_TYPES, type MapEventType } from '../../../shared/api/membership.js';
import type { Database } from '../../infra/db/schema.js';

/** The PostgreSQL channel; payloads are `<event type>|<map id>`, never content. */
export const CHANNEL = 'nk_map_events';

type Listener = (type: MapEventType) => void;

export interface MapEvents {
  /** Calls `listener` for every event of `mapId` until the returned function is called. */
  subscribe(mapId: string, listener: Listener): () => void;
  /** Tells every instance's subscribers of `mapId` (after the change committed). Never throws. */
  publish(mapId: string, type: MapEventType): Promise<void>;
  close(): Promise<void>;
}

class LocalEvents {
  readonly #listeners = new Map<string, Set<Listener>>();

  subscribe(mapId: string, listener: Listener): () => void {
    let set = this.#listeners.get(mapId);
    if (!set) {
      set = new Set();
      this.#listeners.set(mapId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(mapId);
    };
  }

  dispatch(mapId: string, type: MapEventType): void {
    for (const listener of [...(this.#listeners.get(mapId) ?? [])]) listener(type);
  }
}

/** In-process events: SQLite runs one server instance. */
export function inProcessEvents(): MapEvents {
  const local = new LocalEvents();
  return {
    subscribe: (mapId, listener) => local.subscribe(mapId, listener),
    publish: async (mapId, type) => local.dispatch(mapId, type),
    close: async () => {},
  };
}

function parsePayload(payload: string | undefined): { mapId: string; type: MapEventType } | null {
  const [type, mapId] = (payload ?? '').split('|');
  const known = MAP_EVENT_TYPES.find((t) => t === type);
  return known && mapId ? { type: known, mapId } : null;
}

/**
 * Events across instances: publish is a NOTIFY; one dedicated connection per instance LISTENs and
 * dispatches to its own subscribers (so an instance hears its own events the same way).
 */
export async function postgresEvents(
  url: string,
  db: Kysely<Database>,
  log: FastifyBaseLogger,
): Promise<MapEvents> {
  const local = new LocalEvents();
  const client = new pg.Client({ connectionString: url });
  client.on('notification', (message) => {
    const event = parsePayload(message.payload);
    if (event) local.dispatch(event.mapId, event.type);
  });
  // a lost listener connection only delays live updates; clients also re-read on reconnect
  client.on('error', (error) => log.warn({ err: error }, 'event listener connection failed'));
  await client.connect();
  await client.query(`listen ${CHANNEL}`);
  return {
    subscribe: (mapId, listener) => local.subscribe(mapId, listener),
    publish: async (mapId, type) => {
      try {
        await sql`select pg_notify(${CHANNEL}, ${`${type}|${mapId}`})`.execute(db);
      } catch (error) {
        log.warn({ err: error }, 'could not publish a map event');
      }
    },
    close: async () => {
      await client.end();
    },
  };
}
