/**
 * Following one open map's events for membership: the one shared stream (api/events.ts), with
 * "this account was removed" handled in one place: the map's session closes on this device.
 */
import type { MapEventType } from '../../../shared/api/membership.js';
import { watchMap } from '../../api/events.js';
import type { AppStore } from '../../shell/store.js';

export function followMap(
  store: AppStore,
  mapId: string,
  on: { removed(): void; event(name: MapEventType): void },
  signal: AbortSignal,
): void {
  const summary = store.mapSummary(mapId);
  if (summary === undefined) return;
  watchMap(
    mapId,
    summary.capability,
    (name) => {
      if (name === 'removed') {
        on.removed();
        store.closeMap(mapId);
      } else {
        on.event(name);
      }
    },
    signal,
  );
}
