/**
 * The live event stream of one map: names only (shared/api/membership.ts), never content.
 * One stream per map and capability, shared by every listener (the editor's entry button, the
 * members screen): it opens with the first listener and closes with the last.
 */
import { MAP_EVENT_TYPES, type MapEventType } from '../../shared/api/membership.js';
import { mapPath } from './maps.js';
import { withoutAccount, type ApiClient } from './transport.js';

const names: ReadonlySet<string> = new Set(MAP_EVENT_TYPES);

function isMapEvent(name: string | undefined): name is MapEventType {
  return name !== undefined && names.has(name);
}

type Listener = (name: MapEventType) => void;

interface Stream {
  readonly listeners: Set<Listener>;
  readonly abort: AbortController;
}

/** The open streams, by map id and capability. */
const streams = new Map<string, Stream>();

/** The server sends a heartbeat every 25 s; this long without a byte means the connection is dead. */
const SILENCE_MS = 60_000;
/** Wait before opening the stream again after it dropped, in ms. */
const RECONNECT_MS = 2000;

/**
 * Reads GET /api/maps/:id/events with fetch streaming (EventSource cannot send the capability
 * header) and calls `onEvent` per event. Reconnects after a drop (or a silent connection) until
 * `signal` aborts; each reconnect calls `onEvent('resync')`, since events sent while away are
 * lost. Stops for good after `removed`. Exported for tests; the page uses watchMap.
 */
export async function followStream(
  transport: Pick<ApiClient, 'stream'>,
  mapId: string,
  capability: string,
  onEvent: Listener,
  signal: AbortSignal,
): Promise<void> {
  let firstTry = true;
  while (!signal.aborted) {
    let removed = false;
    const attempt = new AbortController();
    const stop = (): void => attempt.abort();
    signal.addEventListener('abort', stop, { once: true });
    let silence: ReturnType<typeof setTimeout> | undefined;
    const heard = (): void => {
      clearTimeout(silence);
      silence = setTimeout(stop, SILENCE_MS);
    };
    try {
      heard();
      const response = await transport.stream(
        mapPath(mapId, '/events'),
        capability,
        attempt.signal,
      );
      // 404: her slot is gone; 410: her access for a time ended (decision 0030)
      if (response.status === 404 || response.status === 410) {
        onEvent('removed');
        return;
      }
      if (!response.ok || response.body === null) throw new Error('no stream');
      // The first try follows a fresh load; any later one (perhaps on another instance) re-reads.
      if (!firstTry) onEvent('resync');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        heard();
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const line = block.split('\n').find((l) => l.startsWith('event:'));
          const name = line?.slice(6).trim();
          if (isMapEvent(name)) {
            if (name === 'removed') removed = true;
            onEvent(name);
          }
        }
      }
    } catch {
      // Dropped, silent or aborted: wait a moment and try again (unless aborted).
    } finally {
      clearTimeout(silence);
      signal.removeEventListener('abort', stop);
    }
    if (removed || signal.aborted) return;
    firstTry = false;
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}

/**
 * Listens to the map's events until `signal` aborts. Listeners of the same map and capability
 * share one stream.
 */
export function watchMap(
  mapId: string,
  capability: string,
  onEvent: Listener,
  signal: AbortSignal,
): void {
  if (signal.aborted) return;
  const key = `${mapId}\n${capability}`;
  let stream = streams.get(key);
  if (stream === undefined) {
    const opened: Stream = { listeners: new Set(), abort: new AbortController() };
    stream = opened;
    streams.set(key, opened);
    const fanOut = (name: MapEventType): void => {
      for (const listener of [...opened.listeners]) listener(name);
    };
    void followStream(withoutAccount, mapId, capability, fanOut, opened.abort.signal).finally(
      () => {
        // Ended for good (removed): a later listener opens a fresh stream.
        if (streams.get(key) === opened) streams.delete(key);
      },
    );
  }
  const shared = stream;
  shared.listeners.add(onEvent);
  signal.addEventListener(
    'abort',
    () => {
      shared.listeners.delete(onEvent);
      if (shared.listeners.size > 0) return;
      shared.abort.abort();
      if (streams.get(key) === shared) streams.delete(key);
    },
    { once: true },
  );
}
