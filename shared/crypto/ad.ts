// Associated data binds every ciphertext and signature to its place, so nothing can be moved.
import { CryptoError } from './errors.js';
import { isBase64Url, isU32, toBase64Url, utf8Encode } from './encoding.js';
import { isSection, type Section } from './sections.js';

/** What a login proof authorises; each signature is only good for its own purpose. */
export const LOGIN_PURPOSES = ['login', 'passphrase-change', 'delete-account'] as const;
export type LoginPurpose = (typeof LOGIN_PURPOSES)[number];

/** How an account key is wrapped: by the passphrase, the recovery key or a trusted helper's secret (0026). */
export const UNLOCK_METHODS = ['passphrase', 'recovery', 'trusted'] as const;
export type UnlockMethod = (typeof UNLOCK_METHODS)[number];

/** Canonical username: trimmed, Unicode NFC, lower case (locale-independent). */
export function normaliseUsername(username: string): string {
  // NFC again after lower-casing, because case mapping can yield non-composed sequences
  return username.trim().normalize('NFC').toLowerCase().normalize('NFC');
}

function username(name: string): string {
  const normal = typeof name === 'string' ? normaliseUsername(name) : '';
  if (normal === '') throw new CryptoError('malformed', 'empty username');
  return normal;
}

function mapId(id: string): string {
  if (!isBase64Url(id, 16)) throw new CryptoError('malformed', 'map id must be 16 bytes base64url');
  return id;
}

function versionNumber(version: number): number {
  if (!Number.isSafeInteger(version) || version < 1) {
    throw new CryptoError('malformed', 'version must be a positive integer');
  }
  return version;
}

/** Envelope context of a wrapped account key: `account-key|<method>|<username>`. */
export function adAccountKey(name: string, method: UnlockMethod): string {
  if (!UNLOCK_METHODS.includes(method)) throw new CryptoError('malformed', 'unknown method');
  return `account-key|${method}|${username(name)}`;
}

/** Envelope context of an account's keyring: `keyring|<username>`. */
export function adKeyring(name: string): string {
  return `keyring|${username(name)}`;
}

function epochNumber(epoch: number): number {
  if (!isU32(epoch)) throw new CryptoError('malformed', 'epoch must be an unsigned 32-bit integer');
  return epoch;
}

function sectionName(section: Section): Section {
  if (!isSection(section)) throw new CryptoError('malformed', 'unknown section');
  return section;
}

/**
 * Context of one section in a body of format 1: `section|<mapId>|<epoch>|<version>|<section>`.
 * @deprecated Format 2 bodies use adSectionInEpoch, so a writer can carry a section into a new version.
 */
export function adSection(id: string, epoch: number, version: number, section: Section): string {
  epochNumber(epoch);
  sectionName(section);
  return `section|${mapId(id)}|${epoch}|${versionNumber(version)}|${section}`;
}

/**
 * Envelope context of one section of a version body (format 2): `section|<mapId>|<epoch>|<section>`.
 * Not bound to the version: the body's signature binds that, and writers carry sections they cannot read.
 */
export function adSectionInEpoch(id: string, epoch: number, section: Section): string {
  return `section|${mapId(id)}|${epochNumber(epoch)}|${sectionName(section)}`;
}

/** Envelope context of a version body's hidden signer and signature: `signature|<mapId>|<epoch>|<version>`. */
export function adVersionSignature(id: string, epoch: number, version: number): string {
  return `signature|${mapId(id)}|${epochNumber(epoch)}|${versionNumber(version)}`;
}

function slotId(id: string): string {
  if (!isBase64Url(id, 16))
    throw new CryptoError('malformed', 'slot id must be 16 bytes base64url');
  return id;
}

function sequenceNumber(seq: number): number {
  if (!isU32(seq) || seq < 1) throw new CryptoError('malformed', 'seq must be 1 … 2^32 − 1');
  return seq;
}

/** Envelope context of one membership log record: `log|<mapId>|<seq>|<epoch>`. */
export function adLogRecord(id: string, seq: number, epoch: number): string {
  return `log|${mapId(id)}|${sequenceNumber(seq)}|${epochNumber(epoch)}`;
}

/** UTF-8 of `nk1|log|<mapId>|<seq>|<epoch>`, appended to a log entry's JSON before signing. */
export function logSignatureContext(id: string, seq: number, epoch: number): Uint8Array {
  return utf8Encode(`nk1|${adLogRecord(id, seq, epoch)}`);
}

/** Envelope context of a member card: `card|<mapId>|<slotId>|<epoch>|<cardVersion>`. */
export function adCard(id: string, slot: string, epoch: number, cardVersion: number): string {
  return `card|${mapId(id)}|${slotId(slot)}|${epochNumber(epoch)}|${sequenceNumber(cardVersion)}`;
}

/** UTF-8 of `nk1|card|<mapId>|<slotId>|<epoch>|<cardVersion>`, appended to a card's JSON before signing. */
export function cardSignatureContext(
  id: string,
  slot: string,
  epoch: number,
  cardVersion: number,
): Uint8Array {
  return utf8Encode(`nk1|${adCard(id, slot, epoch, cardVersion)}`);
}

/** Envelope context of an invite's sealed info: `invite-info|<inviteId>`. */
export function adInviteInfo(inviteId: string): string {
  if (!isBase64Url(inviteId, 16)) throw new CryptoError('malformed', 'invite id must be 16 bytes');
  return `invite-info|${inviteId}`;
}

/** Envelope context of an open invite's secret kept for the owners: `invite-secret|<mapId>|<inviteId>|<epoch>`. */
export function adInviteSecret(id: string, inviteId: string, epoch: number): string {
  if (!isBase64Url(inviteId, 16)) throw new CryptoError('malformed', 'invite id must be 16 bytes');
  return `invite-secret|${mapId(id)}|${inviteId}|${epochNumber(epoch)}`;
}

/** UTF-8 of `nk1|version|<mapId>|<version>`, appended to the signed part of a version body. */
export function versionSignatureContext(id: string, version: number): Uint8Array {
  return utf8Encode(`nk1|version|${mapId(id)}|${versionNumber(version)}`);
}

/** UTF-8 of `nk1|login|<purpose>|<username>|<base64url(challenge)>`, the message a login proof signs. */
export function loginProofMessage(
  purpose: LoginPurpose,
  name: string,
  challenge: Uint8Array,
): Uint8Array {
  if (!LOGIN_PURPOSES.includes(purpose)) throw new CryptoError('malformed', 'unknown purpose');
  if (!(challenge instanceof Uint8Array) || challenge.length < 16) {
    throw new CryptoError('malformed', 'challenge must be at least 16 bytes');
  }
  return utf8Encode(`nk1|login|${purpose}|${username(name)}|${toBase64Url(challenge)}`);
}
