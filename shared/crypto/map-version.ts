// A map version: per-section envelopes plus the author's signature over the whole body and its place.
import { adSection, versionSignatureContext } from './ad.js';
import { decryptEnvelope, encryptEnvelope } from './envelope.js';
import { CryptoError } from './errors.js';
import { concatBytes, expectBytes, readU32, u32ToBytes } from './encoding.js';
import { SECTIONS, SECTION_IDS, sectionOfId, type Section } from './sections.js';
import {
  bytesEqual,
  signDetached,
  signPublicKeyOf,
  signVerifyDetached,
  SIZES,
  type KeyPair,
} from './sodium.js';
import type { SectionKeys } from './map-keys.js';

/** First byte of every version body. */
export const VERSION_BODY_FORMAT = 0x01;
// [format 1][signer 32][epoch 4][count 1]
const HEADER_BYTES = 1 + SIZES.signPublicKey + 4 + 1;
// [section id 1][length 4]
const SECTION_HEADER_BYTES = 1 + 4;

/** One section's place in a parsed body; offset and length (bytes) are of its envelope. */
export type BodySection = {
  section: Section;
  offset: number;
  length: number;
  envelope: Uint8Array;
};

/** A parsed but NOT verified version body. */
export type VersionBodyLayout = {
  signerPublicKey: Uint8Array;
  epoch: number;
  sections: BodySection[];
  signedPart: Uint8Array;
  signature: Uint8Array;
};

/** The fixed-position parts of a body: enough to check its signature before trusting any length field. */
function splitSigned(body: Uint8Array): {
  signerPublicKey: Uint8Array;
  signedPart: Uint8Array;
  signature: Uint8Array;
} {
  expectBytes(body, 'version body');
  if (body.length === 0) throw new CryptoError('malformed', 'empty version body');
  if (body[0] !== VERSION_BODY_FORMAT)
    throw new CryptoError('unsupported-version', 'unknown body format');
  if (body.length < HEADER_BYTES + SIZES.signature)
    throw new CryptoError('malformed', 'body too short');
  const end = body.length - SIZES.signature;
  return {
    signerPublicKey: body.subarray(1, 1 + SIZES.signPublicKey),
    signedPart: body.subarray(0, end),
    signature: body.subarray(end),
  };
}

/**
 * Parses `[0x01][signer 32][epoch u32 BE][count u8]{[id u8][length u32 BE][envelope]}[signature 64]`
 * strictly (known ids, ascending, no trailing bytes). Does not verify: use decryptMapVersion.
 */
export function parseVersionBody(body: Uint8Array): VersionBodyLayout {
  const { signerPublicKey, signedPart, signature } = splitSigned(body);
  const end = signedPart.length;
  const count = body[HEADER_BYTES - 1] ?? 0;
  if (count < 1 || count > SECTIONS.length) throw new CryptoError('malformed', 'bad section count');
  const sections: BodySection[] = [];
  let offset = HEADER_BYTES;
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
  const epoch = readU32(body, 1 + SIZES.signPublicKey);
  return { signerPublicKey, epoch, sections, signedPart, signature };
}

/** Low-level: lays out and signs a body from finished envelopes (ascending section order). */
export function assembleVersionBody(input: {
  mapId: string;
  epoch: number;
  version: number;
  envelopes: Array<{ section: Section; envelope: Uint8Array }>;
  signer: KeyPair;
}): Uint8Array {
  const { signer } = input;
  expectBytes(signer.publicKey, 'signer public key', SIZES.signPublicKey);
  expectBytes(signer.secretKey, 'signer secret key', SIZES.signSecretKey);
  if (!bytesEqual(signPublicKeyOf(signer.secretKey), signer.publicKey)) {
    throw new CryptoError('malformed', 'signer keys do not match');
  }
  if (input.envelopes.length < 1 || input.envelopes.length > SECTIONS.length) {
    throw new CryptoError('malformed', 'bad section count');
  }
  const parts: Uint8Array[] = [
    Uint8Array.of(VERSION_BODY_FORMAT),
    signer.publicKey,
    u32ToBytes(input.epoch),
    Uint8Array.of(input.envelopes.length),
  ];
  let lastId = 0;
  for (const { section, envelope } of input.envelopes) {
    if (SECTION_IDS[section] <= lastId) throw new CryptoError('malformed', 'sections out of order');
    lastId = SECTION_IDS[section];
    expectBytes(envelope, `${section} envelope`);
    parts.push(Uint8Array.of(SECTION_IDS[section]), u32ToBytes(envelope.length), envelope);
  }
  const signedPart = concatBytes(...parts);
  const context = versionSignatureContext(input.mapId, input.version);
  const signature = signDetached(concatBytes(signedPart, context), signer.secretKey);
  return concatBytes(signedPart, signature);
}

