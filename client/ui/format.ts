/**
 * Dates and times in the app's language (not the browser's), never with seconds: one place, so
 * every screen writes "8 dec 2026, 23:47" the same way.
 */
import { getLocale } from '../localization.js';

/** The app's language as an Intl locale: Dutch as written in the Netherlands. */
export function intlLocale(locale: string = getLocale()): string {
  return locale === 'nl' ? 'nl-NL' : locale;
}

/** Date and time, minutes at most: "8 dec 2026, 23:47" / "Dec 8, 2026, 11:47 PM". */
export function formatDateTime(at: number | Date, locale?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(at);
}

/** A date alone: "8 december 2026" (long) or "8 dec 2026" (medium). */
export function formatDate(
  at: number | Date,
  style: 'long' | 'medium' = 'long',
  locale?: string,
): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: style }).format(at);
}

/** A time alone, minutes at most: "23:47" / "11:47 PM". */
export function formatTime(at: number | Date, locale?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short' }).format(at);
}
