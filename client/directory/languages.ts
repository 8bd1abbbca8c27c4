/** The languages a parent can ask a service for, named in her own language. */
import { getLocale } from '../localization.js';

/** Languages a parent can ask for (ISO 639 codes; names come from the browser, in her language). */
export const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'ti', 'uk', 'es', 'fr'] as const;

/** The language's name in the page's language; the code itself when the browser has no name. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
