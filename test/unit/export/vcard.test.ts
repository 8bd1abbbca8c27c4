// vCard 4.0 export, parsed by ical.js (a vCard/iCalendar library) and by a strict RFC 6350 reader
// written here that also checks line folding and CRLF, which a lenient parser forgives.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, toVCards } from '../../../shared/export/vcard.js';
import { LINDA_MAP } from './fixture.js';

interface Property {
  name: string;
  params: string[];
  value: string;
}

/** Unfolds and parses vCards strictly: CRLF only, ≤ 75 octets a line, BEGIN/VERSION/FN/END rules. */
function parseVCards(text: string): Property[][] {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1);
    else logical.push(line);
  }
  const cards: Property[][] = [];
  let current: Property[] | undefined;
  for (const line of logical) {
    const match = /^([A-Za-z0-9-]+)((?:;[^:;]+)*):(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    const [, name = '', params = '', value = ''] = match ?? [];
    const property = { name: name.toUpperCase(), params: params.split(';').filter(Boolean), value };
    if (property.name === 'BEGIN') {
      expect(value).toBe('VCARD');
      expect(current).toBeUndefined();
      current = [];
    } else if (property.name === 'END') {
      expect(value).toBe('VCARD');
      expect(current?.[0]).toEqual({ name: 'VERSION', params: [], value: '4.0' });
      expect(current?.filter((p) => p.name === 'FN')).toHaveLength(1);
      cards.push(current ?? []);
      current = undefined;
    } else {
      expect(current, 'property outside BEGIN/END').toBeDefined();
      current?.push(property);
    }
  }
  expect(current).toBeUndefined();
  return cards;
}

/** Reverses TEXT escaping; fails on an escape RFC 6350 does not define. */
function unescape(value: string): string {
  return value.replace(/\\(.)/g, (_, c: string) => {
    if (c === 'n' || c === 'N') return '\n';
    expect([',', ';', '\\']).toContain(c);
    return c;
  });
}

describe('vCard 4.0 export', () => {
  it('writes one card per entry with contact details, and it parses back', () => {
    const text = toVCards(LINDA_MAP);
    const cards = parseVCards(text);
    expect(cards).toHaveLength(2); // Mary has no contact details; the verloskundige no detail
    const [doctor, fawzia] = cards;
    const get = (card: Property[] | undefined, name: string) =>
      card?.filter((p) => p.name === name).map((p) => unescape(p.value));
    expect(get(doctor, 'FN')).toEqual(['Dr. Ä. de Vries-Øberg']);
    expect(get(doctor, 'TEL')).toEqual(['015 123 4567']);
    expect(get(doctor, 'EMAIL')).toEqual(['praktijk@example.org']);
    expect(get(doctor, 'UID')?.[0]).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(get(fawzia, 'FN')).toEqual(['Fawzia Fictief']);
    expect(get(fawzia, 'TITLE')).toEqual(['Fawzia — wijkteam']);
    expect(get(fawzia, 'NOTE')?.[0]).toBe(
      `Helpt met post; komt elke week\n${LINDA_MAP.detail?.entries[LINDA_MAP.base.entries[2]?.id ?? '']?.contact ?? ''}`,
    );
    expect(get(fawzia, 'TEL')).toEqual(['06 1234 5678']);
  });

  it('parses with ical.js into the same cards', () => {
    const parsed: unknown[] = ICAL.parse(toVCards(LINDA_MAP));
    // several cards parse to a list of jCard components, one card to a single one
    const jcards = Array.isArray(parsed[0]) ? parsed : [parsed];
    const cards = jcards.map((jcard) => new ICAL.Component(jcard as unknown[]));
    expect(cards.map((card) => card.name)).toEqual(['vcard', 'vcard']);
    expect(cards.map((card) => card.getFirstPropertyValue('version'))).toEqual(['4.0', '4.0']);
    expect(cards.map((card) => card.getFirstPropertyValue('fn'))).toEqual([
      'Dr. Ä. de Vries-Øberg',
      'Fawzia Fictief',
    ]);
    expect(cards[1]?.getFirstPropertyValue('tel')).toBe('06 1234 5678');
  });

  it('escapes backslash, comma, semicolon and newlines', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf')).toBe('a\\\\b\\,c\\;d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `NOTE:${'ü'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });
});
