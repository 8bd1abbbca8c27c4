// A map version: per-section envelopes, then the author's key and signature hidden under the base key.
import { adSectionInEpoch, adVersionSignature, versionSignatureContext } from './ad.js';
import { decryptEnvelope, encryptEnvelope, encryptEnvelopeWithNonce } from './envelope.js';
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes, isU32, readU32, u32ToBytes } from './encoding.js';
import {
  checkSigner,
  openSignedPlaintext,
  signedPlaintext,
  SIGNER_BLOCK_BYTES,
} from './hidden-signer.js';
import { ZERO_HASH } from './log-entry.js';
import { padmeLength } from './padding.js';
import { SECTIONS, SECTION_IDS, sectionOfId, type Section } from './sections.js';
import { bytesEqual, SIZES, type KeyPair } from './sodium.js';
import type { SectionKeys } from './map-keys.js';

/** First byte of every version body written (3: bound to the membership log head it was written under). */
export const VERSION_BODY_FORMAT = 0x03;
/** Format of bodies written before the log head was bound (read only: maps saved before that change). */
export const LEGACY_VERSION_BODY_FORMAT = 0x02;
// format 3: [format 1][epoch 4][log seq 4][log head hash 32][count 1]; format 2: [format 1][epoch 4][count 1]
const HEADER_BYTES = { [VERSION_BODY_FORMAT]: 1 + 4 + 4 + 32 + 1, [LEGACY_VERSION_BODY_FORMAT]: 6 };
// [section id 1][length 4]
const SECTION_HEADER_BYTES = 1 + 4;
/** Bytes of the trailing signature envelope: [0x01][nonce 24][Padmé(96 + marker) = 104][tag 16] = 145. */
export const SIGNATURE_ENVELOPE_BYTES =
  1 + SIZES.nonce + padmeLength(SIGNER_BLOCK_BYTES + 1) + SIZES.tag;

/**
 * The membership log head a version was written under: the seq of the log's last record then (0 when
 * the map has no log) and that record's 32-byte BLAKE2b-256 (zero bytes with seq 0).
 */
export type LogHead = { seq: number; hash: Uint8Array };

/** The head of a map without a membership log. */
export const NO_LOG_HEAD: LogHead = { seq: 0, hash: ZERO_HASH };

function checkLogHead(head: LogHead): LogHead {
  if (typeof head !== 'object' || head === null || !isU32(head.seq)) {
    throw new CryptoError('malformed', 'log head seq must be an unsigned 32-bit integer');
  }
  expectBytes(head.hash, 'log head hash', SIZES.blake2b256);
  if (head.seq === 0 && !bytesEqual(head.hash, ZERO_HASH)) {
    throw new CryptoError('malformed', 'no log (seq 0) has the zero hash');
  }
  return head;
}

/** One section's place in a parsed body; offset and length (bytes) are of its envelope. */
export type BodySection = {
  section: Section;
  offset: number;
  length: number;
  envelope: Uint8Array;
};

/** A parsed but NOT verified version body; `logHead` is null for a format-2 body. */
export type VersionBodyLayout = {
  epoch: number;
  logHead: LogHead | null;
  sections: BodySection[];
  signedPart: Uint8Array;
  signatureEnvelope: Uint8Array;
};

type SignedParts = {
  epoch: number;
  logHead: LogHead | null;
  headerBytes: number;
  signedPart: Uint8Array;
  signatureEnvelope: Uint8Array;
};

/** The fixed-position parts of a body: enough to check its signature before trusting any length field. */
function splitSigned(body: Uint8Array): SignedParts {
  expectBytes(body, 'version body');
  if (body.length === 0) throw new CryptoError('malformed', 'empty version body');
  const format = body[0];
  if (format !== VERSION_BODY_FORMAT && format !== LEGACY_VERSION_BODY_FORMAT)
    throw new CryptoError('unsupported-version', 'unknown body format');
  const headerBytes = HEADER_BYTES[format];
  if (body.length < headerBytes + SIGNATURE_ENVELOPE_BYTES)
    throw new CryptoError('malformed', 'body too short');
  const end = body.length - SIGNATURE_ENVELOPE_BYTES;
  const logHead =
    format === VERSION_BODY_FORMAT ? { seq: readU32(body, 5), hash: body.slice(9, 41) } : null;
  return {
    epoch: readU32(body, 1),
    logHead,
    headerBytes,
    signedPart: body.subarray(0, end),
    signatureEnvelope: body.subarray(end),
  };
}

/** The epoch a body claims (bytes 1–4), NOT verified: lets a reader pick the right keys first. */
export function readVersionEpoch(body: Uint8Array): number {
  return splitSigned(body).epoch;
}

