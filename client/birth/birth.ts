/** The parent's birth date in her private section (decision 0030): the document edit. */
import type { MapDocument } from '../../shared/map/types.js';
import type { BirthDate } from '../../shared/time/phases.js';

export type { BirthDate };

/** The document with the birth date set, or removed with null (unchanged without a private section). */
export function withBirth(document: MapDocument, birth: BirthDate | null): MapDocument {
  if (document.private === undefined) return document;
  const { birth: _old, ...rest } = document.private;
  return { ...document, private: birth === null ? rest : { ...rest, birth } };
}
