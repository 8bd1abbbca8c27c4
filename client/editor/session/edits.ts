/** Small, pure edits of a map document, as the editor makes them. */
import { toBase64Url } from '../../../shared/crypto/encoding.js';
import {
  LIMITS,
  type BaseEntry,
  type DetailFields,
  type MapDocument,
} from '../../../shared/map/types.js';

/** A fresh entry id: 16 random bytes as base64url (Web Crypto; no libsodium on the page). */
export function newEntryId(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/** The document with `entry` added or replaced, and its details set (removed when empty). */
export function withEntry(
  document: MapDocument,
  entry: BaseEntry,
  detail: DetailFields,
): MapDocument {
  const exists = document.base.entries.some((item) => item.id === entry.id);
  const entries = exists
    ? document.base.entries.map((item) => (item.id === entry.id ? entry : item))
    : [...document.base.entries, entry];
  const next: MapDocument = { ...document, base: { ...document.base, entries } };
  if (document.detail !== undefined) {
    const details = { ...document.detail.entries };
    if (Object.keys(detail).length > 0) details[entry.id] = detail;
    else delete details[entry.id];
    next.detail = { ...document.detail, entries: details };
  }
  return next;
}

/**
 * The document without the entry and its details. Her id is kept in `forgotten`, so the timeline
 * leaves her out of earlier moments too (deleting is for mistakes; "helpt nu niet meer" keeps her).
 */
export function withoutEntry(document: MapDocument, id: string): MapDocument {
  const forgotten = [...(document.base.forgotten ?? []).filter((item) => item !== id), id];
  const next: MapDocument = {
    ...document,
    base: {
      ...document.base,
      entries: document.base.entries.filter((entry) => entry.id !== id),
      forgotten: forgotten.slice(-LIMITS.forgotten),
    },
  };
  if (document.detail !== undefined) {
    const details = { ...document.detail.entries };
    delete details[id];
    next.detail = { ...document.detail, entries: details };
  }
  return next;
}

/** The document with the parent's wishes set (unchanged without a private section). */
export function withWishes(document: MapDocument, wishes: string): MapDocument {
  return document.private === undefined
    ? document
    : { ...document, private: { ...document.private, wishes } };
}

/** The document with the parent's place kept in the private section (unchanged without one). */
export function withPlace(document: MapDocument, place: string): MapDocument {
  return document.private === undefined
    ? document
    : { ...document, private: { ...document.private, place } };
}

/** The document with the names in the centre replaced. */
export function withCentre(
  document: MapDocument,
  centre: MapDocument['base']['centre'],
): MapDocument {
  return { ...document, base: { ...document.base, centre } };
}

/** Names typed as "Meriam, Micha" or "Meriam & Micha" → ["Meriam", "Micha"], within the limits. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,،&]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => Array.from(name).slice(0, LIMITS.label).join(''))
    .slice(0, LIMITS.centreNames);
}