/**
 * Parses `[0x03][epoch u32 BE][log seq u32 BE][log head 32][count u8]{[id u8][length u32 BE][envelope]}
 * [signature envelope 145]` (or format 2, without the log head) strictly (known ids, ascending, no
 * bytes left over). Does not verify: use decryptMapVersion.
 */
export function parseVersionBody(body: Uint8Array): VersionBodyLayout {
  const { epoch, logHead, headerBytes, signedPart, signatureEnvelope } = splitSigned(body);
  const end = signedPart.length;
  const count = body[headerBytes - 1] ?? 0;
  if (count < 1 || count > SECTIONS.length) throw new CryptoError('malformed', 'bad section count');
  const sections: BodySection[] = [];
  let offset = headerBytes;
  let lastId = 0;
  for (let i = 0; i < count; i++) {
    if (offset + SECTION_HEADER_BYTES > end) throw new CryptoError('malformed', 'body truncated');
    const id = body[offset] ?? 0;
    const section = sectionOfId(id);
    // ascending ids: one canonical layout, no duplicates
    if (section === undefined || id <= lastId) throw new CryptoError('malformed', 'bad section id');
    const length = readU32(body, offset + 1);
    const start = offset + SECTION_HEADER_BYTES;
    if (length > end - start) throw new CryptoError('malformed', 'body truncated');
    sections.push({
      section,
      offset: start,
      length,
      envelope: body.subarray(start, start + length),
    });
    offset = start + length;
    lastId = id;
  }
  if (offset !== end) throw new CryptoError('malformed', 'unexpected bytes before the signature');
  return { epoch, logHead, sections, signedPart, signatureEnvelope };
}

/**
 * The raw section envelopes of a body (copies), to carry into the next version with `carry`.
 * Parses only: take them from a body you have verified with decryptMapVersion.
 */
export function extractSectionEnvelopes(body: Uint8Array): Partial<Record<Section, Uint8Array>> {
  const out: Partial<Record<Section, Uint8Array>> = {};
  for (const { section, envelope } of parseVersionBody(body).sections) {
    out[section] = envelope.slice();
  }
  return out;
}

/**
 * Low-level: lays out a body from finished envelopes (ascending section order) and appends the
 * signature envelope = envelope(baseKey, signerPk 32 ‖ Ed25519(signedPart ‖ `nk1|version|<mapId>|<version>`) 64,
 * `signature|<mapId>|<epoch>|<version>`). The signed part holds `logHead`; `null` lays out a format-2
 * body without it, which only tests of the legacy reader need.
 */
export function assembleVersionBody(input: {
  mapId: string;
  epoch: number;
  version: number;
  logHead: LogHead | null;
  envelopes: Array<{ section: Section; envelope: Uint8Array }>;
  baseKey: Uint8Array;
  signer: KeyPair;
  /** Test seam for fixed vectors only: the signature envelope's nonce (random when absent). */
  signatureNonce?: Uint8Array;
}): Uint8Array {
  checkSigner(input.signer);
  expectBytes(input.baseKey, 'base key', SIZES.key);
  if (input.envelopes.length < 1 || input.envelopes.length > SECTIONS.length) {
    throw new CryptoError('malformed', 'bad section count');
  }
  const head = input.logHead === null ? null : checkLogHead(input.logHead);
  const parts: Uint8Array[] =
    head === null
      ? [Uint8Array.of(LEGACY_VERSION_BODY_FORMAT), u32ToBytes(input.epoch)]
      : [
          Uint8Array.of(VERSION_BODY_FORMAT),
          u32ToBytes(input.epoch),
          u32ToBytes(head.seq),
          head.hash,
        ];
  parts.push(Uint8Array.of(input.envelopes.length));
  let lastId = 0;
  for (const { section, envelope } of input.envelopes) {
    if (SECTION_IDS[section] <= lastId) throw new CryptoError('malformed', 'sections out of order');
    lastId = SECTION_IDS[section];
    expectBytes(envelope, `${section} envelope`);
    parts.push(Uint8Array.of(SECTION_IDS[section]), u32ToBytes(envelope.length), envelope);
  }
  const signedPart = concatBytes(...parts);
  const message = concatBytes(signedPart, versionSignatureContext(input.mapId, input.version));
  const plain = signedPlaintext(input.signer, message);
  const context = adVersionSignature(input.mapId, input.epoch, input.version);
  const signatureEnvelope =
    input.signatureNonce === undefined
      ? encryptEnvelope(input.baseKey, plain, context)
      : encryptEnvelopeWithNonce(input.baseKey, plain, context, input.signatureNonce);
  return concatBytes(signedPart, signatureEnvelope);
}

/**
 * Input of encryptMapVersion: section plaintexts (bytes), the epoch's keys, the author's Ed25519 pair,
 * the head of the verified log the author writes under (NO_LOG_HEAD for a map without a log), and
 * optionally raw envelopes (from extractSectionEnvelopes) for sections the author cannot read.
 * `keys.base` is always needed: it hides the author's key and signature.
 */
