/**
 * A visit to a map: what she sees now goes to her keyring as `seen`, so "Mijn kaarten" can say
 * what changed since. Recorded when a map opens (with its cards and borgers) and after her own
 * saves and live updates (the people only), so her own changes are never "new" to her.
 */
import { membershipApi } from '../api/membership.js';
import type { MapSummary } from '../crypto/protocol.js';
import type { CryptoClient } from '../crypto/crypto-client.js';
import type { MapDocument } from '../../shared/map/types.js';
import { agreedBorgerIds } from '../membership/borger.js';
import type { CardWire, MembershipView } from '../membership/types.js';
import { snapshotOf } from './changes.js';

export interface Visitor {
  readonly crypto: CryptoClient;
  commitKeyring(): Promise<unknown>;
}

/** Her cards and the agreed borgers of a map she opened; none when they cannot be read. */
export async function readCards(
  crypto: CryptoClient,
  summary: MapSummary,
  membership: MembershipView | null,
): Promise<{ cards: CardWire[]; borgerIds: string[] }> {
  try {
    const sealed = await membershipApi.cards(summary.mapId, summary.capability);
    const cards = await crypto.call('openCards', { mapId: summary.mapId, cards: sealed.cards });
    return { cards, borgerIds: agreedBorgerIds(membership?.members ?? [], cards) };
  } catch {
    return { cards: [], borgerIds: [] };
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Records the visit (one after another); never throws. */
export function recordVisit(
  app: Visitor,
  summary: MapSummary,
  document: MapDocument,
  membership: MembershipView | null,
  withCards: boolean,
): Promise<void> {
  const run = queue.then(async () => {
    const { seen } = await app.crypto.call('seenMaps', {});
    const old = seen[summary.mapId];
    const read = withCards
      ? await readCards(app.crypto, summary, membership)
      : { cards: [], borgerIds: [] };
    const now = snapshotOf(document, read.cards, read.borgerIds, Date.now());
    const next = withCards ? now : { ...now, cards: old?.cards ?? [], borgers: old?.borgers ?? [] };
    const { changed } = await app.crypto.call('setSeen', { mapId: summary.mapId, seen: next });
    if (changed) await app.commitKeyring();
  });
  queue = run.catch(() => undefined);
  return run.catch(() => undefined);
}
