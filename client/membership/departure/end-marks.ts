/** A member who is no longer on the map keeps no trusted mark on the parent's map or print. */
import type { MapDocument } from '../../../shared/map/types.js';

export function endMarks(document: MapDocument, slotIds: readonly string[]): MapDocument {
  const gone = new Set(slotIds);
  if (!document.base.entries.some((entry) => gone.has(entry.id) && entry.trusted)) return document;
  const entries = document.base.entries.map((entry) =>
    gone.has(entry.id) && entry.trusted ? { ...entry, trusted: false } : entry,
  );
  return { ...document, base: { ...document.base, entries } };
}
