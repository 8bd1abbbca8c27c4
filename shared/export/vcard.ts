// Contacts as vCard 4.0 (RFC 6350): escaped text values, lines folded at 75 octets, CRLF line ends.
import { utf8Encode } from '../crypto/encoding.js';
import type { MapDocument } from '../map/types.js';
import { CATEGORY_NAMES, entryUuid, entryViews } from './common.js';

/** Escapes a TEXT value (RFC 6350 §3.4): backslash, comma, semicolon and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (RFC 6350 §3.2): at most 75 octets per physical line, continuation lines
 * start with one space, never splitting a UTF-8 character. Returns the lines joined with CRLF.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Encode(char).length;
    // continuation lines carry a leading space, which counts towards their 75 octets
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const EMAIL = /[^\s@,;<>()]+@[^\s@,;<>()]+\.[A-Za-z]{2,}/g;
const PHONE = /(?:\+|\b0)[0-9][0-9 ()-]{6,}[0-9]/g;

/** Emails and phone numbers found in free-text contact details; the rest stays a note. */
export function splitContact(contact: string): { emails: string[]; phones: string[] } {
  return {
    emails: [...new Set(contact.match(EMAIL) ?? [])],
    phones: [...new Set((contact.match(PHONE) ?? []).map((p) => p.trim()))],
  };
}

/**
 * One vCard per entry that has contact details (the detail section's `contact`); FN is the name the
 * reader may see, the category goes into CATEGORIES, the support note and full contact text into NOTE.
 */
export function toVCards(doc: MapDocument): string {
  const cards: string[] = [];
  for (const { entry, displayName, contact } of entryViews(doc)) {
    if (contact === undefined) continue;
    const { emails, phones } = splitContact(contact);
    const lines = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `UID:urn:uuid:${entryUuid(entry.id)}`,
      `FN:${escapeText(displayName)}`,
      `CATEGORIES:${escapeText(CATEGORY_NAMES[entry.category])}`,
      ...(entry.label !== displayName ? [`TITLE:${escapeText(entry.label)}`] : []),
      ...phones.map((p) => `TEL;TYPE=voice;VALUE=text:${escapeText(p)}`),
      ...emails.map((e) => `EMAIL:${escapeText(e)}`),
      `NOTE:${escapeText([entry.supportNote, contact].filter(Boolean).join('\n'))}`,
      'END:VCARD',
    ];
    cards.push(lines.map(foldLine).join('\r\n') + '\r\n');
  }
  return cards.join('');
}
