/** The live event stream of one map: names only (shared/api/membership.ts), never content. */
import { MAP_EVENT_TYPES, type MapEventType } from '../../shared/api/membership.js';
import { mapPath } from './maps.js';
import { withoutAccount } from './transport.js';

const names: ReadonlySet<string> = new Set(MAP_EVENT_TYPES);

function isMapEvent(name: string | undefined): name is MapEventType {
  return name !== undefined && names.has(name);
}

/**
 * Reads GET /api/maps/:id/events with fetch streaming (EventSource cannot send the capability
 * header) and calls `onEvent` per event. Reconnects after a drop until `signal` aborts; stops
 * for good after `removed`.
 */
export function watchMap(
  mapId: string,
  capability: string,
  onEvent: (name: MapEventType) => void,
  signal: AbortSignal,
): void {
  const run = async (): Promise<void> => {
    while (!signal.aborted) {
      let removed = false;
      try {
        const response = await withoutAccount.stream(mapPath(mapId, '/events'), capability, signal);
        if (response.status === 404) {
          onEvent('removed');
          return;
        }
        if (!response.ok || response.body === null) throw new Error('no stream');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
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
        // Dropped or aborted: wait a moment and try again (unless aborted).
      }
      if (removed || signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  };
  void run();
}