export type MapVersionInput = {
  mapId: string;
  epoch: number;
  version: number;
  logHead: LogHead;
  sections: Partial<Record<Section, Uint8Array>>;
  keys: Partial<SectionKeys>;
  signer: KeyPair;
  carry?: Partial<Record<Section, Uint8Array>>;
};

/**
 * Encrypts each given section under its key (AD `section|<mapId>|<epoch>|<section>`), takes carried
 * envelopes unchanged for the others, and signs the body. Throws 'malformed' if a given section has
 * no key, a section is both given and carried, nothing is given, or there is no base key.
 */
export function encryptMapVersion(input: MapVersionInput): Uint8Array {
  const baseKey = input.keys.base;
  if (baseKey === undefined) throw new CryptoError('malformed', 'the base key signs every version');
  const envelopes: Array<{ section: Section; envelope: Uint8Array }> = [];
  for (const section of SECTIONS) {
    const plaintext = input.sections[section];
    const carried = input.carry?.[section];
    if (plaintext !== undefined && carried !== undefined) {
      throw new CryptoError('malformed', `section ${section} is both given and carried`);
    }
    if (carried !== undefined) {
      envelopes.push({ section, envelope: expectBytes(carried, `carried ${section}`) });
      continue;
    }
    if (plaintext === undefined) continue;
    const key = input.keys[section];
    if (key === undefined) throw new CryptoError('malformed', `no key for section ${section}`);
    const context = adSectionInEpoch(input.mapId, input.epoch, section);
    envelopes.push({ section, envelope: encryptEnvelope(key, plaintext, context) });
  }
  return assembleVersionBody({
    ...input,
    logHead: checkLogHead(input.logHead),
    envelopes,
    baseKey,
  });
}

/** Input of decryptMapVersion; `trustedSigners` (32-byte Ed25519 keys), when given, limits who may author. */
export type MapVersionRead = {
  mapId: string;
  version: number;
  body: Uint8Array;
  keys: Partial<SectionKeys>;
  trustedSigners?: Uint8Array[];
};

/**
 * A verified version: its epoch, the log head it names (null for format 2; check it with
 * checkVersionHead), author, and the plaintext of each section the reader has a key for.
 */
export type DecryptedMapVersion = {
  epoch: number;
  logHead: LogHead | null;
  signerPublicKey: Uint8Array;
  sections: Partial<Record<Section, Uint8Array>>;
};

/**
 * Opens the signature envelope with the base key and verifies the signature (over the body and
 * `nk1|version|<mapId>|<version>`) before reading any length field, then decrypts the sections the
 * reader has keys for; others come back undefined. Throws CryptoError: 'bad-signature' (the signature
 * envelope does not open — wrong base key, or another map, epoch or version —, a bad or untrusted
 * signature), 'malformed' (also: no base key), 'unsupported-version', 'decrypt-failure' (a section).
 */
export function decryptMapVersion(read: MapVersionRead): DecryptedMapVersion {
  // verify over the fixed-position parts first, so no length field is trusted before the signature
  const signed = splitSigned(read.body);
  const baseKey = read.keys.base;
  if (baseKey === undefined) throw new CryptoError('malformed', 'the base key is needed to verify');
  const context = adVersionSignature(read.mapId, signed.epoch, read.version);
  let plain: Uint8Array;
  try {
    plain = decryptEnvelope(baseKey, signed.signatureEnvelope, context);
  } catch (error) {
    if (error instanceof CryptoError && error.code === 'malformed') throw error;
    // wrong key and wrong place look the same: this body cannot be authenticated here
    throw new CryptoError('bad-signature', 'version signature envelope does not open');
  }
  if (plain.length !== SIGNER_BLOCK_BYTES) throw new CryptoError('malformed', 'bad signer block');
  const message = concatBytes(signed.signedPart, versionSignatureContext(read.mapId, read.version));
  const { signerPublicKey } = openSignedPlaintext(plain, () => message);
  const trusted = read.trustedSigners;
  if (trusted !== undefined && !trusted.some((key) => bytesEqual(key, signerPublicKey))) {
    throw new CryptoError('bad-signature', 'version signed by an untrusted key');
  }
  const layout = parseVersionBody(read.body);
  const sections: Partial<Record<Section, Uint8Array>> = {};
  for (const { section, envelope } of layout.sections) {
    const key = read.keys[section];
    if (key === undefined) continue;
    sections[section] = decryptEnvelope(
      key,
      envelope,
      adSectionInEpoch(read.mapId, layout.epoch, section),
    );
  }
  return { epoch: layout.epoch, logHead: layout.logHead, signerPublicKey, sections };
}
