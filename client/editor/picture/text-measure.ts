/**
 * Text width estimates and line wrapping without a browser, so the ring layout stays a pure
 * function (and testable in Node). Widths are those of DejaVu Sans, a wide sans-serif: on the
 * narrower system fonts of phones and laptops the real text is smaller, never larger.
 */

/** Advance widths in em/100 of the printable ASCII characters (32…126), regular weight. */
const ASCII_WIDTHS = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
  64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79,
  60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63,
  63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
] as const;

/** Bold text is at most this much wider than regular text (DejaVu Sans Bold: 1.05–1.16). */
const BOLD_FACTOR = 1.16;

/** Width in em of one code point. */
function charWidth(codePoint: number): number {
  if (codePoint >= 32 && codePoint <= 126) return (ASCII_WIDTHS[codePoint - 32] ?? 100) / 100;
  // Combining marks (accents, Arabic vowel signs) take no room of their own.
  if (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x064b && codePoint <= 0x065f) ||
    codePoint === 0x0670
  ) {
    return 0;
  }
  if (codePoint === 0x2014 || codePoint === 0x2026) return 1; // em dash, ellipsis
  if (codePoint === 0x2013 || codePoint === 0xa0) return 0.5;
  // Arabic letters, in their joined forms about 0.6 em; the isolated forms are wider.
  if (
    (codePoint >= 0x0600 && codePoint <= 0x06ff) ||
    (codePoint >= 0x0750 && codePoint <= 0x077f) ||
    (codePoint >= 0xfb50 && codePoint <= 0xfeff)
  ) {
    return 0.72;
  }
  // Latin letters with accents: the width of the base letter, rounded up.
  if (codePoint >= 0xc0 && codePoint <= 0x24f) {
    const base = String.fromCodePoint(codePoint).normalize('NFD').codePointAt(0) ?? 0;
    return base >= 32 && base <= 126 ? charWidth(base) + 0.02 : 0.8;
  }
  // East Asian wide characters and emoji.
  if (codePoint >= 0x1100) return codePoint > 0xffff ? 1.25 : 1.05;
  return 0.85;
}

/** Estimated width of `text` at `fontSize` (in the same unit), never less than the real width. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const char of text) em += charWidth(char.codePointAt(0) ?? 0);
  return em * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** A text broken into lines. */
export interface WrappedText {
  readonly lines: string[];
  /** True when the text did not fit and ends in "…". */
  readonly truncated: boolean;
  /** The widest line's estimated width. */
  readonly width: number;
}

const ELLIPSIS = '…';

/** Shortens `text` until it and "…" fit in `maxWidth`. */
export function ellipsize(text: string, maxWidth: number, fontSize: number, bold = false): string {
  const chars = Array.from(text.trimEnd());
  while (chars.length > 0 && textWidth(chars.join('') + ELLIPSIS, fontSize, bold) > maxWidth) {
    chars.pop();
  }
  return chars.join('').trimEnd() + ELLIPSIS;
}

/** Splits into words; a lone dash sticks to the word before it, so no line starts with one. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (word === '') continue;
    const previous = out.length - 1;
    if (/^[—–-]$/.test(word) && previous >= 0) out[previous] = `${out[previous]} ${word}`;
    else out.push(word);
  }
  return out;
}

/** Breaks one word that is wider than a line: after its hyphens if it can, else anywhere. */
function breakWord(word: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const part of word.split(/(?<=-)/)) {
    if (textWidth(piece + part, fontSize, bold) <= maxWidth) {
      piece += part;
      continue;
    }
    if (piece !== '') pieces.push(piece);
    piece = '';
    for (const char of part) {
      if (piece !== '' && textWidth(piece + char, fontSize, bold) > maxWidth) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** The width of the widest word of `text` (a line should be at least this wide if it can). */
export function longestWord(text: string, fontSize: number, bold = false): number {
  return Math.max(0, ...words(text).map((word) => textWidth(word, fontSize, bold)));
}

/**
 * Wraps `text` into at most `maxLines` lines no wider than `maxWidth`; what does not fit is cut
 * off with "…" at the end of the last line.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines: number,
  bold = false,
): WrappedText {
  const lines: string[] = [];
  let line = '';
  for (const word of words(text)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (textWidth(word, fontSize, bold) <= maxWidth) {
      line = word;
    } else {
      const pieces = breakWord(word, maxWidth, fontSize, bold);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
    }
  }
  if (line !== '') lines.push(line);
  let truncated = false;
  if (lines.length > maxLines) {
    const rest = lines.slice(maxLines - 1).join(' ');
    lines.length = maxLines - 1;
    lines.push(ellipsize(rest, maxWidth, fontSize, bold));
    truncated = true;
  }
  const width = Math.max(0, ...lines.map((item) => textWidth(item, fontSize, bold)));
  return { lines, truncated, width };
}
