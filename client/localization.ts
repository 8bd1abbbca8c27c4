/**
 * @lit/localize in runtime mode. Dutch is the source language (the strings in `msg()`);
 * English comes from the hand-written module `locales/en.ts`, loaded only when chosen.
 */
import { configureLocalization, type LocaleModule } from '@lit/localize';

export const sourceLocale = 'nl';
export const targetLocales = ['en'] as const;
export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/** Every language, the source first. */
export const allLocales: readonly Locale[] = [sourceLocale, ...targetLocales];

/** Languages offered in the picker, each named in its own language. */
export const localeNames: Readonly<Record<Locale, string>> = { nl: 'Nederlands', en: 'English' };

/** Right-to-left languages, for the day one is added (Arabic is common among the families). */
const rtlLocales: ReadonlySet<string> = new Set(['ar', 'fa', 'he']);

const STORAGE_KEY = 'nk-locale';

const { getLocale, setLocale: setLitLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale): Promise<LocaleModule> => {
    if (locale === 'en') return import('./locales/en.js');
    return Promise.reject(new Error(`No translations for ${locale}`));
  },
});

export { getLocale };

export function isLocale(value: unknown): value is Locale {
  return value === sourceLocale || targetLocales.some((locale) => locale === value);
}

/** Switches the language, sets `lang` and `dir` on <html>, and remembers the choice. */
export async function setLocale(locale: Locale): Promise<void> {
  await setLitLocale(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = rtlLocales.has(locale) ? 'rtl' : 'ltr';
  try {
    // Only the language choice is stored; it says nothing about the family.
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be blocked; the choice then lasts for this page only.
  }
}

/** The language chosen earlier on this device, or Dutch. */
export function savedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Fall through to the default.
  }
  return sourceLocale;
}