/** Input of encryptMapVersion: section plaintexts (bytes), the epoch's keys, the author's Ed25519 pair. */
export type MapVersionInput = {
  mapId: string;
  epoch: number;
  version: number;
  sections: Partial<Record<Section, Uint8Array>>;
  keys: Partial<SectionKeys>;
  signer: KeyPair;
};

/**
 * Encrypts each given section under its key (AD `section|<mapId>|<epoch>|<version>|<section>`) and
 * signs the body. Throws 'malformed' if a given section has no key or nothing is given.
 */
export function encryptMapVersion(input: MapVersionInput): Uint8Array {
  const envelopes: Array<{ section: Section; envelope: Uint8Array }> = [];
  for (const section of SECTIONS) {
    const plaintext = input.sections[section];
    if (plaintext === undefined) continue;
    const key = input.keys[section];
    if (key === undefined) throw new CryptoError('malformed', `no key for section ${section}`);
    const context = adSection(input.mapId, input.epoch, input.version, section);
    envelopes.push({ section, envelope: encryptEnvelope(key, plaintext, context) });
  }
  return assembleVersionBody({ ...input, envelopes });
}

/** Input of decryptMapVersion; `trustedSigners` (32-byte Ed25519 keys), when given, limits who may author. */
export type MapVersionRead = {
  mapId: string;
  version: number;
  body: Uint8Array;
  keys: Partial<SectionKeys>;
  trustedSigners?: Uint8Array[];
};

/** A verified version: its epoch, author, and the plaintext of each section the reader has a key for. */
export type DecryptedMapVersion = {
  epoch: number;
  signerPublicKey: Uint8Array;
  sections: Partial<Record<Section, Uint8Array>>;
};

/**
 * Verifies the signature (over the body and `nk1|version|<mapId>|<version>`) before reading any
 * length field, then decrypts the sections the reader has keys for; others come back undefined.
 * Throws CryptoError: 'bad-signature' (bad or untrusted signer, or another map or version),
 * 'malformed', 'unsupported-version', 'decrypt-failure'.
 */
export function decryptMapVersion(read: MapVersionRead): DecryptedMapVersion {
  // verify over the fixed-position parts first, so no length field is trusted before the signature
  const signed = splitSigned(read.body);
  const message = concatBytes(signed.signedPart, versionSignatureContext(read.mapId, read.version));
  if (!signVerifyDetached(signed.signature, message, signed.signerPublicKey)) {
    throw new CryptoError('bad-signature', 'version signature does not verify');
  }
  const trusted = read.trustedSigners;
  if (trusted !== undefined && !trusted.some((key) => bytesEqual(key, signed.signerPublicKey))) {
    throw new CryptoError('bad-signature', 'version signed by an untrusted key');
  }
  const layout = parseVersionBody(read.body);
  const sections: Partial<Record<Section, Uint8Array>> = {};
  for (const { section, envelope } of layout.sections) {
    const key = read.keys[section];
    if (key === undefined) continue;
    const context = adSection(read.mapId, layout.epoch, read.version, section);
    sections[section] = decryptEnvelope(key, envelope, context);
  }
  return { epoch: layout.epoch, signerPublicKey: layout.signerPublicKey.slice(), sections };
}
