// The map document: (de)serialisation of its sections and encryption as one signed map version.
import { CryptoError } from '../crypto/errors.js';
import { utf8Encode } from '../crypto/encoding.js';
import type { SectionKeys } from '../crypto/map-keys.js';
import {
  decryptMapVersion,
  encryptMapVersion,
  extractSectionEnvelopes,
  readVersionEpoch,
  type LogHead,
} from '../crypto/map-version.js';
import { SECTIONS, type Section } from '../crypto/sections.js';
import { parseJsonBytes } from '../crypto/shape.js';
import type { KeyPair } from '../crypto/sodium.js';
import type { BaseSection, DetailSection, MapDocument, PrivateSection } from './types.js';
import { validateBase, validateDetail, validatePrivate } from './validate.js';

export * from './types.js';
export { validateBase, validateDetail, validatePrivate } from './validate.js';

/** A new document with a title, an empty centre, no entries, empty detail and private sections. */
export function emptyMapDocument(title: string): MapDocument {
  return {
    base: validateBase({ v: 1, title, centre: { parents: [], children: [] }, entries: [] }),
    detail: { v: 1, entries: {} },
    private: { v: 1, wishes: '' },
  };
}

/** A section as UTF-8 JSON bytes (validate first; encryptMapDocument does). */
export function encodeSection(section: BaseSection | DetailSection | PrivateSection): Uint8Array {
  return utf8Encode(JSON.stringify(section));
}

/** UTF-8 JSON → validated base section; CryptoError 'malformed' on anything off. */
export function decodeBase(bytes: Uint8Array): BaseSection {
  return validateBase(parseJsonBytes(bytes, 'base'));
}

/** UTF-8 JSON → validated detail section; CryptoError 'malformed' on anything off. */
export function decodeDetail(bytes: Uint8Array): DetailSection {
  return validateDetail(parseJsonBytes(bytes, 'detail'));
}

/** UTF-8 JSON → validated private section; CryptoError 'malformed' on anything off. */
export function decodePrivate(bytes: Uint8Array): PrivateSection {
  return validatePrivate(parseJsonBytes(bytes, 'private'));
}

/** Validates every present section; returns a clean copy. Throws CryptoError 'malformed'. */
export function validateMapDocument(doc: MapDocument): MapDocument {
  const clean: MapDocument = { base: validateBase(doc.base) };
  if (doc.detail !== undefined) clean.detail = validateDetail(doc.detail);
  if (doc.private !== undefined) clean.private = validatePrivate(doc.private);
  return clean;
}

/**
 * Validates, serialises and encrypts the present sections of `doc` as a signed map version body.
 * Every present section needs its key in `keys` (and `keys.base` is always needed). With
 * `previousBody` (a body of the same epoch the writer has verified), each section the writer has no
 * key for and `doc` lacks is carried over unchanged, so a writer without the detail or private key
 * keeps those parts. Throws CryptoError 'malformed' (also when `previousBody` is of another epoch).
 */
export function encryptMapDocument(input: {
  mapId: string;
  epoch: number;
  version: number;
  doc: MapDocument;
  keys: Partial<SectionKeys>;
  signer: KeyPair;
  /** The head of the verified log the writer writes under (NO_LOG_HEAD without a log). */
  logHead: LogHead;
  previousBody?: Uint8Array;
}): Uint8Array {
  const doc = validateMapDocument(input.doc);
  const sections: Partial<Record<Section, Uint8Array>> = { base: encodeSection(doc.base) };
  if (doc.detail !== undefined) sections.detail = encodeSection(doc.detail);
  if (doc.private !== undefined) sections.private = encodeSection(doc.private);
  const { mapId, epoch, version, keys, signer, logHead, previousBody } = input;
  const carry: Partial<Record<Section, Uint8Array>> = {};
  if (previousBody !== undefined) {
    // section envelopes are bound to their epoch: across a rotation they would not open
    if (readVersionEpoch(previousBody) !== epoch) {
      throw new CryptoError('malformed', 'previous body is of another epoch');
    }
    const previous = extractSectionEnvelopes(previousBody);
    for (const section of SECTIONS) {
      const envelope = previous[section];
      if (
        envelope !== undefined &&
        keys[section] === undefined &&
        sections[section] === undefined
      ) {
        carry[section] = envelope;
      }
    }
  }
  return encryptMapVersion({ mapId, epoch, version, logHead, sections, keys, signer, carry });
}

/**
 * Verifies and decrypts a map version body into a document with the sections the reader may see.
 * Throws CryptoError (see decryptMapVersion); 'malformed' also when base is missing or unreadable.
 */
export function decryptMapDocument(input: {
  mapId: string;
  version: number;
  body: Uint8Array;
  keys: Partial<SectionKeys>;
  trustedSigners?: Uint8Array[];
}): { epoch: number; logHead: LogHead | null; signerPublicKey: Uint8Array; doc: MapDocument } {
  const { epoch, logHead, signerPublicKey, sections } = decryptMapVersion(input);
  if (sections.base === undefined) throw new CryptoError('malformed', 'no readable base section');
  const doc: MapDocument = { base: decodeBase(sections.base) };
  if (sections.detail !== undefined) doc.detail = decodeDetail(sections.detail);
  if (sections.private !== undefined) doc.private = decodePrivate(sections.private);
  return { epoch, logHead, signerPublicKey, doc };
}
