// Associated data binds every ciphertext and signature to its place, so nothing can be moved.
import { CryptoError } from './errors.js';
import { isBase64Url, isU32, toBase64Url, utf8Encode } from './encoding.js';
import { isSection, type Section } from './sections.js';

/** What a login proof authorises; each signature is only good for its own purpose. */
export const LOGIN_PURPOSES = ['login', 'passphrase-change', 'delete-account'] as const;
export type LoginPurpose = (typeof LOGIN_PURPOSES)[number];

/** How an account key is wrapped: by the passphrase or by the recovery key. */
export const UNLOCK_METHODS = ['passphrase', 'recovery'] as const;
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

/** Envelope context of one section of one map version: `section|<mapId>|<epoch>|<version>|<section>`. */
export function adSection(id: string, epoch: number, version: number, section: Section): string {
  if (!isU32(epoch)) throw new CryptoError('malformed', 'epoch must be an unsigned 32-bit integer');
  if (!isSection(section)) throw new CryptoError('malformed', 'unknown section');
  return `section|${mapId(id)}|${epoch}|${versionNumber(version)}|${section}`;
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
