/**
 * A map this account no longer takes part in (removed by an owner, or it left) leaves the
 * keyring on every device, so "Mijn kaarten" drops it and no stale copy opens again. The list
 * says so once, in one plain sentence per map (kept in memory only, never in localStorage).
 */
import { html } from 'lit';
import { msg, str } from '@lit/localize';
import { paths } from '../../shell/router.js';
import { describeError } from '../../ui/errors.js';
import { NoAccessError } from '../open.js';
import { endedSentence } from '../access/sentences.js';
import type { CryptoClient } from '../../crypto/crypto-client.js';
import type { MapSummary } from '../../crypto/protocol.js';

/** What dropping a map needs of the app. */
export interface MapForgetter {
  readonly crypto: CryptoClient;
  mapSummary(mapId: string): MapSummary | undefined;
  commitKeyring(): Promise<unknown>;
  closeMap(mapId: string): void;
}

const notices = new Map<string, string>();
const listeners = new Set<() => void>();

/** The sentences for the map list, one per dropped map. */
export function lostMapNotices(): string[] {
  return [...notices.values()];
}

/** The list showed them: they need not be said again. */
export function clearLostMapNotices(): void {
  notices.clear();
}

/** Calls `listener` when a map was dropped; returns the way to stop. */
export function onLostMap(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The one sentence the list says about a dropped map. */
export function lostMapSentence(title: string): string {
  const name = title || msg('Kaart zonder naam', { id: 'maps.untitled' });
  return msg(str`${name} staat niet meer bij je kaarten, want je doet niet meer mee.`, {
    id: 'departure.dropped',
  });
}

/**
 * Takes the map out of this account's keyring (a no-op when it is not there any more) and stores
 * the keyring, so the account's other devices drop it too. Never throws: a failed store is
 * retried by the next keyring write, and the worker already forgot the map's keys.
 */
export async function forgetLostMap(
  app: MapForgetter,
  mapId: string,
  endedOn?: string,
): Promise<void> {
  const summary = app.mapSummary(mapId);
  app.closeMap(mapId);
  if (summary === undefined) return;
  notices.set(
    mapId,
    endedOn === undefined ? lostMapSentence(summary.title) : endedSentence(summary.title, endedOn),
  );
  try {
    await app.crypto.call('forgetMap', { mapId });
    await app.commitKeyring();
  } catch {
    // The next keyring write seals the worker's keyring, which no longer has the map.
  }
  for (const listener of listeners) listener();
}

/** In place of a map whose slot was removed while it was open: no copy to work on, the way back. */
export function lostMapNotice() {
  return html`<p class="error" role="alert" data-testid="no-access">
      ${describeError(new NoAccessError())}
    </p>
    <p><a href=${paths.maps}>${msg('Naar mijn kaarten', { id: 'departure.toMaps' })}</a></p>`;
}
