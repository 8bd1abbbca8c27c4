// The whole map as JSON in a versioned wrapper, and reading it back (validated like any map document).
import { CryptoError } from '../crypto/errors.js';
import { validateMapDocument } from '../map/document.js';
import type { MapDocument } from '../map/types.js';

export const MAP_EXPORT_FORMAT = 'netwerkkaart-map';
export const MAP_EXPORT_VERSION = 1;

export interface MapExport {
  format: typeof MAP_EXPORT_FORMAT;
  version: typeof MAP_EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  map: MapDocument;
}

/** The document (validated) in its wrapper, as pretty-printed JSON text. */
export function exportMapJson(doc: MapDocument, now: Date = new Date()): string {
  const wrapper: MapExport = {
    format: MAP_EXPORT_FORMAT,
    version: MAP_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    map: validateMapDocument(doc),
  };
  return JSON.stringify(wrapper, null, 2);
}

/** Reads an export back; throws CryptoError 'unsupported-version' or 'malformed'. */
export function importMapJson(text: string): MapDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CryptoError('malformed', 'not JSON');
  }
  if (typeof value !== 'object' || value === null)
    throw new CryptoError('malformed', 'not an object');
  const wrapper = value as Partial<Record<keyof MapExport, unknown>>;
  if (wrapper.format !== MAP_EXPORT_FORMAT) throw new CryptoError('malformed', 'not a map export');
  if (wrapper.version !== MAP_EXPORT_VERSION) {
    throw new CryptoError('unsupported-version', 'unknown map export version');
  }
  const map = wrapper.map;
  if (typeof map !== 'object' || map === null) throw new CryptoError('malformed', 'no map');
  // validateMapDocument checks every field of what it is given; the cast only names its input
  return validateMapDocument(map as MapDocument);
}
