// Invite secrets as text: a link's 32 random bytes in base64url, or a short code a person can type.
import { CryptoError } from './errors.js';
import { fromBase64Url, isBase64Url, toBase64Url } from './encoding.js';
import { randomBytes } from './sodium.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Crockford base32 characters in a short invite code: 10 × 5 = 50 bits. */
export const INVITE_CODE_LENGTH = 10;
/** Bytes of a link invite's secret. */
export const INVITE_LINK_BYTES = 32;

/** How an invite travels: a link (QR code, WhatsApp) or a short code read aloud or typed. */
export const INVITE_KINDS = ['link', 'code'] as const;
export type InviteKind = (typeof INVITE_KINDS)[number];

/** A parsed invite secret: its kind and canonical material (32 bytes, or the 10 code characters as ASCII). */
export type InviteSecret = { kind: InviteKind; text: string; material: Uint8Array };

/** A fresh short code: 10 random Crockford base32 characters formatted `XXXXX-XXXXX`. */
export function newInviteCode(): string {
  let digits = '';
  // the low 5 bits of a random byte are uniform (256 is a multiple of 32)
  for (const byte of randomBytes(INVITE_CODE_LENGTH)) digits += ALPHABET.charAt(byte & 31);
  return `${digits.slice(0, 5)}-${digits.slice(5)}`;
}

/** A fresh link secret: 32 random bytes as base64url (43 characters), for the URL's #fragment. */
export function newInviteLinkSecret(): string {
  return toBase64Url(randomBytes(INVITE_LINK_BYTES));
}

/**
 * Invite secret text → kind and material. A link secret is 43 base64url characters; a code is read
 * case-insensitively, ignoring spaces and dashes, with I and L as 1 and O as 0 (Crockford), and comes
 * back formatted `XXXXX-XXXXX`. Throws CryptoError 'malformed' on anything else.
 */
export function parseInviteSecret(text: string): InviteSecret {
  if (typeof text !== 'string') throw new CryptoError('malformed', 'invite secret must be text');
  const trimmed = text.trim();
  const link = isBase64Url(trimmed, INVITE_LINK_BYTES) ? fromBase64Url(trimmed) : undefined;
  if (link !== undefined) return { kind: 'link', text: trimmed, material: link };
  const digits = trimmed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (digits.length !== INVITE_CODE_LENGTH || [...digits].some((c) => !ALPHABET.includes(c))) {
    throw new CryptoError('malformed', 'not an invite link secret or code');
  }
  const material = new Uint8Array([...digits].map((c) => c.charCodeAt(0)));
  return { kind: 'code', text: `${digits.slice(0, 5)}-${digits.slice(5)}`, material };
}
