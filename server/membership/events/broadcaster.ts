// Map events to open Server-Sent Event streams: in process, or across instances through PostgreSQL NOTIFY.
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { MAP_EVENT_TYPES, type MapEventType } from '../../../shared/api/membership.js';
import type { Database } from '../../infra/db/schema.js';
import { WatchedListener } from './listener.js';

/** The PostgreSQL channel; payloads are `<event type>|<map id>`, never content. */
export const CHANNEL = 'nk_map_events';

type Listener = (type: MapEventType) => void;

export interface MapEvents {
  /** Calls `listener` for every event of `mapId` until the returned function is called. */
  subscribe(mapId: string, listener: Listener): () => void;
  /** Tells every instance's subscribers of `mapId` (after the change committed). Never throws. */
  publish(mapId: string, type: MapEventType): Promise<void>;
  /** When events from other instances stopped arriving (ms since the epoch), or null: all is well. */
  downSince(): number | null;
  /** application_name of this instance's LISTEN connection (pg_stat_activity); null without PostgreSQL. */
  readonly listenerName: string | null;
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

  /** `type` to every subscriber of every map. */
  dispatchAll(type: MapEventType): void {
    for (const mapId of [...this.#listeners.keys()]) this.dispatch(mapId, type);
  }
}

/** In-process events: SQLite runs one server instance. */
export function inProcessEvents(): MapEvents {
  const local = new LocalEvents();
  return {
    subscribe: (mapId, listener) => local.subscribe(mapId, listener),
    publish: async (mapId, type) => local.dispatch(mapId, type),
    downSince: () => null,
    listenerName: null,
    close: async () => {},
  };
}

function parsePayload(payload: string | undefined): { mapId: string; type: MapEventType } | null {
  const [type, mapId] = (payload ?? '').split('|');
  const known = MAP_EVENT_TYPES.find((t) => t === type);
  return known && mapId ? { type: known, mapId } : null;
}

/**
 * Events across instances: publish is a NOTIFY; one watched connection per instance LISTENs and
 * dispatches to its own subscribers (so an instance hears its own events the same way). While that
 * connection is down, an instance's own events go straight to its own subscribers; when it is back,
 * every subscriber gets `resync`, since events of other instances were missed in between.
 */
export async function postgresEvents(
  url: string,
  db: Kysely<Database>,
  log: FastifyBaseLogger,
): Promise<MapEvents> {
  const local = new LocalEvents();
  const connection = new WatchedListener({
    url,
    channel: CHANNEL,
    log,
    onNotification: (payload) => {
      const event = parsePayload(payload);
      if (event) local.dispatch(event.mapId, event.type);
    },
    onHealed: () => local.dispatchAll('resync'),
  });
  await connection.start();
  return {
    listenerName: connection.name,
    subscribe: (mapId, listener) => local.subscribe(mapId, listener),
    publish: async (mapId, type) => {
      // checked before the NOTIFY: if the connection comes back meanwhile, a duplicate is harmless
      if (connection.downSince !== null) local.dispatch(mapId, type);
      try {
        await sql`select pg_notify(${CHANNEL}, ${`${type}|${mapId}`})`.execute(db);
      } catch (error) {
        log.warn({ err: error }, 'could not publish a map event');
      }
    },
    downSince: () => connection.downSince,
    close: () => connection.close(),
  };
}
