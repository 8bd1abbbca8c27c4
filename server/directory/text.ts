// Text rules of the directory: folding for search keys, places, PC4 postcode ranges, query terms.

/** Lower case, no diacritics, runs of anything but letters and digits as one space ("Ĳsselstein" → "ijsselstein"). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A range of 4-digit postcodes (PC4), both ends included. */
export interface PostcodeRange {
  from: number;
  to: number;
}

const PLACE_POSTCODE = /^\s*([1-9][0-9]{3})\s*(?:[A-Za-z]{2})?\s*$/;

/** The PC4 of a place typed as a postcode ("3011", "3011 AB", "3011ab"); undefined for a municipality. */
export function placePostcode(place: string): number | undefined {
  const match = PLACE_POSTCODE.exec(place);
  return match?.[1] ? Number(match[1]) : undefined;
}

const RANGE = /^([1-9][0-9]{3})\s*-\s*([1-9][0-9]{3})$/;
const PREFIX = /^[1-9][0-9]{0,3}$/;

/**
 * One postcode area: "3011" (one PC4), "30" (prefix: 3000–3099) or "3011-3019" (range).
 * Undefined when the text is none of these.
 */
export function parsePostcodeArea(text: string): PostcodeRange | undefined {
  const t = text.trim();
  const range = RANGE.exec(t);
  if (range?.[1] && range[2]) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    return from <= to ? { from, to } : undefined;
  }
  if (PREFIX.test(t)) {
    const pad = 4 - t.length;
    return { from: Number(t) * 10 ** pad, to: (Number(t) + 1) * 10 ** pad - 1 };
  }
  const full = PLACE_POSTCODE.exec(t);
  if (full?.[1]) return { from: Number(full[1]), to: Number(full[1]) };
  return undefined;
}

/** "3011-3019" or "3011" for display. */
export function formatPostcodeRange({ from, to }: PostcodeRange): string {
  return from === to ? String(from) : `${from}-${to}`;
}

/** True when the text looks like postcodes rather than a municipality name. */
export function looksLikePostcodes(text: string): boolean {
  return /^[\s0-9,;-]+$/.test(text) && /[0-9]/.test(text);
}

/** Splits an area list ("Delft, Rijswijk; 2611-2629") into municipalities and postcode ranges. */
export function parseAreaList(text: string): {
  municipalities: string[];
  postcodes: PostcodeRange[];
  invalid: string[];
} {
  const municipalities: string[] = [];
  const postcodes: PostcodeRange[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[,;\n]/)) {
    const part = raw.trim();
    if (part === '') continue;
    if (looksLikePostcodes(part)) {
      const range = parsePostcodeArea(part);
      if (range) postcodes.push(range);
      else invalid.push(part);
    } else if (fold(part) !== '') {
      municipalities.push(part.replace(/\s+/g, ' '));
    } else {
      invalid.push(part);
    }
  }
  return { municipalities, postcodes, invalid };
}

/** At most this many words of a free-text query are used; more only slows the search down. */
export const MAX_QUERY_TERMS = 8;

/** The words of a free-text query, folded; safe to put into an FTS5 or tsquery expression. */
export function queryTerms(q: string): string[] {
  const words = fold(q).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, MAX_QUERY_TERMS);
}
