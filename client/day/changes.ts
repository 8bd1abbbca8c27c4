/**
 * What changed on a map since her last visit, computed on her device from what she can read:
 * the people on the map (entry ids), the member cards (slot and card version), the agreed
 * borgers. The last visit's snapshot lives in her keyring (`seen`).
 */
import type { KeyringSeen } from '../../shared/crypto/index.js';
import type { MapDocument } from '../../shared/map/types.js';
import type { CardWire } from '../membership/types.js';

export function snapshotOf(
  document: MapDocument,
  cards: readonly CardWire[],
  borgerIds: readonly string[],
  at: number,
): KeyringSeen {
  return {
    at,
    people: document.base.entries.filter((entry) => entry.active).map((entry) => entry.id),
    cards: cards.map((card) => `${card.slotId}:${card.cardVersion}`),
    borgers: [...borgerIds],
  };
}

export interface MapChanges {
  /** Labels of the people who are new on the map. */
  readonly people: readonly string[];
  /** Cards that are new or were changed. */
  readonly cards: number;
  readonly borger: boolean;
}

export function changesSince(
  seen: KeyringSeen,
  now: KeyringSeen,
  document: MapDocument,
): MapChanges {
  const before = new Set(seen.people);
  const labels = new Map(document.base.entries.map((entry) => [entry.id, entry.label]));
  return {
    people: now.people.filter((id) => !before.has(id)).map((id) => labels.get(id) ?? ''),
    cards: now.cards.filter((card) => !seen.cards.includes(card)).length,
    borger: now.borgers.some((id) => !seen.borgers.includes(id)),
  };
}

export const nothingChanged = (changes: MapChanges): boolean =>
  changes.people.length === 0 && changes.cards === 0 && !changes.borger;
